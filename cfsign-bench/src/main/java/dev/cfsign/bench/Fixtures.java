package dev.cfsign.bench;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CryptoProviders;
import dev.cfsign.HashAlgorithm;
import dev.cfsign.keys.SigningKey;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Keys, inputs and signers shared by the benchmarks: every contender gets the same key and the same URL. */
final class Fixtures {
    private Fixtures() {}

    static final String URL = "https://d111111abcdef8.cloudfront.net/videos/2024/intro-episode-01.mp4?quality=1080p";
    static final String RESOURCE = "https://d111111abcdef8.cloudfront.net/videos/*";
    static final String KEY_ID = "K2JCJMDEHXQW5F";

    static Instant expiry() {
        return Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    }

    static KeyPair keyPair(String family) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(family);
            if (family.equals("EC")) {
                g.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                g.initialize(2048);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JDK's own provider for the algorithm (the Corretto provider is never installed globally here). */
    static Provider jdkProvider(String family, HashAlgorithm hash) {
        try {
            return Signature.getInstance(hash.jcaAlgorithm(family)).getProvider();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Provider corretto() {
        return CryptoProviders.corretto().orElseThrow(() -> new IllegalStateException(
                "The Amazon Corretto Crypto Provider did not load on this machine"));
    }

    static CloudFrontSigner signer(KeyPair pair, HashAlgorithm hash, Provider provider) {
        return CloudFrontSigner.builder().keyPairId(KEY_ID).signingKey(SigningKey.of(pair.getPrivate()))
                .hashAlgorithm(hash).provider(provider).build();
    }

    static CloudFrontSigner cachingSigner(KeyPair pair, HashAlgorithm hash, Provider provider) {
        return CloudFrontSigner.builder().keyPairId(KEY_ID).signingKey(SigningKey.of(pair.getPrivate()))
                .hashAlgorithm(hash).provider(provider).expiryGranularity(Duration.ofMinutes(5)).build();
    }

    static Signature rawSigner(KeyPair pair, String algorithm, Provider provider) {
        try {
            Signature s = Signature.getInstance(algorithm, provider);
            s.initSign(pair.getPrivate());
            return s;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
