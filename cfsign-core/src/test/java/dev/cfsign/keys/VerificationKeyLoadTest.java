package dev.cfsign.keys;

import static dev.cfsign.keys.Fixtures.bytes;
import static dev.cfsign.keys.Fixtures.jdkPublic;
import static dev.cfsign.keys.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Loading public keys (SPKI and PKCS#1) from PEM, DER, files and environment forms. */
class VerificationKeyLoadTest {

    static Stream<Arguments> publicKeys() {
        return Stream.of(
                Arguments.of("rsa-2048.pub.pem", "rsa-2048.pub.pem", "RSA", KeyType.RSA_2048),
                Arguments.of("rsa-2048.pub-pkcs1.pem", "rsa-2048.pub.pem", "RSA", KeyType.RSA_2048),
                Arguments.of("rsa-1024.pub.pem", "rsa-1024.pub.pem", "RSA", KeyType.RSA_1024),
                Arguments.of("rsa-4096.pub.pem", "rsa-4096.pub.pem", "RSA", KeyType.RSA_4096),
                Arguments.of("ec-p256.pub.pem", "ec-p256.pub.pem", "EC", KeyType.EC_P256));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicKeys")
    void fromPem_publicFixture_equalsJdkLoadedSpki(String fixture, String spki, String alg, KeyType type)
            throws Exception {
        byte[] expected = jdkPublic(spki, alg).getEncoded();
        VerificationKey k = VerificationKey.fromPem(text(fixture));
        assertThat(k.keyType()).isEqualTo(type);
        assertThat(k.jcaPublicKey().getEncoded()).isEqualTo(expected);
        for (Map.Entry<String, String> form : Fixtures.envForms(text(fixture)).entrySet()) {
            assertThat(VerificationKey.fromPem(form.getValue()).jcaPublicKey().getEncoded()).as(form.getKey())
                    .isEqualTo(expected);
        }
    }

    @Test
    void fromPem_rsaPublic_modulusEqualsOpensslModulus() {
        RSAPublicKey k = (RSAPublicKey) VerificationKey.fromPem(text("rsa-2048.pub-pkcs1.pem")).jcaPublicKey();
        assertThat(k.getModulus()).isEqualTo(Fixtures.modulus("rsa-2048.modulus.txt"));
        assertThat(k.getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
    }

    @Test
    void fromDerAndFile_spkiAndPkcs1_loadSameKey() throws Exception {
        VerificationKey rsa = VerificationKey.fromPem(text("rsa-2048.pub.pem"));
        assertThat(VerificationKey.fromDer(bytes("rsa-2048.pub.der"))).isEqualTo(rsa);
        assertThat(VerificationKey.fromFile(Fixtures.path("rsa-2048.pub.der"))).isEqualTo(rsa);
        assertThat(VerificationKey.fromFile(Fixtures.path("rsa-2048.pub-pkcs1.pem"))).isEqualTo(rsa);
        byte[] pkcs1 = Base64.getMimeDecoder().decode(Fixtures.body(text("rsa-2048.pub-pkcs1.pem")));
        assertThat(VerificationKey.fromDer(pkcs1)).isEqualTo(rsa);
        assertThat(VerificationKey.fromPem(Base64.getEncoder().encodeToString(bytes("ec-p256.pub.der"))))
                .isEqualTo(VerificationKey.fromPem(text("ec-p256.pub.pem")));
    }

    @Test
    void verificationKey_derivedFromPrivate_equalsOpensslPubout() {
        assertThat(SigningKey.fromPem(text("ec-p256.sec1-nopub.pem")).verificationKey())
                .contains(VerificationKey.fromPem(text("ec-p256.pub.pem")));
        assertThat(SigningKey.fromPem(text("rsa-2048.pkcs1.pem")).verificationKey())
                .contains(VerificationKey.fromPem(text("rsa-2048.pub.pem")));
    }

    @Test
    void of_ecPointOffCurve_refused() throws Exception {
        byte[] spki = bytes("ec-p256.pub.der");
        spki[spki.length - 1] ^= 1; // y changes: the point leaves the curve
        KeyFormatException e = Fixtures.rejected(() -> VerificationKey.fromDer(spki),
                KeyFormatException.Reason.MALFORMED_DER, text("ec-p256.pub.pem"));
        assertThat(e.getMessage()).contains("not on the P-256 curve");
    }
}
