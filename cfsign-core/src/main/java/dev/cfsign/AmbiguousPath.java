package dev.cfsign;

import dev.cfsign.internal.PercentEncoding;
import java.util.Optional;

/**
 * The ways a raw request path can mean two things to the servers behind CloudFront: the one rule by which an edge in
 * front of an origin (cfsign's own answers 400 before any behavior or signature is looked at) refuses a path.
 *
 * <p>CloudFront matches signatures and path patterns on the raw path, but origins (Jetty, Tomcat, Spring, S3 behind a
 * proxy) resolve dot segments, drop {@code ;parameters}, split on encoded separators, merge empty segments or decode
 * twice. A path on which they can disagree is one whose authorization says nothing about the bytes served. The rules
 * are tried in the order of the constants; {@link #find} names the first that applies.
 *
 * <p>Only {@link #DOT_SEGMENT} is also refused by the signer and denied by the verifier ({@link
 * DenialReason#DOT_SEGMENT}, 400, on the raw path): CloudFront itself serves the others, and the AWS SDKs sign them
 * (an S3 key with {@code %2F}, a URL-like path with {@code //}).
 *
 * <p>Thread-safe; stateless.
 *
 * @since 0.1
 */
public enum AmbiguousPath {
    /** A {@code .} or {@code ..} segment, raw, percent-encoded or once decoded ({@link PathSegments}). */
    DOT_SEGMENT("a '.' or '..' segment (also written %2e)"),
    /** A raw {@code ;}: Jetty, Tomcat and Spring drop {@code ;parameters}, CloudFront and S3 keep them. */
    PATH_PARAMETER("a ';', which Jetty, Tomcat and Spring origins take as the start of ';parameters' and drop"
            + " (encode a literal ';' as %3B)"),
    /** A {@code \}, {@code %2F} or {@code %5C}: a separator some servers split on and others do not. */
    ENCODED_SEPARATOR("a '\\', %2F or %5C, which some servers take as a '/' and others do not"),
    /** An empty segment ({@code //}), which some servers merge into one {@code /}. */
    EMPTY_SEGMENT("an empty segment ('//'), which some servers merge into one '/'"),
    /** A control character (U+0000 to U+001F, U+007F) once decoded. */
    CONTROL_CHARACTER("a control character once decoded (%00 to %1F, or %7F)"),
    /** A {@code %} without two hex digits, or escapes whose bytes are not UTF-8. */
    BAD_ENCODING("a '%' not followed by two hex digits, or escapes whose bytes are not UTF-8"),
    /** An escape that decodes to another escape ({@code %2541}): a server that decodes twice reads another path. */
    DOUBLE_ENCODING("an escape that decodes to another escape (like %2541 for %41), which a server that decodes"
            + " twice reads as another path");

    private final String description;

    AmbiguousPath(String description) {
        this.description = description;
    }

    /** What the path has, in words for a message: "The path has " + description(). */
    public String description() {
        return description;
    }

    /** The first rule the raw (still percent-encoded) path breaks, or empty when it can mean only one thing. */
    public static Optional<AmbiguousPath> find(CharSequence rawPath) {
        return find(rawPath, 0, rawPath.length());
    }

    /** As {@link #find(CharSequence)}, for the path at {@code [from, to)} of a longer text. */
    public static Optional<AmbiguousPath> find(CharSequence text, int from, int to) {
        // %3B decodes to a ';' that some origins take as a parameter: dot segments are sought on both forms.
        if (PathSegments.hasDotSegment(text, from, to)) {
            return Optional.of(DOT_SEGMENT);
        }
        String raw = text.subSequence(from, to).toString();
        if (raw.indexOf(';') >= 0) {
            return Optional.of(PATH_PARAMETER);
        }
        if (raw.indexOf('\\') >= 0 || containsIgnoreCase(raw, "%2f") || containsIgnoreCase(raw, "%5c")) {
            return Optional.of(ENCODED_SEPARATOR);
        }
        String decoded = PercentEncoding.decodeStrictly(raw);
        if (decoded == null) {
            return Optional.of(BAD_ENCODING);
        }
        if (PathSegments.hasDotSegment(decoded)) {
            return Optional.of(DOT_SEGMENT);
        }
        return inDecoded(decoded);
    }

    private static Optional<AmbiguousPath> inDecoded(String decoded) {
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.of(CONTROL_CHARACTER);
            }
            if (c == '/' && i + 1 < decoded.length() && decoded.charAt(i + 1) == '/') {
                return Optional.of(EMPTY_SEGMENT);
            }
            if (c == '%' && i + 2 < decoded.length() && PercentEncoding.isHex(decoded.charAt(i + 1))
                    && PercentEncoding.isHex(decoded.charAt(i + 2))) {
                return Optional.of(DOUBLE_ENCODING);
            }
        }
        return Optional.empty();
    }

    private static boolean containsIgnoreCase(String s, String lowerNeedle) {
        return s.toLowerCase(java.util.Locale.ROOT).contains(lowerNeedle);
    }
}
