package dev.cfsign.internal;

import dev.cfsign.keys.KeyFormatException;
import dev.cfsign.keys.KeyFormatException.Reason;
import dev.cfsign.keys.KeyType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** Parses and checks keys for {@link dev.cfsign.keys.SigningKey} and {@link dev.cfsign.keys.VerificationKey}. */
public final class KeyParser {
    private KeyParser() {}

    /** A checked private key: its type and, when derivable, its public key. */
    public record Parsed(KeyType type, PublicKey publicKey) {}

    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    public static Parsed inspectPrivate(PrivateKey key) {
        KeyType type = typeOf(key, "private");
        PublicKey pub = null;
        if (key instanceof RSAPrivateCrtKey) {
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
            try {
                pub = KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("RSA is not available in this JDK", e);
            }
        }
        return new Parsed(type, pub);
    }

    public static KeyType inspectPublic(PublicKey key) {
        return typeOf(key, "public");
    }

    private static KeyType typeOf(java.security.Key key, String kind) {
        if (key instanceof RSAKey) {
            int bits = ((RSAKey) key).getModulus().bitLength();
            for (KeyType t : KeyType.values()) {
                if (t.family().equals("RSA") && t.bits() == bits) {
                    return t;
                }
            }
            throw new KeyFormatException(Reason.UNSUPPORTED_KEY_SIZE, "The " + kind + " key is RSA-" + bits
                    + "; CloudFront key groups take RSA-2048 (legacy key pairs also 1024 or 4096 bits)."
                    + " Generate a new key: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048");
        }
        if (key instanceof ECKey) {
            ECParameterSpec params = ((ECKey) key).getParams();
            if (params != null && P256_ORDER.equals(params.getOrder())) {
                return KeyType.EC_P256;
            }
            int bits = params == null ? 0 : params.getOrder().bitLength();
            throw new KeyFormatException(Reason.UNSUPPORTED_CURVE, "The " + kind + " key is an EC key on a "
                    + bits + "-bit curve; CloudFront takes ECDSA keys on P-256 (prime256v1) only."
                    + " Generate one: openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256");
        }
        throw new KeyFormatException(Reason.UNSUPPORTED_ALGORITHM, "The " + kind + " key uses the "
                + key.getAlgorithm() + " algorithm; CloudFront takes RSA-2048 or ECDSA P-256 keys only.");
    }

    /** True when the two keys form a pair, checked by a real sign/verify round trip (works for every key type). */
    public static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        if (!privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        if (privateKey instanceof RSAPrivateCrtKey && publicKey instanceof java.security.interfaces.RSAPublicKey) {
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
            java.security.interfaces.RSAPublicKey rsa = (java.security.interfaces.RSAPublicKey) publicKey;
            return crt.getModulus().equals(rsa.getModulus()) && crt.getPublicExponent().equals(rsa.getPublicExponent());
        }
        try {
            String alg = privateKey instanceof ECKey ? "SHA256withECDSA" : "SHA256withRSA";
            byte[] probe = "cfsign key match probe".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(alg);
            s.initSign(privateKey);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(publicKey);
            v.update(probe);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public static PrivateKey generate(KeyType type) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(type.family());
            if (type == KeyType.EC_P256) {
                g.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                g.initialize(type.bits());
            }
            return g.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot generate " + type.displayName() + " keys", e);
        }
    }

    /** PEM text with 64-character lines and a final newline. */
    public static String pem(String label, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + b64 + "\n-----END " + label + "-----\n";
    }

    public static String fingerprint(byte[] spki) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(spki);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(d).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- parsing: PEM / DER / environment values -------------------------------------------------

    public static PrivateKey parsePrivate(String text, char[] passphrase) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public static PrivateKey parsePrivateDer(byte[] der, char[] passphrase) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public static PrivateKey parsePrivateBytes(byte[] content, char[] passphrase) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public static PublicKey parsePublic(String text) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public static PublicKey parsePublicDer(byte[] der) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public static PublicKey parsePublicBytes(byte[] content) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
