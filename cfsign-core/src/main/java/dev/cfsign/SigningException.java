package dev.cfsign;

/**
 * Input that cannot be signed: a URL CloudFront would not match, a policy it would reject, a time out of range.
 *
 * @since 0.1
 */
public final class SigningException extends CloudFrontSigningException {
    private static final long serialVersionUID = 1L;

    /** Which rule the input broke. */
    public enum Reason {
        /** The URL is not absolute http(s), has a fragment, or has characters a client must percent-encode. */
        INVALID_URL,
        /** The URL already carries CloudFront's signing parameters ({@code Expires}, {@code Signature}, ...). */
        ALREADY_SIGNED,
        /** An S3 object key that cannot be turned into a URL ({@code .} or {@code ..} segments, empty). */
        INVALID_OBJECT_KEY,
        /** A policy resource CloudFront cannot match (non-ASCII, spaces, empty). */
        INVALID_RESOURCE,
        /** An IP range that is not an IPv4 address or CIDR block. */
        INVALID_IP_RANGE,
        /** No expiration was given. */
        MISSING_EXPIRATION,
        /** The expiration is not in the future. */
        EXPIRATION_NOT_IN_FUTURE,
        /** The start ({@code DateGreaterThan}) is not before the expiration. */
        ACTIVE_AFTER_EXPIRATION,
        /** A key pair ID that cannot be one (empty, a PEM key, an account ID, a key group ID...). */
        INVALID_KEY_PAIR_ID,
        /** A time outside CloudFront's 32-bit epoch range (up to 2038-01-19T03:14:07Z). */
        EPOCH_OUT_OF_RANGE,
        /** The signed URL would be longer than CloudFront's limit of 8,192 bytes. */
        URL_TOO_LONG,
        /** A canned policy was asked for a resource with wildcards. */
        WILDCARD_IN_CANNED_POLICY,
        /** The crypto provider failed to sign, or the signature failed its own check. */
        CRYPTO_FAILURE
    }

    private final Reason reason;

    public SigningException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SigningException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** A failure whose message is {@code problem} followed by the remedy's library wording. */
    public SigningException(Reason reason, String problem, Remedy remedy) {
        super(problem, remedy, null);
        this.reason = reason;
    }

    @Override
    public Reason reason() {
        return reason;
    }
}
