package dev.cfsign.media;

/**
 * A manifest cannot be rewritten; {@link #reason()} says which rule failed, the message how to fix it. Messages never
 * contain signatures or signed URLs.
 *
 * @since 0.2
 */
public final class ManifestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Which rule failed. */
    public enum Reason {
        /** The content is neither an HLS playlist nor a DASH MPD. */
        UNKNOWN_FORMAT,
        /** A line (HLS) or a tag or text run (DASH) is longer than {@link ManifestRewriter#MAX_TOKEN_CHARS}. */
        TOO_LONG,
        /** The signing query is not CloudFront's parameters in URL-safe characters. */
        INVALID_QUERY,
    }

    private final Reason reason;

    ManifestException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
