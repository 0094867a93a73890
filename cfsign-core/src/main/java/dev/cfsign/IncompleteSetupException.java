package dev.cfsign;

import java.util.Objects;

/**
 * A builder's {@code build()} was called before the setup was complete (no trusted key, nowhere to serve from). The
 * message ends with the {@link #remedy()}'s {@linkplain Remedy#advice() library wording}.
 *
 * @since 0.1
 */
public final class IncompleteSetupException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final Remedy remedy;

    /** What is missing ({@code problem}, a sentence) and how to fix it. */
    public IncompleteSetupException(String problem, Remedy remedy) {
        super(problem + " " + remedy.advice());
        this.problem = problem;
        this.remedy = Objects.requireNonNull(remedy, "remedy");
    }

    /** What is missing, without the fix. */
    public String problem() {
        return problem;
    }

    /** How to fix it. */
    public Remedy remedy() {
        return remedy;
    }
}
