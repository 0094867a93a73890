package dev.cfsign.internal;

import dev.cfsign.keys.KeyFormatException;
import dev.cfsign.keys.KeyFormatException.Reason;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts passphrase-protected private keys: PKCS#8 {@code EncryptedPrivateKeyInfo} with PBES2
 * (PBKDF2 with HMAC-SHA1/224/256/384/512; AES-128/192/256-CBC or DES-EDE3-CBC, which covers OpenSSL 3's default
 * PBKDF2-HMAC-SHA256 + AES-256-CBC) or a PBES1/PKCS#12 scheme the JDK knows, and legacy OpenSSL PEM encryption
 * ({@code Proc-Type: 4,ENCRYPTED} with {@code DEK-Info}). scrypt is not available in the JDK and is refused.
 *
 * <p>Failures are {@link Reason#ENCRYPTED} with a message of our own and no cause: JCA messages are not echoed.
 */
final class KeyDecryption {
    private KeyDecryption() {}

    static final String PBES2 = "1.2.840.113549.1.5.13";
    static final String PBKDF2 = "1.2.840.113549.1.5.12";
    static final String SCRYPT = "1.3.6.1.4.1.11591.4.11";
    private static final int MAX_ITERATIONS = 10_000_000;

    static final String WRONG = "Wrong passphrase or unsupported encryption: the private key could not be decrypted.";

    /** The PKCS#8 {@code PrivateKeyInfo} inside an {@code EncryptedPrivateKeyInfo}. */
    static byte[] decryptPkcs8(Der.Tlv epki, char[] passphrase) {
        try {
            List<Der.Tlv> top = epki.children();
            List<Der.Tlv> alg = top.get(0).children();
            String oid = alg.get(0).oid();
            top.get(1).expect(Der.OCTET_STRING);
            byte[] data = top.get(1).value();
            if (!PBES2.equals(oid)) {
                return jdkDecrypt(epki.encoded(), oid, passphrase);
            }
            if (alg.size() < 2) {
                throw new Der.DerException("PBES2 without parameters", false);
            }
            List<Der.Tlv> params = alg.get(1).children();
            List<Der.Tlv> kdf = params.get(0).children();
            List<Der.Tlv> enc = params.get(1).children();
            String kdfOid = kdf.get(0).oid();
            if (SCRYPT.equals(kdfOid)) {
                throw unsupported("PBES2 with scrypt (the JDK has no scrypt)");
            }
            if (!PBKDF2.equals(kdfOid)) {
                throw unsupported("PBES2 with key derivation OID " + kdfOid);
            }
            List<Der.Tlv> kp = kdf.get(1).children();
            kp.get(0).expect(Der.OCTET_STRING);
            byte[] salt = kp.get(0).value();
            int iterations = kp.get(1).smallInt();
            int i = 2;
            int keyLength = -1;
            if (kp.size() > i && kp.get(i).is(Der.INTEGER)) {
                keyLength = kp.get(i++).smallInt();
            }
            String prf = "HmacSHA1";
            if (kp.size() > i) {
                String prfOid = kp.get(i).children().get(0).oid();
                prf = prfName(prfOid);
                if (prf == null) {
                    throw unsupported("PBKDF2 with pseudo-random function OID " + prfOid);
                }
            }
            String encOid = enc.get(0).oid();
            String[] cipher = cipherOf(encOid); // {JCA key algorithm, transformation, key bytes}
            if (cipher == null) {
                throw unsupported("PBES2 with cipher OID " + encOid);
            }
            if (enc.size() < 2 || !enc.get(1).is(Der.OCTET_STRING)) {
                throw new Der.DerException("cipher parameters are not an IV", false);
            }
            byte[] iv = enc.get(1).value();
            if (iterations < 1 || iterations > MAX_ITERATIONS) {
                throw new KeyFormatException(Reason.ENCRYPTED, "The encrypted private key asks for " + iterations
                        + " PBKDF2 iterations, outside 1.." + MAX_ITERATIONS + ". Decrypt it: openssl pkey -in enc.pem"
                        + " -out key.pem");
            }
            int keyBytes = keyLength > 0 ? keyLength : Integer.parseInt(cipher[2]);
            if (keyBytes > 64) {
                throw new Der.DerException("PBKDF2 key length too large", false);
            }
            if (passphrase.length == 0) {
                throw new KeyFormatException(Reason.ENCRYPTED, "The passphrase is empty, but the private key is"
                        + " encrypted: pass its passphrase, or decrypt it: openssl pkey -in enc.pem -out key.pem");
            }
            byte[] key;
            try {
                key = SecretKeyFactory.getInstance("PBKDF2With" + prf)
                        .generateSecret(new PBEKeySpec(passphrase, salt, iterations, keyBytes * 8)).getEncoded();
            } catch (GeneralSecurityException e) {
                throw unsupported("PBKDF2 with " + prf + " (not available in this JDK)");
            }
            return decrypt(cipher[0], cipher[1], key, iv, data);
        } catch (Der.DerException | IndexOutOfBoundsException e) {
            throw new KeyFormatException(Reason.MALFORMED_DER, "The encrypted private key's structure"
                    + " (EncryptedPrivateKeyInfo) is broken: " + (e instanceof Der.DerException ? e.getMessage() : "an element is missing")
                    + ". Copy the key again.");
        }
    }

    /** PBES1 and PKCS#12 schemes, as far as the JDK supports them. */
    private static byte[] jdkDecrypt(byte[] encoded, String oid, char[] passphrase) {
        EncryptedPrivateKeyInfo info;
        String name;
        try {
            info = new EncryptedPrivateKeyInfo(encoded);
            name = info.getAlgName();
        } catch (Exception e) {
            throw unsupported("encryption scheme OID " + oid);
        }
        Cipher cipher;
        try {
            SecretKeyFactory f = SecretKeyFactory.getInstance(name);
            cipher = Cipher.getInstance(name);
            cipher.init(Cipher.DECRYPT_MODE, f.generateSecret(new PBEKeySpec(passphrase)), info.getAlgParameters());
        } catch (Exception e) {
            throw unsupported("encryption scheme OID " + oid);
        }
        try {
            return info.getKeySpec(cipher).getEncoded();
        } catch (Exception e) {
            throw new KeyFormatException(Reason.ENCRYPTED, WRONG + " Check the passphrase, or decrypt the key with"
                    + " openssl pkey -in enc.pem -out key.pem and load the result.");
        }
    }

    /** Legacy OpenSSL PEM encryption: the key is EVP_BytesToKey(MD5, passphrase, first 8 bytes of the IV). */
    static byte[] decryptLegacy(String dekCipher, String ivHex, byte[] data, char[] passphrase) {
        String c = dekCipher.toUpperCase(java.util.Locale.ROOT);
        String alg;
        String transformation;
        int keyLen;
        switch (c) {
            case "AES-128-CBC": alg = "AES"; transformation = "AES/CBC/PKCS5Padding"; keyLen = 16; break;
            case "AES-192-CBC": alg = "AES"; transformation = "AES/CBC/PKCS5Padding"; keyLen = 24; break;
            case "AES-256-CBC": alg = "AES"; transformation = "AES/CBC/PKCS5Padding"; keyLen = 32; break;
            case "DES-EDE3-CBC": alg = "DESede"; transformation = "DESede/CBC/PKCS5Padding"; keyLen = 24; break;
            default:
                throw unsupported("legacy PEM encryption with " + c);
        }
        if (ivHex.length() % 2 != 0 || ivHex.length() < 16) {
            throw new KeyFormatException(Reason.MALFORMED_BASE64, "The DEK-Info header of the encrypted key has a"
                    + " malformed IV. Copy the key again.");
        }
        byte[] iv = new byte[ivHex.length() / 2];
        for (int i = 0; i < iv.length; i++) {
            iv[i] = (byte) Integer.parseInt(ivHex.substring(2 * i, 2 * i + 2), 16);
        }
        byte[] pass = utf8(passphrase);
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] key = new byte[keyLen];
            byte[] prev = new byte[0];
            int filled = 0;
            while (filled < keyLen) {
                md5.update(prev);
                md5.update(pass);
                md5.update(iv, 0, 8);
                prev = md5.digest();
                int n = Math.min(prev.length, keyLen - filled);
                System.arraycopy(prev, 0, key, filled, n);
                filled += n;
            }
            return decrypt(alg, transformation, key, iv, data);
        } catch (GeneralSecurityException e) {
            throw unsupported("legacy PEM encryption (MD5 is not available in this JDK)");
        } finally {
            Arrays.fill(pass, (byte) 0);
        }
    }

    private static byte[] decrypt(String alg, String transformation, byte[] key, byte[] iv, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance(transformation);
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, alg), new IvParameterSpec(iv));
            return cipher.doFinal(data);
        } catch (javax.crypto.BadPaddingException | javax.crypto.IllegalBlockSizeException e) {
            throw new KeyFormatException(Reason.ENCRYPTED, WRONG + " Check the passphrase, or decrypt the key with"
                    + " openssl pkey -in enc.pem -out key.pem and load the result.");
        } catch (GeneralSecurityException e) {
            throw unsupported(transformation + " (not available in this JDK, or bad IV/key length)");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    static KeyFormatException unsupported(String scheme) {
        return new KeyFormatException(Reason.ENCRYPTED, "The private key is encrypted with " + scheme
                + ", which cfsign cannot decrypt. Decrypt it (openssl pkey -in enc.pem -out key.pem) or re-encrypt it"
                + " with PBKDF2 and AES: openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256 -in key.pem"
                + " -out enc.pem");
    }

    private static String prfName(String oid) {
        switch (oid) {
            case "1.2.840.113549.2.7": return "HmacSHA1";
            case "1.2.840.113549.2.8": return "HmacSHA224";
            case "1.2.840.113549.2.9": return "HmacSHA256";
            case "1.2.840.113549.2.10": return "HmacSHA384";
            case "1.2.840.113549.2.11": return "HmacSHA512";
            default: return null;
        }
    }

    private static String[] cipherOf(String oid) {
        switch (oid) {
            case "2.16.840.1.101.3.4.1.2": return new String[] {"AES", "AES/CBC/PKCS5Padding", "16"};
            case "2.16.840.1.101.3.4.1.22": return new String[] {"AES", "AES/CBC/PKCS5Padding", "24"};
            case "2.16.840.1.101.3.4.1.42": return new String[] {"AES", "AES/CBC/PKCS5Padding", "32"};
            case "1.2.840.113549.3.7": return new String[] {"DESede", "DESede/CBC/PKCS5Padding", "24"};
            default: return null;
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[bb.remaining()];
        bb.get(out);
        if (bb.hasArray()) {
            Arrays.fill(bb.array(), (byte) 0);
        }
        return out;
    }
}
