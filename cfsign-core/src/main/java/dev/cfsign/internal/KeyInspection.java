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
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
/** Checks a parsed key: its type and size, its consistency, its public half; writes PEM and fingerprints. */
public final class KeyInspection {
    private KeyInspection() {}


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
        } else if (key instanceof ECPrivateKey) {
            pub = ecPublicKey((ECPrivateKey) key);
        }
        boolean consistent = key instanceof RSAPrivateCrtKey ? rsaCrtConsistent((RSAPrivateCrtKey) key)
                : pub == null || signsConsistently(key, pub);
        if (!consistent) {
            // Found by fuzzing: an EC key with a damaged secret but an intact embedded public key loaded, and its
            // public key then "matched" the real one while every signature it made was wrong.
            throw new KeyFormatException(Reason.KEY_MISMATCH, "The private key is damaged: its secret value does not"
                    + " belong to the public key it carries (openssl ec -check / openssl rsa -check say the key is invalid),"
                    + " so every signature would be refused. Use an intact copy of the key, or generate a new one.");
        }
        return new Parsed(type, pub);
    }

    /**
     * Whether an RSA CRT key's numbers belong together: n = p·q, and d, dP, dQ and qInv are the inverses they claim
     * to be. This is the check {@code openssl rsa -check} makes, minus primality, in a few big-integer
     * multiplications instead of a cold private-key operation (tens of milliseconds, most of a one-URL CLI run). A
     * composite p or q that still multiplies to n cannot occur for a real modulus; a self-consistent fake is caught
     * by the verification every RSA signature gets before it is returned.
     */
    static boolean rsaCrtConsistent(RSAPrivateCrtKey k) {
        BigInteger n = k.getModulus();
        BigInteger e = k.getPublicExponent();
        BigInteger p = k.getPrimeP();
        BigInteger q = k.getPrimeQ();
        BigInteger dP = k.getPrimeExponentP();
        BigInteger dQ = k.getPrimeExponentQ();
        BigInteger qInv = k.getCrtCoefficient();
        BigInteger d = k.getPrivateExponent();
        if (n == null || e == null || p == null || q == null || dP == null || dQ == null || qInv == null || d == null
                || e.signum() <= 0 || d.signum() <= 0 || p.compareTo(BigInteger.ONE) <= 0
                || q.compareTo(BigInteger.ONE) <= 0 || !p.multiply(q).equals(n)) {
            return false;
        }
        BigInteger p1 = p.subtract(BigInteger.ONE);
        BigInteger q1 = q.subtract(BigInteger.ONE);
        BigInteger ed = e.multiply(d);
        return e.multiply(dP).mod(p1).equals(BigInteger.ONE) && e.multiply(dQ).mod(q1).equals(BigInteger.ONE)
                && ed.mod(p1).equals(BigInteger.ONE) && ed.mod(q1).equals(BigInteger.ONE)
                && q.multiply(qInv).mod(p).equals(BigInteger.ONE);
    }

    /** A sign/verify round trip: the private key's signatures verify with the public key derived from it. */
    private static boolean signsConsistently(PrivateKey privateKey, PublicKey publicKey) {
        try {
            String alg = privateKey instanceof ECKey ? "SHA256withECDSA" : "SHA256withRSA";
            byte[] probe = "cfsign key consistency probe".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(alg);
            s.initSign(privateKey);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(publicKey);
            v.update(probe);
            return v.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    public static KeyType inspectPublic(PublicKey key) {
        KeyType type = typeOf(key, "public");
        if (key instanceof ECPublicKey) {
            ECPublicKey ec = (ECPublicKey) key;
            if (!EcMath.isOnCurve(ec.getParams(), ec.getW())) {
                throw new KeyFormatException(Reason.MALFORMED_DER, "The EC public key's point is not on the P-256"
                        + " curve: the key is broken or was tampered with. Export it again: openssl pkey -in key.pem"
                        + " -pubout -out public.pem");
            }
        }
        return type;
    }

    /**
     * The public key of an EC private key: the one embedded in its PKCS#8/SEC1 encoding ({@code [1] publicKey}) when
     * present and on the curve, else Q = d·G.
     */
    private static PublicKey ecPublicKey(ECPrivateKey key) {
        ECParameterSpec params = key.getParams();
        BigInteger s = key.getS();
        if (s == null) {
            return null;
        }
        if (s.signum() <= 0 || s.compareTo(params.getOrder()) >= 0) {
            throw new KeyFormatException(Reason.MALFORMED_DER, "The EC private key's secret value is outside the"
                    + " range 1..n-1 of its curve: the key is broken. Generate a new one: openssl genpkey -algorithm EC"
                    + " -pkeyopt ec_paramgen_curve:P-256 -out key.pem");
        }
        ECPoint q = embeddedEcPoint(key.getEncoded(), params);
        if (q == null) {
            q = EcMath.multiply(params, s);
        }
        try {
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(q, params));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC is not available in this JDK");
        }
    }

    /** The uncompressed point in a PKCS#8 EC key's {@code [1] publicKey}, or {@code null}. */
    static ECPoint embeddedEcPoint(byte[] pkcs8, ECParameterSpec params) {
        if (pkcs8 == null) {
            return null;
        }
        try {
            List<Der.Tlv> outer = Der.parse(pkcs8).children();
            List<Der.Tlv> sec1 = Der.parse(outer.get(2).value()).children();
            for (Der.Tlv t : sec1) {
                if (t.is(Der.CONTEXT_1)) {
                    byte[] point = t.inner().bitStringBytes();
                    int n = (params.getCurve().getField().getFieldSize() + 7) / 8;
                    if (point.length != 1 + 2 * n || point[0] != 4) {
                        return null;
                    }
                    ECPoint q = new ECPoint(new BigInteger(1, java.util.Arrays.copyOfRange(point, 1, 1 + n)),
                            new BigInteger(1, java.util.Arrays.copyOfRange(point, 1 + n, 1 + 2 * n)));
                    return EcMath.isOnCurve(params, q) ? q : null;
                }
            }
            return null;
        } catch (Der.DerException | RuntimeException e) {
            return null;
        }
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
        return signsConsistently(privateKey, publicKey);
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
}
