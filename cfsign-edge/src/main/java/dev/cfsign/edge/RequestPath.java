package dev.cfsign.edge;

import dev.cfsign.AmbiguousPath;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.util.URIUtil;

/**
 * A request path read once: as the viewer sent it ({@link #raw}, what a signature and CloudFront's path patterns
 * see), decoded ({@link #decoded}, the object's name: the file a folder origin serves) and in one canonical encoding
 * ({@link #encoded}, what a proxy origin is sent). Only paths on which these three cannot disagree are readable:
 * every form that servers resolve differently ({@link AmbiguousPath}: dot segments, {@code ;parameters}, encoded
 * separators, empty segments, control characters, bad or double percent-encoding) is refused, by the same rule the
 * signer and the verifier apply, so the path that is authorized is the path whose bytes are served.
 *
 * @param raw the path as received, percent-encoded
 * @param decoded the path with every escape decoded (UTF-8)
 * @param encoded {@code decoded} with every byte but {@code A-Z a-z 0-9 - . _ ~ /} percent-encoded
 */
record RequestPath(String raw, String decoded, String encoded) {
    /** The rule of a request target that is not a path at all (no leading {@code /}). */
    static final String NOT_A_PATH = "NOT_A_PATH";

    /** A refused path; no stack trace, as hostile clients make many. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        /** The rule that refused it: an {@link AmbiguousPath} name, or {@link #NOT_A_PATH}. */
        final String rule;

        Refused(String rule) {
            super(rule, null, false, false);
            this.rule = rule;
        }
    }

    /** Reads a raw request path; an empty one is {@code /} (an absolute-form target without a path). */
    static RequestPath read(String raw) throws Refused {
        String path = raw == null || raw.isEmpty() ? "/" : raw;
        if (path.charAt(0) != '/') {
            throw new Refused(NOT_A_PATH);
        }
        refuseAmbiguous(path);
        try {
            String decoded = URIUtil.decodePath(path);
            return new RequestPath(path, decoded, encode(decoded));
        } catch (IllegalArgumentException e) {
            throw new Refused(AmbiguousPath.BAD_ENCODING.name()); // core's rule passed it; fail safe all the same
        }
    }

    /** The path of a file found below an origin's root, given decoded: its raw form is the canonical encoding. */
    static RequestPath ofDecoded(String decoded) throws Refused {
        String raw = encode(decoded);
        refuseAmbiguous(raw);
        return new RequestPath(raw, decoded, raw);
    }

    private static void refuseAmbiguous(String raw) throws Refused {
        Optional<AmbiguousPath> rule = AmbiguousPath.find(raw);
        if (rule.isPresent()) {
            throw new Refused(rule.get().name());
        }
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
}
