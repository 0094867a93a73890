package dev.cfsign.keys;

import static dev.cfsign.keys.Fixtures.bytes;
import static dev.cfsign.keys.Fixtures.rejected;
import static dev.cfsign.keys.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cfsign.keys.KeyFormatException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal: the right reason, a message that names the problem and the fix, and no key material. */
class KeyRejectionTest {
    private static final char[] PASS = "test-passphrase".toCharArray();
    private static final String RSA = text("rsa-2048.pkcs8.pem");

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", " \n\t\r\n ", "''", "\"\"", "\" \""})
    void fromPem_emptyValue_empty(String value) {
        KeyFormatException e = rejected(() -> SigningKey.fromPem(value), Reason.EMPTY, null);
        assertThat(e.getMessage()).contains("empty", "BEGIN PRIVATE KEY");
        rejected(() -> VerificationKey.fromPem(value), Reason.EMPTY, null);
    }

    @Test
    void fromPem_null_emptyNamingUnsetVariable() {
        KeyFormatException e = rejected(() -> SigningKey.fromPem(null), Reason.EMPTY, null);
        assertThat(e.getMessage()).contains("null", "environment variable");
        rejected(() -> SigningKey.fromDer(new byte[0]), Reason.EMPTY, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/keys/pk.pem", "./key.pem", "~/k.pem", "C:\\keys\\k.pem", "key.pem",
            "pk-APKAEIBAERJR2EXAMPLE.pem", "/run/secrets/cloudfront_key", "C:\\keys\\new.key", "file:///k.der",
            "private.p8", "'/etc/keys/pk.pem'"})
    void fromPem_filePath_looksLikePath(String value) {
        KeyFormatException e = rejected(() -> SigningKey.fromPem(value), Reason.LOOKS_LIKE_PATH, null);
        assertThat(e.getMessage()).contains("file path", "contents", "SigningKey.fromFile").doesNotContain(value);
        KeyFormatException p = rejected(() -> VerificationKey.fromPem(value), Reason.LOOKS_LIKE_PATH, null);
        assertThat(p.getMessage()).contains("VerificationKey.fromFile");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AWS_CLOUDFRONT_PRIVATE_KEY", "$MY_KEY", "${MY_KEY}", "%CF_KEY%", "cloudfront_private_key",
            "CFKEY"})
    void fromPem_variableName_looksLikeEnvName(String value) {
        KeyFormatException e = rejected(() -> SigningKey.fromPem(value), Reason.LOOKS_LIKE_ENV_NAME, null);
        assertThat(e.getMessage()).contains("name of an environment variable", "not its value", "System.getenv")
                .doesNotContain(value);
    }

    @Test
    void fromPem_encryptedPkcs8WithoutPassphrase_encrypted() {
        String pem = text("rsa-2048.enc-pkcs8.pem");
        KeyFormatException e = rejected(() -> SigningKey.fromPem(pem), Reason.ENCRYPTED, pem);
        assertThat(e.getMessage()).contains("BEGIN ENCRYPTED PRIVATE KEY", "passphrase", "openssl pkey -in enc.pem -out key.pem");
    }

    @Test
    void fromPem_legacyEncryptedWithoutPassphrase_encrypted() {
        String pem = text("rsa-2048.enc-legacy.pem");
        KeyFormatException e = rejected(() -> SigningKey.fromPem(pem), Reason.ENCRYPTED, pem);
        assertThat(e.getMessage()).contains("Proc-Type: 4,ENCRYPTED", "passphrase", "openssl pkey -in enc.pem -out key.pem");
        rejected(() -> SigningKey.fromPem(pem.replace("\n", "\\n")), Reason.ENCRYPTED, pem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-2048.enc-pkcs8.pem", "ec-p256.enc-pkcs8.pem", "rsa-2048.enc-legacy.pem",
            "ec-p256.enc-legacy.pem", "rsa-2048.enc-pkcs8-pbes1.pem"})
    void fromPem_wrongPassphrase_encryptedWrongPassphrase(String fixture) {
        String pem = text(fixture);
        KeyFormatException e = rejected(() -> SigningKey.fromPem(pem, "not-the-passphrase".toCharArray()),
                Reason.ENCRYPTED, pem);
        assertThat(e.getMessage()).containsIgnoringCase("wrong passphrase or unsupported encryption")
                .contains("openssl pkey -in enc.pem -out key.pem");
        assertThat(e.getCause()).isNull();
    }

    @Test
    void fromPem_scryptEncrypted_encryptedUnsupported() {
        String pem = text("rsa-2048.enc-pkcs8-scrypt.pem");
        KeyFormatException e = rejected(() -> SigningKey.fromPem(pem, PASS), Reason.ENCRYPTED, pem);
        assertThat(e.getMessage()).contains("scrypt", "openssl pkey -in enc.pem -out key.pem");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-2048.pub.pem", "rsa-2048.pub-pkcs1.pem", "ec-p256.pub.pem"})
    void fromPem_publicKey_publicKeyGiven(String fixture) {
        String pem = text(fixture);
        KeyFormatException e = rejected(() -> SigningKey.fromPem(pem), Reason.PUBLIC_KEY_GIVEN, pem);
        assertThat(e.getMessage()).contains("public key", "private key", "BEGIN PRIVATE KEY");
        rejected(() -> SigningKey.fromPem(pem.replace("\n", "\\n")), Reason.PUBLIC_KEY_GIVEN, pem);
    }

    @Test
    void fromDer_publicKeyDer_publicKeyGiven() {
        rejected(() -> SigningKey.fromDer(bytes("rsa-2048.pub.der")), Reason.PUBLIC_KEY_GIVEN, text("rsa-2048.pub.pem"));
        rejected(() -> SigningKey.fromFile(Fixtures.path("ec-p256.pub.der")), Reason.PUBLIC_KEY_GIVEN,
                text("ec-p256.pub.pem"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-2048.pkcs8.pem", "rsa-2048.pkcs1.pem", "ec-p256.sec1.pem", "ec-p256.pkcs8.pem",
            "rsa-2048.enc-pkcs8.pem", "openssh-ecdsa"})
    void verificationKeyFromPem_privateKey_privateKeyGiven(String fixture) {
        String pem = text(fixture);
        KeyFormatException e = rejected(() -> VerificationKey.fromPem(pem), Reason.PRIVATE_KEY_GIVEN, pem);
        assertThat(e.getMessage()).contains("private key", "openssl pkey -in key.pem -pubout");
    }

    @Test
    void verificationKeyFromDer_privateKeyDer_privateKeyGiven() {
        rejected(() -> VerificationKey.fromDer(bytes("rsa-2048.pkcs8.der")), Reason.PRIVATE_KEY_GIVEN, RSA);
        rejected(() -> VerificationKey.fromDer(bytes("rsa-2048.pkcs1.der")), Reason.PRIVATE_KEY_GIVEN, RSA);
        rejected(() -> VerificationKey.fromDer(bytes("ec-p256.sec1.der")), Reason.PRIVATE_KEY_GIVEN,
                text("ec-p256.sec1.pem"));
    }

    @Test
    void fromPem_certificate_certificateGiven() {
        String cert = text("cert.pem");
        KeyFormatException e = rejected(() -> SigningKey.fromPem(cert), Reason.CERTIFICATE_GIVEN, cert);
        assertThat(e.getMessage()).contains("certificate", "BEGIN CERTIFICATE", "private key");
        KeyFormatException p = rejected(() -> VerificationKey.fromPem(cert), Reason.CERTIFICATE_GIVEN, cert);
        assertThat(p.getMessage()).contains("openssl x509 -in cert.pem -pubkey -noout");
        rejected(() -> SigningKey.fromDer(bytes("cert.der")), Reason.CERTIFICATE_GIVEN, cert);
        rejected(() -> VerificationKey.fromDer(bytes("cert.der")), Reason.CERTIFICATE_GIVEN, cert);
    }

    @Test
    void fromPem_keyWithCertificateChain_loadsTheKey() {
        assertThat(SigningKey.fromPem(RSA + text("cert.pem")).keyType()).isEqualTo(KeyType.RSA_2048);
    }

    @Test
    void fromPem_twoKeys_multipleKeys() {
        String two = RSA + text("ec-p256.pkcs8.pem");
        KeyFormatException e = rejected(() -> SigningKey.fromPem(two), Reason.MULTIPLE_KEYS, two);
        assertThat(e.getMessage()).contains("2 key blocks", "BEGIN PRIVATE KEY (line 1)", "line 29", "one key");
        String withPublic = RSA + text("rsa-2048.pub.pem");
        rejected(() -> SigningKey.fromPem(withPublic), Reason.MULTIPLE_KEYS, withPublic);
        String pubs = text("rsa-2048.pub.pem") + text("ec-p256.pub.pem");
        rejected(() -> VerificationKey.fromPem(pubs), Reason.MULTIPLE_KEYS, pubs);
    }

    @Test
    void fromPem_opensshPrivateKey_notAKeyWithSshKeygen() {
        String pem = text("openssh-ecdsa");
        KeyFormatException e = rejected(() -> SigningKey.fromPem(pem), Reason.NOT_A_KEY, pem);
        assertThat(e.getMessage()).contains("OpenSSH", "ssh-keygen -p -m PEM -f key");
    }

    @Test
    void fromPem_opensshPublicKey_notAKeyWithSshKeygen() {
        String pub = text("openssh-ecdsa.pub");
        String body = pub.split(" ")[1];
        String fakePem = "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        KeyFormatException e = rejected(() -> VerificationKey.fromPem(pub), Reason.NOT_A_KEY, fakePem);
        assertThat(e.getMessage()).contains("OpenSSH public key", "ecdsa-sha2-nistp256", "ssh-keygen -e -m PKCS8 -f key.pub");
        String rsa = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host";
        assertThat(rejected(() -> SigningKey.fromPem(rsa), Reason.NOT_A_KEY, null).getMessage()).contains("ssh-rsa");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello world", "not a key at all, really", "{\"kty\":\"RSA\",\"n\":\"abc\"}",
            "-----BEGIN private key-----\nabc\n-----END private key-----"})
    void fromPem_garbage_notAKey(String value) {
        KeyFormatException e = rejected(() -> SigningKey.fromPem(value), Reason.NOT_A_KEY, null);
        assertThat(e.getMessage()).contains("PEM");
    }

    @Test
    void fromPem_truncatedFixture_malformedBase64() {
        String pem = text("rsa-2048.truncated.pem");
        KeyFormatException e = rejected(() -> SigningKey.fromPem(pem), Reason.MALFORMED_BASE64, RSA);
        assertThat(e.getMessage()).contains("BEGIN PRIVATE KEY", "END", "truncated");
    }

    @Test
    void fromPem_garbledFixture_malformedBase64() {
        String pem = text("rsa-2048.garbled.pem");
        KeyFormatException e = rejected(() -> SigningKey.fromPem(pem), Reason.MALFORMED_BASE64, RSA);
        assertThat(e.getMessage()).contains("'*'", "line 5", "not base64");
    }

    @Test
    void fromPem_bodyCutShort_malformedBase64Truncated() {
        String[] lines = RSA.split("\n");
        // whole lines missing: base64 stays valid, the DER inside is cut short
        String cutLines = lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n" + lines[lines.length - 1] + "\n";
        KeyFormatException e = rejected(() -> SigningKey.fromPem(cutLines), Reason.MALFORMED_BASE64, RSA);
        assertThat(e.getMessage()).contains("truncated");
        // a partial line: not a multiple of 4
        String cutChars = lines[0] + "\n" + lines[1] + "\n" + lines[2].substring(0, 30) + "\n" + lines[lines.length - 1];
        e = rejected(() -> SigningKey.fromPem(cutChars), Reason.MALFORMED_BASE64, RSA);
        assertThat(e.getMessage()).contains("not a multiple of 4", "truncated");
        // the END line lost, as when only the first line of a multi-line variable is read
        String noEnd = RSA.substring(0, RSA.indexOf("-----END"));
        e = rejected(() -> SigningKey.fromPem(noEnd), Reason.MALFORMED_BASE64, RSA);
        assertThat(e.getMessage()).contains("no '-----END PRIVATE KEY-----' line", "truncated");
        rejected(() -> SigningKey.fromPem(lines[0]), Reason.MALFORMED_BASE64, RSA);
    }

    @Test
    void fromPem_brokenAsn1_malformedDer() {
        byte[] der = bytes("rsa-2048.pkcs8.der");
        byte[] broken = der.clone();
        broken[4] = 0x05; // the version INTEGER becomes a NULL tag
        String pem = pem("PRIVATE KEY", broken);
        KeyFormatException e = rejected(() -> SigningKey.fromPem(pem), Reason.MALFORMED_DER, RSA);
        assertThat(e.getMessage()).contains("DER", "BEGIN PRIVATE KEY");
        byte[] extra = Arrays.copyOf(der, der.length + 3);
        rejected(() -> SigningKey.fromDer(extra), Reason.MALFORMED_DER, RSA);
        byte[] cut = Arrays.copyOf(der, der.length - 10);
        assertThat(rejected(() -> SigningKey.fromDer(cut), Reason.MALFORMED_DER, RSA).getMessage()).contains("bytes");
        byte[] inner = der.clone();
        inner[30] ^= 0x7F; // inside the RSA key: the JDK refuses it, its message is not passed on
        KeyFormatException j = rejected(() -> SigningKey.fromDer(inner), Reason.MALFORMED_DER, RSA);
        assertThat(j.getCause()).isNull();
    }

    @Test
    void fromPem_sec1WithoutCurve_malformedDerUnlessEcParametersBlock() {
        // SEC1 with its [0] parameters removed: SEQUENCE { 1, OCTET STRING d, [1] publicKey }
        byte[] sec1 = bytes("ec-p256.sec1.der");
        int paramsAt = 2 + 3 + 2 + 32; // SEQUENCE header, INTEGER 1, OCTET STRING header + 32 bytes
        assertThat(sec1[paramsAt] & 0xFF).isEqualTo(0xA0);
        int paramsLen = 2 + sec1[paramsAt + 1];
        byte[] stripped = new byte[sec1.length - paramsLen];
        System.arraycopy(sec1, 0, stripped, 0, paramsAt);
        System.arraycopy(sec1, paramsAt + paramsLen, stripped, paramsAt, sec1.length - paramsAt - paramsLen);
        stripped[1] = (byte) (stripped.length - 2);
        String pem = pem("EC PRIVATE KEY", stripped);
        KeyFormatException e = rejected(() -> SigningKey.fromPem(pem), Reason.MALFORMED_DER, pem);
        assertThat(e.getMessage()).contains("curve", "EC PARAMETERS");
        String withParams = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" + pem;
        assertThat(SigningKey.fromPem(withParams).verificationKey().orElseThrow())
                .isEqualTo(VerificationKey.fromPem(text("ec-p256.pub.pem")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519.pkcs8.pem", "dsa-1024.traditional.pem", "dsa-1024.pkcs8.pem"})
    void fromPem_otherAlgorithm_unsupportedAlgorithm(String fixture) {
        String pem = text(fixture);
        KeyFormatException e = rejected(() -> SigningKey.fromPem(pem), Reason.UNSUPPORTED_ALGORITHM, pem);
        assertThat(e.getMessage()).containsAnyOf("Ed25519", "DSA").contains("RSA-2048 or ECDSA P-256", "openssl genpkey");
    }

    @Test
    void verificationKeyFromPem_ed25519_unsupportedAlgorithm() {
        String pem = text("ed25519.pub.pem");
        KeyFormatException e = rejected(() -> VerificationKey.fromPem(pem), Reason.UNSUPPORTED_ALGORITHM, pem);
        assertThat(e.getMessage()).contains("Ed25519", "1.3.101.112");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec-p384.pkcs8.pem", "ec-p384.sec1.pem", "ec-secp256k1.pkcs8.pem", "ec-secp256k1.sec1.pem"})
    void fromPem_otherCurve_unsupportedCurve(String fixture) {
        String pem = text(fixture);
        KeyFormatException e = rejected(() -> SigningKey.fromPem(pem), Reason.UNSUPPORTED_CURVE, pem);
        assertThat(e.getMessage()).containsAnyOf("P-384 (secp384r1)", "secp256k1").contains("P-256", "prime256v1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec-p384.pub.pem", "ec-secp256k1.pub.pem"})
    void verificationKeyFromPem_otherCurve_unsupportedCurve(String fixture) {
        String pem = text(fixture);
        KeyFormatException e = rejected(() -> VerificationKey.fromPem(pem), Reason.UNSUPPORTED_CURVE, pem);
        assertThat(e.getMessage()).containsAnyOf("1.3.132.0.34", "1.3.132.0.10");
    }

    @Test
    void fromPem_rsa1536_unsupportedKeySize() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1536);
        var pair = g.generateKeyPair();
        String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded());
        KeyFormatException e = rejected(() -> SigningKey.fromPem(pem), Reason.UNSUPPORTED_KEY_SIZE, pem);
        assertThat(e.getMessage()).contains("RSA-1536", "RSA-2048");
        String pub = pem("PUBLIC KEY", pair.getPublic().getEncoded());
        rejected(() -> VerificationKey.fromPem(pub), Reason.UNSUPPORTED_KEY_SIZE, pub);
    }

    /** Found by KeyLoadingFuzzTest: one byte of the EC secret changed, the embedded public key left intact. */
    @Test
    void fromPem_ecSecretDamagedButEmbeddedPublicKeyIntact_keyMismatch() {
        KeyFormatException e = catchThrowableOfType(() -> SigningKey.fromPem(Fixtures.text("ec-p256.damaged-secret.pem")),
                KeyFormatException.class);

        assertThat(e.reason()).isEqualTo(KeyFormatException.Reason.KEY_MISMATCH);
        assertThat(e.getMessage()).contains("damaged").contains("intact copy");
        Fixtures.assertNoKeyMaterial(e.getMessage(), Fixtures.text("ec-p256.damaged-secret.pem"));
    }

    @Test
    void fromDer_ecSecretDamagedButEmbeddedPublicKeyIntact_keyMismatch() {
        byte[] der = Fixtures.bytes("ec-p256.sec1.der").clone();
        der[13] ^= 0x01; // inside the 32-byte secret, which starts at offset 7

        KeyFormatException e = catchThrowableOfType(() -> SigningKey.fromDer(der), KeyFormatException.class);

        assertThat(e.reason()).isEqualTo(KeyFormatException.Reason.KEY_MISMATCH);
    }

    /**
     * An RSA key with one CRT number damaged and the rest intact. The arithmetic check must refuse it exactly when
     * {@code openssl rsa -check} (the independent oracle) does; signatures made with such a key would be wrong.
     */
    @ParameterizedTest
    @ValueSource(strings = {"d", "p", "q", "dP", "dQ", "qInv", "none"})
    void fromDer_rsaCrtNumberDamaged_keyMismatchLikeOpensslCheck(String damaged) throws Exception {
        java.security.interfaces.RSAPrivateCrtKey k = (java.security.interfaces.RSAPrivateCrtKey)
                Fixtures.jdkPrivate("rsa-2048.pkcs8.der", "RSA");
        java.math.BigInteger two = java.math.BigInteger.TWO;
        java.util.function.Function<String, java.math.BigInteger> v = name -> {
            java.math.BigInteger x = switch (name) {
                case "d" -> k.getPrivateExponent();
                case "p" -> k.getPrimeP();
                case "q" -> k.getPrimeQ();
                case "dP" -> k.getPrimeExponentP();
                case "dQ" -> k.getPrimeExponentQ();
                default -> k.getCrtCoefficient();
            };
            return name.equals(damaged) ? x.add(two) : x;
        };
        byte[] der = java.security.KeyFactory.getInstance("RSA").generatePrivate(
                new java.security.spec.RSAPrivateCrtKeySpec(k.getModulus(), k.getPublicExponent(), v.apply("d"),
                        v.apply("p"), v.apply("q"), v.apply("dP"), v.apply("dQ"), v.apply("qInv"))).getEncoded();

        Boolean opensslValid = opensslRsaCheck(der);
        if (damaged.equals("none")) {
            assertThat(SigningKey.fromDer(der).keyType()).isEqualTo(KeyType.RSA_2048);
        } else {
            KeyFormatException e = catchThrowableOfType(() -> SigningKey.fromDer(der), KeyFormatException.class);
            assertThat(e).as("damaged " + damaged).isNotNull();
            assertThat(e.reason()).isEqualTo(Reason.KEY_MISMATCH);
            assertThat(e.getMessage()).contains("damaged", "intact copy");
        }
        if (opensslValid != null) {
            assertThat(opensslValid).as("openssl rsa -check on a key with " + damaged + " damaged")
                    .isEqualTo(damaged.equals("none"));
        }
    }

    /** {@code openssl rsa -check} on a PKCS#8 DER key: true/false, or null when openssl is not installed. */
    private static Boolean opensslRsaCheck(byte[] der) throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("cfsign-rsa-check", ".der");
        try {
            java.nio.file.Files.write(f, der);
            Process p;
            try {
                p = new ProcessBuilder("openssl", "rsa", "-check", "-noout", "-inform", "DER", "-in", f.toString())
                        .redirectErrorStream(true).start();
            } catch (java.io.IOException noOpenssl) {
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 && out.contains("RSA key ok");
        } finally {
            java.nio.file.Files.deleteIfExists(f);
        }
    }

    @Test
    void fromPem_base64OfGarbage_notAKey() {
        String value = Base64.getEncoder().encodeToString("this is not a key, just some text of some length......"
                .getBytes(StandardCharsets.US_ASCII));
        rejected(() -> SigningKey.fromPem(value), Reason.NOT_A_KEY, null);
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
