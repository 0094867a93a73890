package dev.cfsign.keys;

import dev.cfsign.internal.KeyInspection;
import dev.cfsign.internal.KeyParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Objects;
import java.util.Optional;

/**
 * A private key that CloudFront signatures can be made with: RSA (1024–4096 bits) or ECDSA P-256.
 *
 * <p>Load one from PEM ({@code BEGIN PRIVATE KEY}, {@code BEGIN RSA PRIVATE KEY}, {@code BEGIN EC PRIVATE KEY}),
 * from DER, from a file (PEM or DER, detected from the content) or from an environment-variable value as
 * people store it (the whole PEM on one line with literal {@code \n}, quoted, base64-encoded once more...).
 * Anything else is refused with a {@link KeyFormatException} that says what was found and how to fix it.
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} never shows key material, and the class
 * deliberately has no {@code equals}.
 *
 * @since 0.1
 */
public final class SigningKey {
    private final PrivateKey privateKey;
    private final KeyType type;
    private final VerificationKey verificationKey; // null when it cannot be derived

    private SigningKey(PrivateKey privateKey, KeyType type, VerificationKey verificationKey) {
        this.privateKey = privateKey;
        this.type = type;
        this.verificationKey = verificationKey;
    }

    /** Wraps a JCA private key, checking that CloudFront accepts its type and size. */
    public static SigningKey of(PrivateKey key) {
        Objects.requireNonNull(key, "key");
        KeyInspection.Parsed p = KeyInspection.inspectPrivate(key);
        return new SigningKey(key, p.type(), p.publicKey() == null ? null : VerificationKey.of(p.publicKey()));
    }

    /**
     * Loads a private key from text: PEM (PKCS#8, PKCS#1, SEC1, with or without a preceding {@code EC PARAMETERS}
     * block) or an environment-variable value holding one (literal {@code \n}/{@code \t}, surrounding quotes, CRLF,
     * extra whitespace, or the whole PEM base64-encoded once more; base64 of the DER works too). Text around the PEM
     * block (comments, {@code Bag Attributes}) and certificates after the key are ignored; two keys in one value are
     * refused. The type is detected from the content.
     */
    public static SigningKey fromPem(String text) {
        return of(KeyParser.parsePrivate(text, null));
    }

    /**
     * As {@link #fromPem(String)}, for an encrypted key: PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE KEY}) with PBES2
     * (PBKDF2-HMAC-SHA1/SHA-2 and AES-CBC or 3DES, OpenSSL 3's default) or a PBES1 scheme the JDK knows, and legacy
     * OpenSSL PEM encryption ({@code Proc-Type: 4,ENCRYPTED}). scrypt-encrypted keys are refused
     * ({@link KeyFormatException.Reason#ENCRYPTED}). An unencrypted key loads and the passphrase is ignored.
     */
    public static SigningKey fromPem(String text, char[] passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        return of(KeyParser.parsePrivate(text, passphrase));
    }

    /** Loads a private key from DER bytes (PKCS#8, PKCS#1 or SEC1, detected from the structure). */
    public static SigningKey fromDer(byte[] der) {
        return of(KeyParser.parsePrivateDer(der, null));
    }

    /** Loads a private key from a file holding PEM or DER; the format is detected from the content, not the name. */
    public static SigningKey fromFile(Path path) throws IOException {
        return of(KeyParser.parsePrivateBytes(Files.readAllBytes(path), null));
    }

    /** Generates a fresh key pair of the given type (for {@code keygen} and tests). */
    public static SigningKey generate(KeyType type) {
        return of(KeyInspection.generate(type));
    }

    /** The key's type and size. */
    public KeyType keyType() {
        return type;
    }

    /** True for RSA-2048 and ECDSA P-256, the only types CloudFront key groups accept. */
    public boolean isAcceptedByKeyGroups() {
        return type.isAcceptedByKeyGroups();
    }

    /** The underlying JCA key. It is secret: do not log or serialise it. */
    public PrivateKey jcaPrivateKey() {
        return privateKey;
    }

    /** The matching public key, when it can be derived from the private key (always for RSA-CRT and EC keys). */
    public Optional<VerificationKey> verificationKey() {
        return Optional.ofNullable(verificationKey);
    }

    /** True when {@code publicKey} belongs to this private key. */
    public boolean matches(VerificationKey publicKey) {
        return KeyInspection.matches(privateKey, publicKey.jcaPublicKey());
    }

    /**
     * Throws {@link KeyFormatException.Reason#KEY_MISMATCH} when {@code publicKey} does not belong to this key:
     * the classic cause of CloudFront 403s when both keys are kept in configuration.
     */
    public void checkMatches(VerificationKey publicKey) {
        if (!matches(publicKey)) {
            throw new KeyFormatException(KeyFormatException.Reason.KEY_MISMATCH,
                    "The public key (" + publicKey.keyType().displayName() + ", " + publicKey.fingerprint()
                            + ") does not belong to this private key (" + type.displayName() + "): signatures made with it"
                            + " will be denied. Upload the public key derived from this private key"
                            + " (openssl pkey -in private.pem -pubout) or use the private key that matches.");
        }
    }

    /** The key as PKCS#8 PEM ({@code BEGIN PRIVATE KEY}). This exports secret material: write it only to a protected file. */
    public String exportPkcs8Pem() {
        return KeyInspection.pem("PRIVATE KEY", privateKey.getEncoded());
    }

    @Override
    public String toString() {
        return "SigningKey[" + type.displayName() + "]";
    }
}
