package dev.cfsign.keys;

import static dev.cfsign.keys.Fixtures.assertNoKeyMaterial;
import static dev.cfsign.keys.Fixtures.bytes;
import static dev.cfsign.keys.Fixtures.jdkPrivate;
import static dev.cfsign.keys.Fixtures.jdkPublic;
import static dev.cfsign.keys.Fixtures.modulus;
import static dev.cfsign.keys.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Loading private keys from every valid form, checked against openssl and the JDK as independent oracles. */
class SigningKeyLoadTest {

    /** fixture, JCA algorithm, type, PKCS#8 DER loaded by the JDK, public key PEM from openssl. */
    static Stream<Arguments> validPrivateKeys() {
        return Stream.of(
                Arguments.of("rsa-2048.pkcs8.pem", "RSA", KeyType.RSA_2048, "rsa-2048.pkcs8.der", "rsa-2048.pub.pem"),
                Arguments.of("rsa-2048.pkcs1.pem", "RSA", KeyType.RSA_2048, "rsa-2048.pkcs8.der", "rsa-2048.pub.pem"),
                Arguments.of("rsa-2048.bag-attributes.pem", "RSA", KeyType.RSA_2048, "rsa-2048.pkcs8.der",
                        "rsa-2048.pub.pem"),
                Arguments.of("rsa-1024.pkcs8.pem", "RSA", KeyType.RSA_1024, null, "rsa-1024.pub.pem"),
                Arguments.of("rsa-4096.pkcs8.pem", "RSA", KeyType.RSA_4096, null, "rsa-4096.pub.pem"),
                Arguments.of("ec-p256.pkcs8.pem", "EC", KeyType.EC_P256, "ec-p256.pkcs8.der", "ec-p256.pub.pem"),
                Arguments.of("ec-p256.sec1.pem", "EC", KeyType.EC_P256, "ec-p256.pkcs8.der", "ec-p256.pub.pem"),
                Arguments.of("ec-p256.sec1-params.pem", "EC", KeyType.EC_P256, "ec-p256.pkcs8.der", "ec-p256.pub.pem"),
                Arguments.of("ec-p256.sec1-nopub.pem", "EC", KeyType.EC_P256, "ec-p256.pkcs8.der", "ec-p256.pub.pem"),
                Arguments.of("ec-p256.pkcs8-nopub.pem", "EC", KeyType.EC_P256, "ec-p256.pkcs8.der",
                        "ec-p256.pub.pem"),
                Arguments.of("ec-p256-ecparam.pem", "EC", KeyType.EC_P256, null, "ec-p256-ecparam.pub.pem"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validPrivateKeys")
    void fromPem_validFixture_loadsSameKeyAsOracles(String fixture, String alg, KeyType type, String der,
            String pub) throws Exception {
        SigningKey key = SigningKey.fromPem(text(fixture));

        assertThat(key.keyType()).isEqualTo(type);
        PublicKey opensslPublic = jdkPublic(pub, alg);
        assertThat(key.verificationKey()).isPresent();
        assertThat(key.verificationKey().get().jcaPublicKey().getEncoded()).isEqualTo(opensslPublic.getEncoded());
        if (der != null) {
            PrivateKey jdk = jdkPrivate(der, alg);
            if (alg.equals("RSA")) {
                assertThat(key.jcaPrivateKey().getEncoded()).isEqualTo(jdk.getEncoded());
            } else {
                assertThat(((ECPrivateKey) key.jcaPrivateKey()).getS()).isEqualTo(((ECPrivateKey) jdk).getS());
            }
        }
        assertSignsFor(key, opensslPublic);
    }

    @Test
    void fromPem_rsaFixtures_modulusEqualsOpensslModulus() {
        for (String bits : List.of("1024", "2048", "4096")) {
            SigningKey key = SigningKey.fromPem(text("rsa-" + bits + ".pkcs8.pem"));
            assertThat(((RSAPrivateCrtKey) key.jcaPrivateKey()).getModulus())
                    .isEqualTo(modulus("rsa-" + bits + ".modulus.txt"));
        }
        SigningKey pkcs1 = SigningKey.fromPem(text("rsa-2048.pkcs1.pem"));
        assertThat(((RSAPrivateCrtKey) pkcs1.jcaPrivateKey()).getModulus()).isEqualTo(modulus("rsa-2048.modulus.txt"));
    }

    @Test
    void fromDer_pkcs8AndPkcs1AndSec1_loadSameKeyAsPem() {
        byte[] rsa = SigningKey.fromPem(text("rsa-2048.pkcs8.pem")).jcaPrivateKey().getEncoded();
        assertThat(SigningKey.fromDer(bytes("rsa-2048.pkcs8.der")).jcaPrivateKey().getEncoded()).isEqualTo(rsa);
        assertThat(SigningKey.fromDer(bytes("rsa-2048.pkcs1.der")).jcaPrivateKey().getEncoded()).isEqualTo(rsa);

        ECPrivateKey ec = (ECPrivateKey) SigningKey.fromPem(text("ec-p256.pkcs8.pem")).jcaPrivateKey();
        assertThat(((ECPrivateKey) SigningKey.fromDer(bytes("ec-p256.pkcs8.der")).jcaPrivateKey()).getS())
                .isEqualTo(ec.getS());
        assertThat(((ECPrivateKey) SigningKey.fromDer(bytes("ec-p256.sec1.der")).jcaPrivateKey()).getS())
                .isEqualTo(ec.getS());
    }

    @Test
    void fromFile_pemAndDerFiles_detectedFromContent() throws Exception {
        byte[] rsa = SigningKey.fromPem(text("rsa-2048.pkcs8.pem")).jcaPrivateKey().getEncoded();
        for (String f : List.of("rsa-2048.pkcs8.pem", "rsa-2048.pkcs1.pem", "rsa-2048.pkcs8.der", "rsa-2048.pkcs1.der")) {
            assertThat(SigningKey.fromFile(Fixtures.path(f)).jcaPrivateKey().getEncoded()).as(f).isEqualTo(rsa);
        }
        assertThat(SigningKey.fromFile(Fixtures.path("ec-p256.sec1.der")).keyType()).isEqualTo(KeyType.EC_P256);
    }

    static Stream<Arguments> envForms() {
        return Stream.of("rsa-2048.pkcs8.pem", "rsa-2048.pkcs1.pem", "ec-p256.pkcs8.pem", "ec-p256.sec1.pem",
                        "ec-p256.sec1-params.pem", "rsa-2048.bag-attributes.pem")
                .flatMap(f -> Fixtures.envForms(text(f)).entrySet().stream()
                        .map(e -> Arguments.of(f, e.getKey(), e.getValue())));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("envForms")
    void fromPem_environmentForm_loadsSameKey(String fixture, String form, String value) {
        byte[] expected = SigningKey.fromPem(text(fixture)).jcaPrivateKey().getEncoded();
        assertThat(SigningKey.fromPem(value).jcaPrivateKey().getEncoded()).isEqualTo(expected);
    }

    @Test
    void fromPem_base64OfDer_loads() {
        for (String f : List.of("rsa-2048.pkcs8.der", "rsa-2048.pkcs1.der", "ec-p256.sec1.der")) {
            byte[] der = bytes(f);
            byte[] expected = SigningKey.fromDer(der).jcaPrivateKey().getEncoded();
            assertThat(SigningKey.fromPem(Base64.getEncoder().encodeToString(der)).jcaPrivateKey().getEncoded())
                    .as(f).isEqualTo(expected);
            assertThat(SigningKey.fromPem("'" + Base64.getMimeEncoder().encodeToString(der) + "'")
                    .jcaPrivateKey().getEncoded()).as(f).isEqualTo(expected);
            assertThat(SigningKey.fromPem(Base64.getUrlEncoder().encodeToString(der)).jcaPrivateKey().getEncoded())
                    .as(f).isEqualTo(expected);
        }
    }

    @Test
    void fromPem_encryptedPkcs8WithPassphrase_loads() throws Exception {
        char[] pass = "test-passphrase".toCharArray();
        assertThat(SigningKey.fromPem(text("rsa-2048.enc-pkcs8.pem"), pass).jcaPrivateKey().getEncoded())
                .isEqualTo(jdkPrivate("rsa-2048.pkcs8.der", "RSA").getEncoded());
        assertThat(SigningKey.fromPem(text("rsa-2048.enc-pkcs8-pbes1.pem"), pass).jcaPrivateKey().getEncoded())
                .isEqualTo(jdkPrivate("rsa-2048.pkcs8.der", "RSA").getEncoded());
        SigningKey ec = SigningKey.fromPem(text("ec-p256.enc-pkcs8.pem"), pass);
        assertThat(((ECPrivateKey) ec.jcaPrivateKey()).getS())
                .isEqualTo(((ECPrivateKey) jdkPrivate("ec-p256.pkcs8.der", "EC")).getS());
        // the env forms work for encrypted keys too
        String oneLine = "\"" + text("rsa-2048.enc-pkcs8.pem").replace("\n", "\\n") + "\"";
        assertThat(SigningKey.fromPem(oneLine, pass).keyType()).isEqualTo(KeyType.RSA_2048);
    }

    @Test
    void fromPem_legacyEncryptedPemWithPassphrase_loads() throws Exception {
        char[] pass = "test-passphrase".toCharArray();
        assertThat(SigningKey.fromPem(text("rsa-2048.enc-legacy.pem"), pass).jcaPrivateKey().getEncoded())
                .isEqualTo(jdkPrivate("rsa-2048.pkcs8.der", "RSA").getEncoded());
        SigningKey ec = SigningKey.fromPem(text("ec-p256.enc-legacy.pem"), pass);
        assertThat(((ECPrivateKey) ec.jcaPrivateKey()).getS())
                .isEqualTo(((ECPrivateKey) jdkPrivate("ec-p256.pkcs8.der", "EC")).getS());
    }

    @Test
    void fromPem_passphraseForUnencryptedKey_loads() {
        assertThat(SigningKey.fromPem(text("rsa-2048.pkcs8.pem"), "unused".toCharArray()).keyType())
                .isEqualTo(KeyType.RSA_2048);
    }

    @Test
    void matches_pairAndOtherKey_trueAndKeyMismatch() {
        String pem = text("rsa-2048.pkcs8.pem");
        SigningKey rsa = SigningKey.fromPem(pem);
        VerificationKey rsaPub = VerificationKey.fromPem(text("rsa-2048.pub.pem"));
        assertThat(rsa.matches(rsaPub)).isTrue();
        assertThatCode(() -> rsa.checkMatches(rsaPub)).doesNotThrowAnyException();

        SigningKey ec = SigningKey.fromPem(text("ec-p256.sec1.pem"));
        VerificationKey ecPub = VerificationKey.fromPem(text("ec-p256.pub.pem"));
        assertThat(ec.matches(ecPub)).isTrue();
        assertThatCode(() -> ec.checkMatches(ecPub)).doesNotThrowAnyException();

        VerificationKey other = VerificationKey.fromPem(text("ec-p256-ecparam.pub.pem"));
        assertThat(ec.matches(other)).isFalse();
        assertThat(rsa.matches(ecPub)).isFalse();
        KeyFormatException e = Fixtures.rejected(() -> ec.checkMatches(other), KeyFormatException.Reason.KEY_MISMATCH,
                text("ec-p256.pkcs8.pem"));
        assertThat(e.getMessage()).contains("does not belong", "openssl pkey");
        assertNoKeyMaterial(e, text("ec-p256-ecparam.pub.pem"));
        KeyFormatException e2 = Fixtures.rejected(() -> rsa.checkMatches(VerificationKey.fromPem(text("rsa-1024.pub.pem"))),
                KeyFormatException.Reason.KEY_MISMATCH, pem);
        assertNoKeyMaterial(e2, text("rsa-1024.pub.pem"));
    }

    @Test
    void toString_loadedKeys_containsNoKeyMaterial() {
        for (String f : List.of("rsa-2048.pkcs8.pem", "rsa-2048.pkcs1.pem", "ec-p256.sec1.pem", "ec-p256.pkcs8.pem")) {
            SigningKey k = SigningKey.fromPem(text(f));
            assertThat(k.toString()).startsWith("SigningKey[");
            assertNoKeyMaterial(k.toString(), text(f));
            assertNoKeyMaterial(k.verificationKey().orElseThrow().toString(), text(f));
        }
        for (String f : List.of("rsa-2048.pub.pem", "ec-p256.pub.pem")) {
            VerificationKey v = VerificationKey.fromPem(text(f));
            assertThat(v.toString()).startsWith("VerificationKey[");
            assertNoKeyMaterial(v.toString(), text(f));
        }
    }

    @Test
    void exportPkcs8Pem_loadedPkcs1_roundTrips() {
        SigningKey k = SigningKey.fromPem(text("rsa-2048.pkcs1.pem"));
        assertThat(SigningKey.fromPem(k.exportPkcs8Pem()).jcaPrivateKey().getEncoded())
                .isEqualTo(k.jcaPrivateKey().getEncoded());
    }

    static void assertSignsFor(SigningKey key, PublicKey publicKey) throws Exception {
        String alg = key.keyType() == KeyType.EC_P256 ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] msg = "{\"Statement\":[]}".getBytes(StandardCharsets.UTF_8);
        Signature s = Signature.getInstance(alg);
        s.initSign(key.jcaPrivateKey());
        s.update(msg);
        byte[] sig = s.sign();
        Signature v = Signature.getInstance(alg);
        v.initVerify(publicKey);
        v.update(msg);
        assertThat(v.verify(sig)).isTrue();
    }

    @Test
    void envForms_coverTheIssueList() {
        Map<String, String> forms = Fixtures.envForms(text("rsa-2048.pkcs8.pem"));
        assertThat(forms).containsKeys("literal \\n on one line", "CRLF", "single quotes", "double quotes",
                "surrounding whitespace", "base64 of the PEM", "literal \\n in double quotes", "76-character lines",
                "no line breaks in the body", "trailing spaces and tabs", "no final newline");
    }
}
