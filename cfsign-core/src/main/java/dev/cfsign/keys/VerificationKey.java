package dev.cfsign.keys;

import dev.cfsign.internal.KeyInspection;
import dev.cfsign.internal.KeyParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * A public key that CloudFront signatures are checked with: what you upload to a CloudFront key group.
 *
 * <p>Loads SPKI PEM ({@code BEGIN PUBLIC KEY}, the format CloudFront takes), PKCS#1 ({@code BEGIN RSA PUBLIC KEY}),
 * DER, files and environment-variable values in the same forms as {@link SigningKey}. Immutable and thread-safe;
 * equal when the encoded keys are equal.
 *
 * <p>An X.509 certificate is refused ({@link KeyFormatException.Reason#CERTIFICATE_GIVEN}) rather than silently
 * reduced to its public key: CloudFront takes the bare public key, and the message shows how to extract it
 * ({@code openssl x509 -in cert.pem -pubkey -noout}). EC public keys must lie on the P-256 curve.
 *
 * @since 0.1
 */
public final class VerificationKey {
    private final PublicKey publicKey;
    private final KeyType type;
    private final byte[] spki;

    private VerificationKey(PublicKey publicKey, KeyType type) {
        this.publicKey = publicKey;
        this.type = type;
        this.spki = publicKey.getEncoded();
    }

    /** Wraps a JCA public key, checking that CloudFront accepts its type and size. */
    public static VerificationKey of(PublicKey key) {
        Objects.requireNonNull(key, "key");
        return new VerificationKey(key, KeyInspection.inspectPublic(key));
    }

    /** Loads a public key from PEM text or an environment-variable value holding one. */
    public static VerificationKey fromPem(String text) {
        return of(KeyParser.parsePublic(text));
    }

    /** Loads a public key from DER (SPKI or PKCS#1 RSA). */
    public static VerificationKey fromDer(byte[] der) {
        return of(KeyParser.parsePublicDer(der));
    }

    /** Loads a public key from a file holding PEM or DER, detected from the content. */
    public static VerificationKey fromFile(Path path) throws IOException {
        return of(KeyParser.parsePublicBytes(Files.readAllBytes(path)));
    }

    public KeyType keyType() {
        return type;
    }

    public boolean isAcceptedByKeyGroups() {
        return type.isAcceptedByKeyGroups();
    }

    public PublicKey jcaPublicKey() {
        return publicKey;
    }

    /** The key as SPKI PEM ({@code BEGIN PUBLIC KEY}), the form to paste into a CloudFront public key. */
    public String toPem() {
        return KeyInspection.pem("PUBLIC KEY", spki);
    }

    /** A short, public identifier of the key: {@code SHA256:} and the first 16 base64 characters of the SPKI digest. */
    public String fingerprint() {
        return KeyInspection.fingerprint(spki);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerificationKey && Arrays.equals(spki, ((VerificationKey) o).spki);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(spki);
    }

    @Override
    public String toString() {
        return "VerificationKey[" + type.displayName() + ", " + fingerprint() + "]";
    }
}
