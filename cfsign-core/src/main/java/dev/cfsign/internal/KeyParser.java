package dev.cfsign.internal;

import static dev.cfsign.internal.KeyShapes.*;

import dev.cfsign.Remedy;
import dev.cfsign.keys.KeyFormatException;
import dev.cfsign.keys.KeyFormatException.Reason;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Objects;
/**
 * Parses keys for {@link dev.cfsign.keys.SigningKey} and {@link dev.cfsign.keys.VerificationKey}: PEM, DER and
 * environment values, private keys then public keys. The shapes and errors it shares are in {@link KeyShapes}, the
 * checks of a parsed key in {@link KeyInspection}.
 */
public final class KeyParser {
    private KeyParser() {}

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
}
