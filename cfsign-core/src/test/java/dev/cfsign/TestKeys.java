package dev.cfsign;

import dev.cfsign.keys.KeyType;
import dev.cfsign.keys.SigningKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Real keys made once per test run by the JDK, plus a JDK-only PEM reader used as an independent oracle. */
public final class TestKeys {
    private TestKeys() {}

    public static final KeyPair RSA_2048 = generate("RSA");
    public static final KeyPair EC_P256 = generate("EC");
    public static final KeyPair RSA = RSA_2048;
    public static final KeyPair EC = EC_P256;
    /** Second pairs, for "signed with another key" cases. */
    public static final KeyPair RSA_OTHER = generate("RSA");
    public static final KeyPair EC_OTHER = generate("EC");

    public static dev.cfsign.keys.VerificationKey pub(KeyPair kp) {
        return dev.cfsign.keys.VerificationKey.of(kp.getPublic());
    }

    /** Signs policy bytes with the JDK alone, returning CloudFront base64. */
    public static String sign(KeyPair kp, HashAlgorithm hash, String policyJson) {
        try {
            Signature s = Signature.getInstance(hash.jcaAlgorithm(kp.getPrivate().getAlgorithm()));
            s.initSign(kp.getPrivate());
            s.update(policyJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return dev.cfsign.internal.CloudFrontBase64.encode(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair generate(String family) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(family);
            if (family.equals("EC")) {
                g.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                g.initialize(2048);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    public static SigningKey signingKey(KeyPair pair) {
        return SigningKey.of(pair.getPrivate());
    }

    public static KeyType type(KeyPair pair) {
        return signingKey(pair).keyType();
    }

    /** Reads a PKCS#8 PEM with the JDK alone (no cfsign code). */
    public static PrivateKey jdkPkcs8(String pem, String family) {
        try {
            return KeyFactory.getInstance(family).generatePrivate(new PKCS8EncodedKeySpec(body(pem)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** Reads an SPKI PEM with the JDK alone. */
    public static PublicKey jdkSpki(String pem, String family) {
        try {
            return KeyFactory.getInstance(family).generatePublic(new X509EncodedKeySpec(body(pem)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] body(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    /** Decodes CloudFront base64 with the JDK (independent of cfsign's decoder). */
    public static byte[] cfDecode(String s) {
        return Base64.getDecoder().decode(s.replace('-', '+').replace('_', '=').replace('~', '/'));
    }

    /** Verifies a CloudFront-base64 signature over {@code message} with the JDK. */
    public static boolean jdkVerify(String jcaAlgorithm, PublicKey key, byte[] message, String cfSignature) {
        try {
            Signature v = Signature.getInstance(jcaAlgorithm);
            v.initVerify(key);
            v.update(message);
            return v.verify(cfDecode(cfSignature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
