package dev.cfsign;

import java.util.Objects;

/**
 * A signed request was denied. {@link #reason()} says why; {@link #cloudFrontError()} is what CloudFront would
 * answer. The message never contains the signature or the signed URL.
 *
 * @since 0.1
 */
public final class VerificationException extends CloudFrontSigningException {
    private static final long serialVersionUID = 1L;

    private final DenialReason reason;

    public VerificationException(DenialReason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    @Override
    public DenialReason reason() {
        return reason;
    }

    /** The error CloudFront answers with ({@code AccessDenied}, {@code MissingKey}, ...). */
    public CloudFrontError cloudFrontError() {
        return reason.code();
    }
}
