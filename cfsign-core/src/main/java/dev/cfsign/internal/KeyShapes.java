package dev.cfsign.internal;

import dev.cfsign.Remedy;
import dev.cfsign.keys.KeyFormatException;
import dev.cfsign.keys.KeyFormatException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
/**
 * What {@link KeyParser} shares between private and public keys: the DER shapes it recognises, the algorithm and
 * curve names, and the errors that say which was given and what to give instead.
 */
final class KeyShapes {
    private KeyShapes() {}

    static final String PRIVATE = "private key";
    static final String PUBLIC = "public key";

    static final String OID_RSA = "1.2.840.113549.1.1.1";
    static final String OID_EC = "1.2.840.10045.2.1";
    static final String OID_P256 = "1.2.840.10045.3.1.7";
    static final String EXPLICIT_CURVE = "explicit";

    static final String GENERATE = " Generate a supported key: openssl genpkey -algorithm RSA -pkeyopt"
            + " rsa_keygen_bits:2048 -out key.pem (or -algorithm EC -pkeyopt ec_paramgen_curve:P-256).";

    /** What a DER structure is, judged from its shape alone. */
    enum Kind {
        PKCS8, ENCRYPTED_PKCS8, RSA_PKCS1, EC_SEC1, DSA_TRADITIONAL, SPKI, RSA_PUBLIC_PKCS1, CERTIFICATE, UNKNOWN
    }


    static Object fileContent(byte[] content, String what) {
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

    static boolean looksLikeText(byte[] b) {
        for (byte x : b) {
            int c = x & 0xFF;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                return false;
            }
        }
        return true;
    }

    static Der.Tlv parseDer(byte[] der, String origin, boolean fromText) {
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

    static Kind detect(Der.Tlv t) throws Der.DerException {
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
    static String family(List<Der.Tlv> alg, String what, String origin) throws Der.DerException {
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

    static void checkCurve(String oid, String what, String origin) {
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

    static final Map<String, String> ALGORITHMS = Map.of(
            "1.2.840.113549.1.1.10", "RSASSA-PSS",
            "1.3.101.112", "Ed25519",
            "1.3.101.113", "Ed448",
            "1.3.101.110", "X25519",
            "1.3.101.111", "X448",
            "1.2.840.10040.4.1", "DSA",
            "1.2.840.113549.1.3.1", "DH",
            "1.2.840.10046.2.1", "X9.42 DH");

    static final Map<String, String> CURVES = Map.of(
            "1.3.132.0.34", "P-384 (secp384r1)",
            "1.3.132.0.35", "P-521 (secp521r1)",
            "1.3.132.0.10", "secp256k1",
            "1.3.132.0.33", "P-224 (secp224r1)",
            "1.2.840.10045.3.1.1", "P-192 (prime192v1)",
            "1.3.36.3.3.2.8.1.1.7", "brainpoolP256r1",
            "1.3.36.3.3.2.8.1.1.11", "brainpoolP384r1",
            "1.3.36.3.3.2.8.1.1.13", "brainpoolP512r1",
            "1.2.156.10197.1.301", "SM2");

    static List<Pem.Block> keyBlocks(List<Pem.Block> blocks) {
        List<Pem.Block> keys = new ArrayList<>();
        for (Pem.Block b : blocks) {
            if (b.label.endsWith("PRIVATE KEY") || b.label.endsWith("PUBLIC KEY")) {
                keys.add(b);
            }
        }
        return keys;
    }

    static KeyFormatException multiple(List<Pem.Block> keys) {
        StringBuilder sb = new StringBuilder();
        for (Pem.Block b : keys) {
            sb.append(sb.length() == 0 ? "" : ", ").append(b.describe());
        }
        return new KeyFormatException(Reason.MULTIPLE_KEYS, "The value holds " + keys.size() + " key blocks ("
                + sb + "): pass exactly one key per value, e.g. split the file.");
    }

    static KeyFormatException noKeyBlock(List<Pem.Block> blocks, String what) {
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

    static KeyFormatException noBlock(String what) {
        return new KeyFormatException(Reason.NOT_A_KEY, "The value mentions '-----BEGIN' but has no well-formed PEM"
                + " BEGIN line: expected '-----BEGIN " + (what.equals(PRIVATE) ? "PRIVATE" : "PUBLIC")
                + " KEY-----', with five dashes on each side and an upper-case label.");
    }

    static KeyFormatException encrypted(String origin) {
        return new KeyFormatException(Reason.ENCRYPTED, origin + " is an encrypted private key (PKCS#8"
                + " EncryptedPrivateKeyInfo).", Remedy.GIVE_PASSPHRASE);
    }

    static KeyFormatException publicGiven(String origin) {
        return new KeyFormatException(Reason.PUBLIC_KEY_GIVEN, origin + " is a public key, but signing needs the"
                + " private key (BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY).",
                Remedy.LOAD_PRIVATE_KEY);
    }

    static KeyFormatException privateGiven(String origin) {
        return new KeyFormatException(Reason.PRIVATE_KEY_GIVEN, origin + " is a private key, but a public key"
                + " (BEGIN PUBLIC KEY) was expected.", Remedy.DERIVE_PUBLIC_KEY);
    }

    static KeyFormatException certificateGiven(String origin, String what) {
        return new KeyFormatException(Reason.CERTIFICATE_GIVEN, what.equals(PRIVATE)
                ? origin + " is an X.509 certificate (BEGIN CERTIFICATE), not a private key. A certificate holds only"
                        + " a public key; signing needs the private key (BEGIN PRIVATE KEY) made with it."
                : origin + " is an X.509 certificate (BEGIN CERTIFICATE), not a public key. Extract its public key:"
                        + " openssl x509 -in cert.pem -pubkey -noout -out public.pem");
    }

    static KeyFormatException malformed(String origin, Exception e) {
        String detail = e instanceof Der.DerException ? e.getMessage() : "an expected element is missing";
        return new KeyFormatException(Reason.MALFORMED_DER, origin + " is not a valid key structure (" + detail
                + "): the base64 decoded, but the ASN.1/DER inside is broken. Copy the key again or re-export it"
                + " with openssl pkey.");
    }
}
