package dev.cfsign.edge;

import dev.cfsign.PathSegments;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.util.URIUtil;

/**
 * A request path read once: as the viewer sent it ({@link #raw}, what a signature and CloudFront's path patterns
 * see), decoded ({@link #decoded}, the object's name: the file a folder origin serves) and in one canonical encoding
 * ({@link #encoded}, what a proxy origin is sent). Only paths on which these three cannot disagree are readable:
 * every form that servers resolve differently — dot segments, {@code ;parameters}, encoded separators, empty
 * segments, control characters, bad or double percent-encoding — is refused, so the path that is authorized is the
 * path whose bytes are served.
 *
 * @param raw the path as received, percent-encoded
 * @param decoded the path with every escape decoded (UTF-8)
 * @param encoded {@code decoded} with every byte but {@code A-Z a-z 0-9 - . _ ~ /} percent-encoded
 */
record RequestPath(String raw, String decoded, String encoded) {

    /** Why a raw path was refused (answered 400 before any behavior or signature is looked at). */
    enum Rule {
        NOT_A_PATH,
        DOT_SEGMENT,
        PATH_PARAMETER,
        ENCODED_SEPARATOR,
        EMPTY_SEGMENT,
        CONTROL_CHARACTER,
        BAD_ENCODING,
        DOUBLE_ENCODING
    }

    /** A refused path; no stack trace, as hostile clients make many. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final Rule rule;

        Refused(Rule rule) {
            super(rule.name(), null, false, false);
            this.rule = rule;
        }
    }

    /** Reads a raw request path; an empty one is {@code /} (an absolute-form target without a path). */
    static RequestPath read(String raw) throws Refused {
        String path = raw == null || raw.isEmpty() ? "/" : raw;
        if (path.charAt(0) != '/') {
            throw new Refused(Rule.NOT_A_PATH);
        }
        // The one rule of core, on both forms: %3B decodes to a ';' that some origins take as a parameter.
        if (PathSegments.hasDotSegment(path)) {
            throw new Refused(Rule.DOT_SEGMENT);
        }
        // CloudFront and S3 keep ';' as a character; Jetty, Tomcat and Spring origins drop ";parameters".
        if (path.indexOf(';') >= 0) {
            throw new Refused(Rule.PATH_PARAMETER);
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (path.indexOf('\\') >= 0 || lower.contains("%2f") || lower.contains("%5c")) {
            throw new Refused(Rule.ENCODED_SEPARATOR);
        }
        String decoded;
        try {
            decoded = URIUtil.decodePath(path);
        } catch (IllegalArgumentException e) {
            throw new Refused(Rule.BAD_ENCODING);
        }
        if (decoded.indexOf('\uFFFD') >= 0) {
            throw new Refused(Rule.BAD_ENCODING); // Jetty's decoder puts U+FFFD for bytes that are not UTF-8
        }
        if (PathSegments.hasDotSegment(decoded)) {
            throw new Refused(Rule.DOT_SEGMENT);
        }
        return check(path, decoded);
    }

    /** The path of a file found below an origin's root, given decoded: its raw form is the canonical encoding. */
    static RequestPath ofDecoded(String decoded) throws Refused {
        return check(encode(decoded), decoded);
    }

    private static RequestPath check(String raw, String decoded) throws Refused {
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new Refused(Rule.CONTROL_CHARACTER);
            }
            if (c == '/' && i + 1 < decoded.length() && decoded.charAt(i + 1) == '/') {
                throw new Refused(Rule.EMPTY_SEGMENT);
            }
            if (c == '%' && i + 2 < decoded.length() && isHex(decoded.charAt(i + 1)) && isHex(decoded.charAt(i + 2))) {
                throw new Refused(Rule.DOUBLE_ENCODING);
            }
        }
        return new RequestPath(raw, decoded, encode(decoded));
    }

    static String encode(String decoded) {
        byte[] bytes = decoded.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '/') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
