package dev.cfsign.media;

import dev.cfsign.keys.SigningKey;
import dev.cfsign.keys.VerificationKey;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

/** An RSA-2048 pair generated once per test JVM (core's TestKeys sits in core's own package, closed to this module). */
final class MediaTestKeys {
    static final KeyPair RSA = generate();

    private MediaTestKeys() {}

    static SigningKey signingKey() {
        return SigningKey.of(RSA.getPrivate());
    }

    static VerificationKey pub() {
        return VerificationKey.of(RSA.getPublic());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
