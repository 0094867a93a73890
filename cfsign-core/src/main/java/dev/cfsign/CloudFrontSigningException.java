package dev.cfsign;

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

    protected CloudFrontSigningException(String message) {
        super(message);
    }

    protected CloudFrontSigningException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The rule that failed, as a constant a program can switch on. */
    public abstract Enum<?> reason();
}
