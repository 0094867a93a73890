package dev.cfsign;

/**
 * The one rule for dot segments in a request path, shared by the signer, the verifier and the edge.
 *
 * <p>Browsers resolve {@code .} and {@code ..} segments before sending a URL, and servers (Jetty, S3 behind an origin)
 * resolve them before serving, so a raw path that still carries one is never what a signature or a path pattern was
 * written for. A segment counts as a dot segment when, after dropping any {@code ;parameters}, it is one or two dots,
 * each written {@code .} or percent-encoded as {@code %2e}/{@code %2E}.
 *
 * <p>Thread-safe; stateless.
 */
public final class PathSegments {
    private PathSegments() {}

    /** Whether the raw (still percent-encoded) path, from its first {@code /}, has a dot segment. */
    public static boolean hasDotSegment(CharSequence rawPath) {
        return hasDotSegment(rawPath, 0, rawPath.length());
    }

    /** As {@link #hasDotSegment(CharSequence)}, for the path at {@code [from, to)} of a longer text. */
    public static boolean hasDotSegment(CharSequence text, int from, int to) {
        int segmentStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text.charAt(i) == '/') {
                if (isDots(text, segmentStart, i)) {
                    return true;
                }
                segmentStart = i + 1;
            }
        }
        return false;
    }

    private static boolean isDots(CharSequence s, int from, int to) {
        int dots = 0;
        int i = from;
        while (i < to && s.charAt(i) != ';') {
            if (s.charAt(i) == '.') {
                i++;
            } else if (s.charAt(i) == '%' && i + 2 < to && s.charAt(i + 1) == '2'
                    && (s.charAt(i + 2) == 'e' || s.charAt(i + 2) == 'E')) {
                i += 3;
            } else {
                return false;
            }
            dots++;
        }
        return dots == 1 || dots == 2;
    }
}
