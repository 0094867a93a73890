package dev.cfsign.edge;

import java.util.Objects;

/**
 * A cache behavior, reduced to what the edge enforces: a path pattern and whether it requires signed URLs or cookies
 * (a trusted key group attached) or is public. Behaviors are tried in order and the first match wins; a path that
 * matches none falls to the default behavior ({@code *}). Immutable.
 *
 * @since 0.1
 */
public final class Behavior {
    private final PathPattern pattern;
    private final boolean signed;

    private Behavior(PathPattern pattern, boolean signed) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.signed = signed;
    }

    /** Requests matching {@code pattern} need a valid signed URL or signed cookies. */
    public static Behavior signed(String pattern) {
        return new Behavior(PathPattern.of(pattern), true);
    }

    /** Requests matching {@code pattern} are served without a signature. */
    public static Behavior open(String pattern) {
        return new Behavior(PathPattern.of(pattern), false);
    }

    public PathPattern pattern() {
        return pattern;
    }

    /** True when a signature is required. */
    public boolean requiresSignature() {
        return signed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Behavior && ((Behavior) o).pattern.equals(pattern) && ((Behavior) o).signed == signed;
    }

    @Override
    public int hashCode() {
        return pattern.hashCode() * 31 + (signed ? 1 : 0);
    }

    @Override
    public String toString() {
        return (signed ? "signed " : "public ") + pattern;
    }
}
