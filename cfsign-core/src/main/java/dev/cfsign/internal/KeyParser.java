package dev.cfsign.internal;

import dev.cfsign.Remedy;
import dev.cfsign.keys.KeyFormatException.Reason;
import dev.cfsign.keys.KeyFormatException;
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
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    // --- parsing: PEM / DER / environment values -------------------------------------------------

    private static final String PRIVATE = "private key";
    private static final String PUBLIC = "public key";

    static final String OID_RSA = "1.2.840.113549.1.1.1";
    static final String OID_EC = "1.2.840.10045.2.1";
    static final String OID_P256 = "1.2.840.10045.3.1.7";
    private static final String EXPLICIT_CURVE = "explicit";

    private static final String GENERATE = " Generate a supported key: openssl genpkey -algorithm RSA -pkeyopt"
            + " rsa_keygen_bits:2048 -out key.pem (or -algorithm EC -pkeyopt ec_paramgen_curve:P-256).";

    /** What a DER structure is, judged from its shape alone. */
    private enum Kind {
        PKCS8, ENCRYPTED_PKCS8, RSA_PKCS1, EC_SEC1, DSA_TRADITIONAL, SPKI, RSA_PUBLIC_PKCS1, CERTIFICATE, UNKNOWN
    }

    /**
     * A private key from text: PEM (PKCS#8, PKCS#1, SEC1 with or without an {@code EC PARAMETERS} block, encrypted
     * PKCS#8 or legacy-encrypted PEM when {@code passphrase} is given) or an environment value holding PEM or DER.
     */
    public static PrivateKey parsePrivate(String text, char[] passphrase) {
        KeyText.Source s = KeyText.normalise(text, PRIVATE);
        if (s.der != null) {
            return privateFromDer(s.der, passphrase, s.origin, null, true);
        }
        return privateFromPem(s.pem, passphrase);
    }

    public static PrivateKey parsePrivateDer(byte[] der, char[] passphrase) {
        Objects.requireNonNull(der, "der");
        if (der.length == 0) {
            throw new KeyFormatException(Reason.EMPTY, "The DER input is empty (0 bytes): expected a private key"
                    + " (PKCS#8, PKCS#1 or SEC1 DER).");
        }
        return privateFromDer(der, passphrase, "The DER input", null, false);
    }

    public static PrivateKey parsePrivateBytes(byte[] content, char[] passphrase) {
        Object c = fileContent(content, PRIVATE);
        return c instanceof byte[] ? privateFromDer((byte[]) c, passphrase, "The file (DER)", null, false)
                : parsePrivate((String) c, passphrase);
    }

    /** A public key from text: SPKI ({@code BEGIN PUBLIC KEY}) or PKCS#1 ({@code BEGIN RSA PUBLIC KEY}) PEM. */
    public static PublicKey parsePublic(String text) {
        KeyText.Source s = KeyText.normalise(text, PUBLIC);
        if (s.der != null) {
            return publicFromDer(s.der, s.origin, true);
        }
        Pem.Block k = singleKeyBlock(Pem.scan(s.pem), PUBLIC);
        String origin = "The PEM block " + k.describe();
        if (k.label.endsWith("PRIVATE KEY")) {
            throw privateGiven(origin);
        }
        if (!k.label.equals("PUBLIC KEY") && !k.label.equals("RSA PUBLIC KEY")) {
            throw new KeyFormatException(Reason.NOT_A_KEY, origin + " is not a public-key format cfsign reads:"
                    + " expected BEGIN PUBLIC KEY (SPKI, what CloudFront takes) or BEGIN RSA PUBLIC KEY (PKCS#1).");
        }
        return publicFromDer(Pem.decode(k), origin, true);
    }

    public static PublicKey parsePublicDer(byte[] der) {
        Objects.requireNonNull(der, "der");
        if (der.length == 0) {
            throw new KeyFormatException(Reason.EMPTY, "The DER input is empty (0 bytes): expected a public key"
                    + " (SPKI or PKCS#1 RSA DER).");
        }
        return publicFromDer(der, "The DER input", false);
    }

    public static PublicKey parsePublicBytes(byte[] content) {
        Object c = fileContent(content, PUBLIC);
        return c instanceof byte[] ? publicFromDer((byte[]) c, "The file (DER)", false) : parsePublic((String) c);
    }

    /** The one key block among {@code blocks}; other blocks (certificates after a key, parameters) are tolerated. */
    private static Pem.Block singleKeyBlock(List<Pem.Block> blocks, String kind) {
        if (blocks.isEmpty()) {
            throw noBlock(kind);
        }
        List<Pem.Block> keys = keyBlocks(blocks);
        if (keys.size() > 1) {
            throw multiple(keys);
        }
        if (keys.isEmpty()) {
            throw noKeyBlock(blocks, kind);
        }
        return keys.get(0);
    }

    // --- private keys ---

    private static PrivateKey privateFromPem(String text, char[] passphrase) {
        List<Pem.Block> blocks = Pem.scan(text);
        Pem.Block k = singleKeyBlock(blocks, PRIVATE);
        String origin = "The PEM block " + k.describe();
        String label = k.label;
        if (label.equals("OPENSSH PRIVATE KEY")) {
            throw new KeyFormatException(Reason.NOT_A_KEY, origin + " is an OpenSSH private key, which the JDK"
                    + " cannot read. Convert it to PEM: ssh-keygen -p -m PEM -f key (this rewrites the file in place;"
                    + " work on a copy). Only RSA and ECDSA P-256 SSH keys can be used with CloudFront.");
        }
        if (label.endsWith("PUBLIC KEY")) {
            throw publicGiven(origin);
        }
        if (label.equals("DSA PRIVATE KEY")) {
            throw new KeyFormatException(Reason.UNSUPPORTED_ALGORITHM, origin + " is a DSA key; CloudFront takes"
                    + " RSA-2048 or ECDSA P-256 keys only." + GENERATE);
        }
        String curveHint = ecParameters(blocks);
        if (k.hasEncryptedHeader()) {
            if (passphrase == null) {
                throw new KeyFormatException(Reason.ENCRYPTED, origin + " is encrypted with a passphrase (legacy"
                        + " 'Proc-Type: 4,ENCRYPTED' header).", Remedy.GIVE_PASSPHRASE);
            }
            String[] dek = k.dekInfo();
            if (dek == null) {
                throw new KeyFormatException(Reason.MALFORMED_BASE64, origin + " says it is encrypted but has no"
                        + " DEK-Info header naming the cipher: the header lines were lost. Copy the key again.");
            }
            byte[] plain = KeyDecryption.decryptLegacy(dek[0], dek[1], Pem.decode(k), passphrase);
            try {
                return privateFromDer(plain, null, origin + " (decrypted)", curveHint, false);
            } catch (KeyFormatException e) {
                throw wrongPassphraseIfGarbled(e);
            }
        }
        if (!label.equals("PRIVATE KEY") && !label.equals("RSA PRIVATE KEY") && !label.equals("EC PRIVATE KEY")
                && !label.equals("ENCRYPTED PRIVATE KEY")) {
            throw new KeyFormatException(Reason.NOT_A_KEY, origin + " is not a private-key format cfsign reads:"
                    + " expected BEGIN PRIVATE KEY (PKCS#8), BEGIN RSA PRIVATE KEY (PKCS#1) or BEGIN EC PRIVATE KEY"
                    + " (SEC1). Convert it to PKCS#8: openssl pkey -in key.pem -out pkcs8.pem");
        }
        if (label.equals("ENCRYPTED PRIVATE KEY") && passphrase == null) {
            throw encrypted(origin);
        }
        return privateFromDer(Pem.decode(k), passphrase, origin, curveHint, true);
    }

    private static PrivateKey privateFromDer(byte[] der, char[] passphrase, String origin, String curveHint,
            boolean fromText) {
        Der.Tlv t = parseDer(der, origin, fromText);
        try {
            switch (detect(t)) {
                case PKCS8:
                    return pkcs8Private(t, der, origin);
                case ENCRYPTED_PKCS8:
                    if (passphrase == null) {
                        throw encrypted(origin);
                    }
                    byte[] plain = KeyDecryption.decryptPkcs8(t, passphrase);
                    Der.Tlv p;
                    try {
                        p = Der.parse(plain);
                        if (detect(p) != Kind.PKCS8) {
                            throw new Der.DerException("not PKCS#8", false);
                        }
                    } catch (Der.DerException | IndexOutOfBoundsException e) {
                        throw new KeyFormatException(Reason.ENCRYPTED, KeyDecryption.WRONG + " Check the passphrase, or decrypt the key with"
                    + " openssl pkey -in enc.pem -out key.pem and load the result.");
                    }
                    try {
                        return pkcs8Private(p, plain, origin + " (decrypted)");
                    } catch (KeyFormatException e) {
                        throw wrongPassphraseIfGarbled(e);
                    }
                case RSA_PKCS1:
                    return rsaPkcs1(t, origin);
                case EC_SEC1:
                    return sec1(t, curveHint, origin);
                case SPKI:
                case RSA_PUBLIC_PKCS1:
                    throw publicGiven(origin);
                case CERTIFICATE:
                    throw certificateGiven(origin, PRIVATE);
                case DSA_TRADITIONAL:
                    throw new KeyFormatException(Reason.UNSUPPORTED_ALGORITHM, origin + " is a DSA private key;"
                            + " CloudFront takes RSA-2048 or ECDSA P-256 keys only." + GENERATE);
                default:
                    throw new KeyFormatException(Reason.MALFORMED_DER, origin + " is DER but not a private-key"
                            + " structure: expected PKCS#8 (PrivateKeyInfo), PKCS#1 (RSAPrivateKey) or SEC1"
                            + " (ECPrivateKey).");
            }
        } catch (Der.DerException | IndexOutOfBoundsException e) {
            throw malformed(origin, e);
        }
    }

    private static KeyFormatException wrongPassphraseIfGarbled(KeyFormatException e) {
        Reason r = e.reason();
        if (r == Reason.MALFORMED_DER || r == Reason.MALFORMED_BASE64 || r == Reason.NOT_A_KEY) {
            return new KeyFormatException(Reason.ENCRYPTED, KeyDecryption.WRONG + " Check the passphrase, or decrypt the key with"
                    + " openssl pkey -in enc.pem -out key.pem and load the result.");
        }
        return e;
    }

    private static PrivateKey pkcs8Private(Der.Tlv t, byte[] der, String origin) throws Der.DerException {
        List<Der.Tlv> c = t.children();
        int version = c.get(0).smallInt();
        if (version != 0 && version != 1) {
            throw new Der.DerException("PKCS#8 version " + version + " (expected 0 or 1)", false);
        }
        String family = family(c.get(1).children(), PRIVATE, origin);
        return generatePrivate(family, der, origin + " (PKCS#8)");
    }

    private static PrivateKey rsaPkcs1(Der.Tlv t, String origin) throws Der.DerException {
        List<Der.Tlv> c = t.children();
        if (c.get(0).smallInt() != 0) {
            throw new KeyFormatException(Reason.UNSUPPORTED_ALGORITHM, origin + " is a multi-prime RSA key (PKCS#1"
                    + " version " + c.get(0).smallInt() + "), which the JDK cannot load as PKCS#1. Convert it:"
                    + " openssl pkey -in key.pem -out pkcs8.pem");
        }
        byte[] p8 = Der.sequence(Der.integer(0), Der.sequence(Der.oid(OID_RSA), Der.nul()),
                Der.octetString(t.encoded()));
        return generatePrivate("RSA", p8, origin + " (PKCS#1 RSAPrivateKey)");
    }

    private static PrivateKey sec1(Der.Tlv t, String curveHint, String origin) throws Der.DerException {
        List<Der.Tlv> c = t.children();
        if (c.get(0).smallInt() != 1) {
            throw new Der.DerException("SEC1 version " + c.get(0).smallInt() + " (expected 1)", false);
        }
        String curve = null;
        for (int i = 2; i < c.size(); i++) {
            if (c.get(i).is(Der.CONTEXT_0)) {
                Der.Tlv p = c.get(i).inner();
                curve = p.is(Der.OID) ? p.oid() : EXPLICIT_CURVE;
            }
        }
        if (curve == null) {
            curve = curveHint;
        }
        if (curve == null) {
            throw new KeyFormatException(Reason.MALFORMED_DER, origin + " is an EC private key (SEC1) that does not"
                    + " name its curve: it has no [0] parameters and no EC PARAMETERS block precedes it. Add the"
                    + " EC PARAMETERS block it came with, or convert the key where it was made: openssl pkey"
                    + " -in key.pem -out pkcs8.pem");
        }
        checkCurve(curve, PRIVATE, origin);
        byte[] p8 = Der.sequence(Der.integer(0), Der.sequence(Der.oid(OID_EC), Der.oid(curve)),
                Der.octetString(t.encoded()));
        return generatePrivate("EC", p8, origin + " (SEC1 ECPrivateKey)");
    }

    private static PrivateKey generatePrivate(String family, byte[] pkcs8, String origin) {
        try {
            return KeyFactory.getInstance(family).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (InvalidKeySpecException e) { // no cause: JCA messages may print the DER
            throw new KeyFormatException(Reason.MALFORMED_DER, origin + " could not be read as an " + family
                    + " private key: its DER structure is broken. Copy the key again or re-export it: openssl pkey"
                    + " -in key.pem -out pkcs8.pem");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(family + " is not available in this JDK");
        }
    }

    /** The curve OID of an {@code EC PARAMETERS} block, {@link #EXPLICIT_CURVE}, or {@code null} when there is none. */
    private static String ecParameters(List<Pem.Block> blocks) {
        for (Pem.Block b : blocks) {
            if (b.label.equals("EC PARAMETERS")) {
                String origin = "The PEM block " + b.describe();
                Der.Tlv t = parseDer(Pem.decode(b), origin, true);
                try {
                    return t.is(Der.OID) ? t.oid() : EXPLICIT_CURVE;
                } catch (Der.DerException e) {
                    throw malformed(origin, e);
                }
            }
        }
        return null;
    }

    // --- public keys ---

    private static PublicKey publicFromDer(byte[] der, String origin, boolean fromText) {
        Der.Tlv t = parseDer(der, origin, fromText);
        try {
            switch (detect(t)) {
                case SPKI: {
                    List<Der.Tlv> c = t.children();
                    String family = family(c.get(0).children(), PUBLIC, origin);
                    c.get(1).bitStringBytes();
                    return generatePublic(family, der, origin + " (SPKI)");
                }
                case RSA_PUBLIC_PKCS1: {
                    byte[] spki = Der.sequence(Der.sequence(Der.oid(OID_RSA), Der.nul()), Der.bitString(t.encoded()));
                    return generatePublic("RSA", spki, origin + " (PKCS#1 RSAPublicKey)");
                }
                case PKCS8:
                case ENCRYPTED_PKCS8:
                case RSA_PKCS1:
                case EC_SEC1:
                case DSA_TRADITIONAL:
                    throw privateGiven(origin);
                case CERTIFICATE:
                    throw certificateGiven(origin, PUBLIC);
                default:
                    throw new KeyFormatException(Reason.MALFORMED_DER, origin + " is DER but not a public-key"
                            + " structure: expected SPKI (SubjectPublicKeyInfo) or PKCS#1 RSAPublicKey.");
            }
        } catch (Der.DerException | IndexOutOfBoundsException e) {
            throw malformed(origin, e);
        }
    }

    private static PublicKey generatePublic(String family, byte[] spki, String origin) {
        try {
            return KeyFactory.getInstance(family).generatePublic(new X509EncodedKeySpec(spki));
        } catch (InvalidKeySpecException e) { // no cause: JCA messages may print the DER
            throw new KeyFormatException(Reason.MALFORMED_DER, origin + " could not be read as an " + family
                    + " public key: its DER structure is broken. Copy the key again or re-export it: openssl pkey"
                    + " -in key.pem -pubout -out public.pem");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(family + " is not available in this JDK");
        }
    }

    // --- shared ---

    private static Object fileContent(byte[] content, String what) {
        Objects.requireNonNull(content, "content");
        if (content.length == 0) {
            throw new KeyFormatException(Reason.EMPTY, "The file is empty (0 bytes): expected a " + what
                    + " in PEM or DER.");
        }
        if (content[0] == 0x30) {
            try {
                Der.parse(content);
                return content;
            } catch (Der.DerException e) {
                if (!looksLikeText(content)) {
                    throw e.truncated()
                            ? new KeyFormatException(Reason.MALFORMED_DER, "The file is DER (" + content.length
                                    + " bytes) but cut short: " + e.getMessage() + ". Copy the whole file again.")
                            : malformed("The file (DER)", e);
                }
            }
        }
        int n = content.length;
        if (n >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF) {
            return new String(content, 3, n - 3, StandardCharsets.UTF_8);
        }
        if (n >= 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE) {
            return new String(content, 2, n - 2, StandardCharsets.UTF_16LE);
        }
        if (n >= 2 && (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF) {
            return new String(content, 2, n - 2, StandardCharsets.UTF_16BE);
        }
        if (!looksLikeText(content)) {
            throw new KeyFormatException(Reason.NOT_A_KEY, "The file (" + n + " bytes) is neither PEM text nor a DER"
                    + " key: expected a " + what + " as PEM ('-----BEGIN ...-----') or DER."
                    + " A PKCS#12 (.p12/.pfx) file can be converted: openssl pkcs12 -in file.p12 -nocerts -nodes -out"
                    + " key.pem");
        }
        return new String(content, StandardCharsets.UTF_8);
    }

    private static boolean looksLikeText(byte[] b) {
        for (byte x : b) {
            int c = x & 0xFF;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                return false;
            }
        }
        return true;
    }

    private static Der.Tlv parseDer(byte[] der, String origin, boolean fromText) {
        try {
            return Der.parse(der);
        } catch (Der.DerException e) {
            if (e.truncated() && fromText) {
                throw new KeyFormatException(Reason.MALFORMED_BASE64, origin + " decodes to " + der.length
                        + " bytes, but the key inside is cut short (" + e.getMessage() + "): the value looks truncated."
                        + " Copy the whole key again, up to and including its END line.");
            }
            throw malformed(origin, e);
        }
    }

    private static Kind detect(Der.Tlv t) throws Der.DerException {
        if (!t.is(Der.SEQUENCE)) {
            return Kind.UNKNOWN;
        }
        List<Der.Tlv> c = t.children();
        int n = c.size();
        if (n >= 3 && c.get(0).is(Der.INTEGER) && c.get(1).is(Der.SEQUENCE) && c.get(2).is(Der.OCTET_STRING)) {
            return Kind.PKCS8;
        }
        if (n == 2 && c.get(0).is(Der.SEQUENCE) && c.get(1).is(Der.OCTET_STRING)) {
            return Kind.ENCRYPTED_PKCS8;
        }
        if (n == 2 && c.get(0).is(Der.SEQUENCE) && c.get(1).is(Der.BIT_STRING)) {
            return Kind.SPKI;
        }
        if (n == 3 && c.get(0).is(Der.SEQUENCE) && c.get(1).is(Der.SEQUENCE) && c.get(2).is(Der.BIT_STRING)) {
            return Kind.CERTIFICATE;
        }
        if (n >= 2 && c.get(0).is(Der.INTEGER) && c.get(1).is(Der.OCTET_STRING)) {
            return Kind.EC_SEC1;
        }
        for (Der.Tlv x : c) {
            if (!x.is(Der.INTEGER)) {
                return Kind.UNKNOWN;
            }
        }
        return n >= 9 ? Kind.RSA_PKCS1 : n == 6 ? Kind.DSA_TRADITIONAL : n == 2 ? Kind.RSA_PUBLIC_PKCS1 : Kind.UNKNOWN;
    }

    /** "RSA" or "EC" for an AlgorithmIdentifier, refusing other algorithms and curves with their names. */
    private static String family(List<Der.Tlv> alg, String what, String origin) throws Der.DerException {
        String oid = alg.get(0).oid();
        Der.Tlv params = alg.size() > 1 ? alg.get(1) : null;
        if (oid.equals(OID_RSA)) {
            return "RSA";
        }
        if (oid.equals(OID_EC)) {
            if (params == null || params.is(Der.NULL)) {
                throw new Der.DerException("EC algorithm without curve parameters", false);
            }
            checkCurve(params.is(Der.OID) ? params.oid() : EXPLICIT_CURVE, what, origin);
            return "EC";
        }
        String name = ALGORITHMS.get(oid);
        throw new KeyFormatException(Reason.UNSUPPORTED_ALGORITHM, origin + " is " + (name == null
                ? "a key with algorithm OID " + oid : "an " + name + " key (OID " + oid + ")")
                + "; CloudFront takes RSA-2048 or ECDSA P-256 keys only." + GENERATE);
    }

    private static void checkCurve(String oid, String what, String origin) {
        if (oid.equals(OID_P256)) {
            return;
        }
        if (oid.equals(EXPLICIT_CURVE)) {
            throw new KeyFormatException(Reason.UNSUPPORTED_CURVE, origin + " is an EC " + what + " with explicit"
                    + " curve parameters instead of a named curve, which the JDK does not read. Re-export it:"
                    + " openssl ec -in key.pem -param_enc named_curve -out named.pem (CloudFront needs P-256).");
        }
        String name = CURVES.get(oid);
        throw new KeyFormatException(Reason.UNSUPPORTED_CURVE, origin + " is an EC " + what + " on "
                + (name == null ? "the curve with OID " + oid : name + " (OID " + oid + ")")
                + "; CloudFront takes ECDSA keys on P-256 (prime256v1, secp256r1) only. Generate one: openssl genpkey"
                + " -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out key.pem");
    }

    private static final Map<String, String> ALGORITHMS = Map.of(
            "1.2.840.113549.1.1.10", "RSASSA-PSS",
            "1.3.101.112", "Ed25519",
            "1.3.101.113", "Ed448",
            "1.3.101.110", "X25519",
            "1.3.101.111", "X448",
            "1.2.840.10040.4.1", "DSA",
            "1.2.840.113549.1.3.1", "DH",
            "1.2.840.10046.2.1", "X9.42 DH");

    private static final Map<String, String> CURVES = Map.of(
            "1.3.132.0.34", "P-384 (secp384r1)",
            "1.3.132.0.35", "P-521 (secp521r1)",
            "1.3.132.0.10", "secp256k1",
            "1.3.132.0.33", "P-224 (secp224r1)",
            "1.2.840.10045.3.1.1", "P-192 (prime192v1)",
            "1.3.36.3.3.2.8.1.1.7", "brainpoolP256r1",
            "1.3.36.3.3.2.8.1.1.11", "brainpoolP384r1",
            "1.3.36.3.3.2.8.1.1.13", "brainpoolP512r1",
            "1.2.156.10197.1.301", "SM2");

    private static List<Pem.Block> keyBlocks(List<Pem.Block> blocks) {
        List<Pem.Block> keys = new ArrayList<>();
        for (Pem.Block b : blocks) {
            if (b.label.endsWith("PRIVATE KEY") || b.label.endsWith("PUBLIC KEY")) {
                keys.add(b);
            }
        }
        return keys;
    }

    private static KeyFormatException multiple(List<Pem.Block> keys) {
        StringBuilder sb = new StringBuilder();
        for (Pem.Block b : keys) {
            sb.append(sb.length() == 0 ? "" : ", ").append(b.describe());
        }
        return new KeyFormatException(Reason.MULTIPLE_KEYS, "The value holds " + keys.size() + " key blocks ("
                + sb + "): pass exactly one key per value, e.g. split the file.");
    }

    private static KeyFormatException noKeyBlock(List<Pem.Block> blocks, String what) {
        StringBuilder sb = new StringBuilder();
        boolean certificate = false;
        boolean onlyParams = true;
        for (Pem.Block b : blocks) {
            sb.append(sb.length() == 0 ? "" : ", ").append(b.describe());
            certificate |= b.label.endsWith("CERTIFICATE");
            onlyParams &= b.label.equals("EC PARAMETERS");
        }
        if (certificate) {
            return certificateGiven("The value (" + sb + ")", what);
        }
        if (onlyParams) {
            return new KeyFormatException(Reason.NOT_A_KEY, "The value holds only an EC PARAMETERS block (" + sb
                    + "), no key: copy the BEGIN EC PRIVATE KEY block that follows it too.");
        }
        return new KeyFormatException(Reason.NOT_A_KEY, "The value holds PEM blocks (" + sb + ") but no key: expected"
                + (what.equals(PRIVATE) ? " BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY."
                : " BEGIN PUBLIC KEY or BEGIN RSA PUBLIC KEY."));
    }

    private static KeyFormatException noBlock(String what) {
        return new KeyFormatException(Reason.NOT_A_KEY, "The value mentions '-----BEGIN' but has no well-formed PEM"
                + " BEGIN line: expected '-----BEGIN " + (what.equals(PRIVATE) ? "PRIVATE" : "PUBLIC")
                + " KEY-----', with five dashes on each side and an upper-case label.");
    }

    private static KeyFormatException encrypted(String origin) {
        return new KeyFormatException(Reason.ENCRYPTED, origin + " is an encrypted private key (PKCS#8"
                + " EncryptedPrivateKeyInfo).", Remedy.GIVE_PASSPHRASE);
    }

    private static KeyFormatException publicGiven(String origin) {
        return new KeyFormatException(Reason.PUBLIC_KEY_GIVEN, origin + " is a public key, but signing needs the"
                + " private key (BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY).",
                Remedy.LOAD_PRIVATE_KEY);
    }

    private static KeyFormatException privateGiven(String origin) {
        return new KeyFormatException(Reason.PRIVATE_KEY_GIVEN, origin + " is a private key, but a public key"
                + " (BEGIN PUBLIC KEY) was expected.", Remedy.DERIVE_PUBLIC_KEY);
    }

    private static KeyFormatException certificateGiven(String origin, String what) {
        return new KeyFormatException(Reason.CERTIFICATE_GIVEN, what.equals(PRIVATE)
                ? origin + " is an X.509 certificate (BEGIN CERTIFICATE), not a private key. A certificate holds only"
                        + " a public key; signing needs the private key (BEGIN PRIVATE KEY) made with it."
                : origin + " is an X.509 certificate (BEGIN CERTIFICATE), not a public key. Extract its public key:"
                        + " openssl x509 -in cert.pem -pubkey -noout -out public.pem");
    }

    private static KeyFormatException malformed(String origin, Exception e) {
        String detail = e instanceof Der.DerException ? e.getMessage() : "an expected element is missing";
        return new KeyFormatException(Reason.MALFORMED_DER, origin + " is not a valid key structure (" + detail
                + "): the base64 decoded, but the ASN.1/DER inside is broken. Copy the key again or re-export it"
                + " with openssl pkey.");
    }
}
