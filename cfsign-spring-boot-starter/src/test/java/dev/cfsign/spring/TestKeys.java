package dev.cfsign.spring;

import dev.cfsign.keys.KeyType;
import dev.cfsign.keys.SigningKey;
import dev.cfsign.keys.VerificationKey;

/** Keys generated once per test JVM: a P-256 key (fast) and a second one that does not match it. */
final class TestKeys {
    static final String ID = "K2JCJMDEHXQW5F";
    static final SigningKey KEY = SigningKey.generate(KeyType.EC_P256);
    static final SigningKey OTHER = SigningKey.generate(KeyType.EC_P256);

    private TestKeys() {}

    static String privatePem() {
        return KEY.exportPkcs8Pem();
    }

    static VerificationKey publicKey() {
        return KEY.verificationKey().orElseThrow();
    }

    static String publicPem() {
        return publicKey().toPem();
    }

    /** The base64 body of the private key PEM: what must never appear in a message. */
    static String secretBody() {
        return privatePem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "").substring(0, 40);
    }
}
