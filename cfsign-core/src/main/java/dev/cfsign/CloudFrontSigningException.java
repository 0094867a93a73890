package dev.cfsign;

import java.util.Optional;

/**
 * Root of every exception cfsign throws for bad input, bad keys or failed checks.
 *
 * <p>Each subclass carries a machine-readable {@link #reason()}. Messages name the rule that failed and
 * how to fix it; they never contain key material, signatures or whole signed URLs.
 *
 * @since 0.1
 */
public abstract class CloudFrontSigningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final Remedy remedy;

    protected CloudFrontSigningException(String message) {
        this(message, null, null);
    }

    protected CloudFrontSigningException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /** A message made of {@code problem} and, when not null, the remedy's library wording. */
    protected CloudFrontSigningException(String problem, Remedy remedy, Throwable cause) {
        super(remedy == null ? problem : problem + " " + remedy.advice(), cause);
        this.problem = problem;
        this.remedy = remedy;
    }

    /** What went wrong, without the fix when there is a {@link #remedy()}; otherwise the whole message. */
    public String problem() {
        return problem;
    }

    /** The fix, for interfaces that word it in their own terms; its library wording ends the message. */
    public Optional<Remedy> remedy() {
        return Optional.ofNullable(remedy);
    }

    /** The rule that failed, as a constant a program can switch on. */
    public abstract Enum<?> reason();
}
