package dev.cfsign.edge;

import java.util.Objects;

/**
 * A CloudFront cache-behavior path pattern such as {@code /private/*}, {@code *.mp4} or {@code /videos/*.m3u8}.
 *
 * <p>CloudFront's rules: {@code *} matches zero or more characters (slashes included), {@code ?} matches exactly one
 * character, everything else matches itself, case-sensitively. A leading {@code /} is optional
 * ({@code images/*.jpg} and {@code /images/*.jpg} are the same pattern); {@code *} alone matches every path. The
 * pattern is matched against the whole URL path (without the query string). Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class PathPattern {
    private final String pattern;
    private final String normalized;

    private PathPattern(String pattern) {
        this.pattern = pattern;
        this.normalized = pattern.startsWith("/") || pattern.startsWith("*") ? pattern : "/" + pattern;
    }

    /**
     * @throws IllegalArgumentException when the pattern is empty, longer than 255 characters (CloudFront's limit) or
     *     contains whitespace or control characters
     */
    public static PathPattern of(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        String p = pattern.trim();
        if (p.isEmpty()) {
            throw new IllegalArgumentException("A path pattern cannot be empty (use * for every path)");
        }
        if (p.length() > 255) {
            throw new IllegalArgumentException("A path pattern is at most 255 characters long");
        }
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new IllegalArgumentException("A path pattern takes printable ASCII without spaces, like"
                        + " /private/* or *.mp4");
            }
        }
        return new PathPattern(p);
    }

    /** The pattern as given. */
    public String pattern() {
        return pattern;
    }

    /** True when {@code path} (starting with {@code /}, no query) matches. */
    public boolean matches(String path) {
        return glob(normalized, path);
    }

    /** Iterative wildcard match with single-star backtracking: linear in practice, never exponential. */
    static boolean glob(String p, String s) {
        int pi = 0;
        int si = 0;
        int star = -1;
        int mark = 0;
        while (si < s.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == s.charAt(si))) {
                pi++;
                si++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = si;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathPattern && ((PathPattern) o).normalized.equals(normalized);
    }

    @Override
    public int hashCode() {
        return normalized.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
