package dev.cfsign.edge;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.keys.KeyType;
import dev.cfsign.keys.SigningKey;
import dev.cfsign.keys.VerificationKey;
import java.time.Clock;

/** Keys generated once per test JVM (RSA generation is slow) and signers for them. */
final class TestKeys {
    static final String HOST = "edge.test";
    static final String BASE = "http://" + HOST;
    static final String RSA_ID = "K2JCJMDEHXQW5F";
    static final String EC_ID = "K3ECDSAEXAMPLE";
    static final SigningKey RSA = SigningKey.generate(KeyType.RSA_2048);
    static final SigningKey EC = SigningKey.generate(KeyType.EC_P256);

    private TestKeys() {}

    static VerificationKey rsaPublic() {
        return RSA.verificationKey().orElseThrow();
    }

    static VerificationKey ecPublic() {
        return EC.verificationKey().orElseThrow();
    }

    static CloudFrontSigner rsaSigner(Clock clock) {
        return CloudFrontSigner.builder().keyPairId(RSA_ID).signingKey(RSA).clock(clock).build();
    }

    static CloudFrontSigner ecSigner(Clock clock) {
        return CloudFrontSigner.builder().keyPairId(EC_ID).signingKey(EC).clock(clock).build();
    }
}
