package dev.cfsign.keys;

import dev.cfsign.CloudFrontSigningException;
import dev.cfsign.Remedy;

/**
 * A key could not be loaded or used: wrong format, wrong type, encrypted, mismatched.
 * The message says what was found, what was expected and how to fix it, and never contains key material.
 *
 * @since 0.1
 */
public final class KeyFormatException extends CloudFrontSigningException {
    private static final long serialVersionUID = 1L;

    /** Why a key was refused. */
    public enum Reason {
        /** The value is empty or whitespace only. */
        EMPTY,
        /** The value looks like a file path, not key text. */
        LOOKS_LIKE_PATH,
        /** The value looks like the name of an environment variable, not its value. */
        LOOKS_LIKE_ENV_NAME,
        /** No PEM block or DER structure was recognised. */
        NOT_A_KEY,
        /** The PEM body or the value is not valid base64, or the PEM is truncated. */
        MALFORMED_BASE64,
        /** The base64 decoded, but the DER structure inside is broken. */
        MALFORMED_DER,
        /** The key is encrypted with a passphrase. */
        ENCRYPTED,
        /** A public key was given where a private key is needed. */
        PUBLIC_KEY_GIVEN,
        /** A private key was given where a public key is needed. */
        PRIVATE_KEY_GIVEN,
        /** An X.509 certificate was given instead of a key. */
        CERTIFICATE_GIVEN,
        /** More than one key in one value. */
        MULTIPLE_KEYS,
        /** A key algorithm CloudFront does not take (DSA, Ed25519, ...). */
        UNSUPPORTED_ALGORITHM,
        /** An EC key on a curve other than P-256. */
        UNSUPPORTED_CURVE,
        /** An RSA key of a size CloudFront does not take. */
        UNSUPPORTED_KEY_SIZE,
        /** The private key and the public key do not belong together. */
        KEY_MISMATCH
    }

    private final Reason reason;

    public KeyFormatException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public KeyFormatException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** A failure whose message is {@code problem} followed by the remedy's library wording. */
    public KeyFormatException(Reason reason, String problem, Remedy remedy) {
        super(problem, remedy, null);
        this.reason = reason;
    }

    @Override
    public Reason reason() {
        return reason;
    }
}
