package dev.cfsign;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link CloudFrontVerifier#check(ViewerRequest)}: allowed with a {@link VerifiedRequest}, or denied
 * with a {@link DenialReason} and a message. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class VerificationResult {
    private final VerifiedRequest verified;
    private final DenialReason reason;
    private final String message;
    private final String claimedKeyPairId;
    private final CredentialSource source;

    private VerificationResult(VerifiedRequest verified, DenialReason reason, String message, String claimedKeyPairId,
                               CredentialSource source) {
        this.verified = verified;
        this.reason = reason;
        this.message = message;
        this.claimedKeyPairId = claimedKeyPairId;
        this.source = source;
    }

    static VerificationResult allowed(VerifiedRequest verified) {
        return new VerificationResult(Objects.requireNonNull(verified), null, "allowed", verified.keyPairId(),
                verified.source());
    }

    static VerificationResult denied(DenialReason reason, String message, String claimedKeyPairId,
                                     CredentialSource source) {
        return new VerificationResult(null, Objects.requireNonNull(reason), message, claimedKeyPairId, source);
    }

    /**
     * The key pair ID the request names, as read: verified when allowed, unauthenticated when denied (for logs; it
     * may be anything a client wrote). Empty when the request names none.
     *
     * @since 0.2
     */
    public Optional<String> claimedKeyPairId() {
        return Optional.ofNullable(claimedKeyPairId);
    }

    /**
     * Where the credentials were read from (URL parameters take precedence over cookies); empty when there were none.
     *
     * @since 0.2
     */
    public Optional<CredentialSource> credentialSource() {
        return Optional.ofNullable(source);
    }

    public boolean isAllowed() {
        return verified != null;
    }

    public Optional<VerifiedRequest> verifiedRequest() {
        return Optional.ofNullable(verified);
    }

    /** Why the request was denied; empty when allowed. */
    public Optional<DenialReason> denialReason() {
        return Optional.ofNullable(reason);
    }

    /** What CloudFront would answer; empty when allowed. */
    public Optional<CloudFrontError> cloudFrontError() {
        return reason == null ? Optional.empty() : Optional.of(reason.code());
    }

    /** A sentence on the outcome (never contains the signature or the signed URL). */
    public String message() {
        return message;
    }

    /** The verified request, or a {@link VerificationException} carrying the denial. */
    public VerifiedRequest orElseThrow() {
        if (verified == null) {
            throw new VerificationException(reason, message);
        }
        return verified;
    }

    @Override
    public String toString() {
        return verified != null ? "Allowed[" + verified + "]" : "Denied[" + reason + " (" + reason.code().code() + "): "
                + message + "]";
    }
}
