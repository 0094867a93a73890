package dev.cfsign;

import dev.cfsign.internal.CloudFrontBase64;
import dev.cfsign.keys.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/** Key pairs generated once per test run (RSA-2048, EC P-256) and a JDK-only signer for property tests. */
final class TestKeys {
    static final KeyPair RSA = generate("RSA");
    static final KeyPair RSA_OTHER = generate("RSA");
    static final KeyPair EC = generate("EC");
    static final KeyPair EC_OTHER = generate("EC");

    private TestKeys() {}

    private static KeyPair generate(String alg) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
            if (alg.equals("EC")) {
                g.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                g.initialize(2048);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static VerificationKey pub(KeyPair kp) {
        return VerificationKey.of(kp.getPublic());
    }

    /** Signs policy bytes the way CloudFront expects, returning CloudFront base64. */
    static String sign(KeyPair kp, HashAlgorithm hash, String policyJson) {
        try {
            Signature s = Signature.getInstance(hash.jcaAlgorithm(kp.getPrivate().getAlgorithm()));
            s.initSign(kp.getPrivate());
            s.update(policyJson.getBytes(StandardCharsets.UTF_8));
            return CloudFrontBase64.encode(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
