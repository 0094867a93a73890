package dev.cfsign.fuzz;

import static dev.cfsign.fuzz.FuzzChecks.check;
import static dev.cfsign.fuzz.FuzzChecks.text;
import static dev.cfsign.fuzz.FuzzChecks.typedOnly;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cfsign.CloudFrontEnvironment;
import dev.cfsign.ConfigurationException;
import dev.cfsign.internal.KeyParser;
import dev.cfsign.keys.Fixtures;
import dev.cfsign.keys.SigningKey;
import dev.cfsign.keys.VerificationKey;
import java.util.HashMap;
import java.util.Map;

/**
 * Key loading from PEM, DER, file content and environment-style values. Property: only {@code KeyFormatException}
 * (or {@code ConfigurationException} for the environment) escapes, and a key that loads is usable.
 *
 * <p>Regression inputs: {@code src/test/resources/dev/cfsign/fuzz/KeyLoadingFuzzTestInputs/<method>/}. Passphrase
 * decryption is not fuzzed: its cost is set by the key's own iteration count (bounded at 10 million), which would
 * only measure PBKDF2.
 */
class KeyLoadingFuzzTest {
    private static final String RSA_PEM = Fixtures.text("rsa-2048.pkcs8.pem");
    private static final String EC_PEM = Fixtures.text("ec-p256.sec1.pem");
    private static final String EC_PUB = Fixtures.text("ec-p256.pub.pem");

    @FuzzTest(maxDuration = FuzzChecks.MAX_DURATION)
    void privateKeyText(byte[] data) {
        SigningKey key = typedOnly(() -> SigningKey.fromPem(text(data)));
        if (key != null) {
            usable(key);
        }
    }

    @FuzzTest(maxDuration = FuzzChecks.MAX_DURATION)
    void privateKeyDer(byte[] data) {
        SigningKey key = typedOnly(() -> SigningKey.fromDer(data));
        if (key != null) {
            usable(key);
        }
        // As SigningKey.fromFile reads a file: PEM or DER, detected from the content.
        typedOnly(() -> SigningKey.of(KeyParser.parsePrivateBytes(data, null)));
    }

    @FuzzTest(maxDuration = FuzzChecks.MAX_DURATION)
    void publicKeyText(byte[] data) {
        VerificationKey key = typedOnly(() -> VerificationKey.fromPem(text(data)));
        if (key != null) {
            check(VerificationKey.fromPem(key.toPem()).equals(key), "a loaded public key must round-trip through toPem()");
        }
    }

    @FuzzTest(maxDuration = FuzzChecks.MAX_DURATION)
    void publicKeyDer(byte[] data) {
        VerificationKey key = typedOnly(() -> VerificationKey.fromDer(data));
        if (key != null) {
            check(VerificationKey.fromPem(key.toPem()).equals(key), "a loaded public key must round-trip through toPem()");
        }
        typedOnly(() -> VerificationKey.of(KeyParser.parsePublicBytes(data)));
    }

    /** {@code CloudFrontEnvironment.from(Map)} with each variable absent, a real value or fuzzed text. */
    @FuzzTest(maxDuration = FuzzChecks.MAX_DURATION)
    void environment(FuzzedDataProvider data) {
        Map<String, String> env = new HashMap<>();
        put(env, CloudFrontEnvironment.KEY_ID, data, "K2JCJMDEHXQW5F");
        put(env, CloudFrontEnvironment.PRIVATE_KEY, data, data.consumeBoolean() ? RSA_PEM : EC_PEM);
        put(env, CloudFrontEnvironment.PUBLIC_KEY, data, EC_PUB);
        put(env, CloudFrontEnvironment.CUSTOM_DOMAIN, data, "cdn.example.com");
        put(env, CloudFrontEnvironment.DOMAIN, data, "d111111abcdef8.cloudfront.net");
        put(env, CloudFrontEnvironment.DISTRIBUTION_ID, data, "E2QWRUHEXAMPLE");
        boolean domainRequired = data.consumeBoolean();
        CloudFrontEnvironment e;
        try {
            e = domainRequired ? CloudFrontEnvironment.from(env) : CloudFrontEnvironment.fromWithoutDomain(env);
        } catch (ConfigurationException ex) {
            FuzzChecks.wellFormed(ex);
            check(!ex.problems().isEmpty(), "a ConfigurationException lists at least one problem");
            return;
        }
        // Accepted configuration must give a working signer.
        var signer = e.signer().build();
        if (e.baseUrl().isPresent()) {
            typedOnly(() -> signer.signObject("fuzz/object.txt"));
        }
    }

    private static void put(Map<String, String> env, String name, FuzzedDataProvider data, String real) {
        switch (data.consumeInt(0, 2)) {
            case 1 -> env.put(name, real);
            case 2 -> env.put(name, data.consumeString(600));
            default -> { }
        }
    }

    private static void usable(SigningKey key) {
        check(key.keyType() != null, "a loaded key has a type");
        check(!key.toString().contains("MII"), "toString must not show key material");
        key.verificationKey().ifPresent(pub -> check(key.matches(pub), "a key must match its own public key"));
    }
}
