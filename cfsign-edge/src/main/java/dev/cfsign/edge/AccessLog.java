package dev.cfsign.edge;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;

/**
 * One line per request, space-separated:
 *
 * <pre>
 * time viewer-ip method path?query status bytes duration decision reason key-pair-id source
 * 2026-01-01T18:00:00.123Z 127.0.0.1 GET /private/a.mp4?Expires=1767290400&amp;Signature=REDACTED&amp;Key-Pair-Id=K2JCJMDEHXQW5F 206 1048576 3ms ALLOW - K2JCJMDEHXQW5F url
 * </pre>
 *
 * <p>Every query value but {@code Expires}, {@code Key-Pair-Id} and {@code Hash-Algorithm} is replaced by
 * {@code REDACTED} (see {@link #redact}); cookies are never logged. The last four fields are the request's
 * {@link AccessDecision}: {@code decision} is {@code ALLOW}, {@code DENY}, {@code PUBLIC}, {@code REFUSED} (an
 * ambiguous path, 400) or {@code -} (answered before, e.g. 414); {@code reason} is the precise
 * {@link dev.cfsign.DenialReason}, the rule of a refusal ({@link dev.cfsign.AmbiguousPath} or {@code NOT_A_PATH}),
 * or {@code -}; {@code source} is {@code url}, {@code cookies} or {@code -}. The key pair ID of a denial is the one
 * the request claimed.
 */
final class AccessLog implements RequestLog {
    private static final String REDACTED = "REDACTED";
    private final Consumer<String> sink;

    AccessLog(Consumer<String> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void log(Request request, Response response) {
        HttpURI uri = request.getHttpURI();
        String path = uri == null || uri.getPath() == null ? "-" : uri.getPath();
        String query = uri == null ? null : uri.getQuery();
        long nanos = System.nanoTime() - request.getBeginNanoTime();
        String line = Instant.ofEpochMilli(Request.getTimeStamp(request)) + " "
                + orDash(Request.getRemoteAddr(request)) + " "
                + orDash(request.getMethod()) + " "
                + redact(path, query) + " "
                + response.getStatus() + " "
                + Response.getContentBytesWritten(response) + " "
                + Math.max(0, nanos / 1_000_000) + "ms "
                + decision(request);
        sink.accept(line);
    }

    /**
     * The path and query with every value that could be a credential replaced by {@code REDACTED}. Only the values of
     * {@code Expires} (digits), {@code Key-Pair-Id} and {@code Hash-Algorithm} (a short token), under their exact
     * names, are kept; so are parameter names that are short tokens. Any other value, and any other name, whatever its
     * case, encoding or separator ({@code signature=}, {@code %53ignature=}, {@code ;Signature=}), is redacted, and so
     * are {@code ;parameters} in the path.
     */
    static String redact(String path, String query) {
        StringBuilder sb = new StringBuilder(clean(withoutPathParameters(path)));
        if (query == null) {
            return sb.toString();
        }
        sb.append('?');
        String[] pairs = query.split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            if (i > 0) {
                sb.append('&');
            }
            String pair = pairs[i];
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? null : pair.substring(eq + 1);
            if (!isToken(name, 32)) {
                sb.append(REDACTED);
            } else if (value == null || isLoggable(name, value)) {
                sb.append(pair);
            } else {
                sb.append(name).append('=').append(REDACTED);
            }
        }
        return sb.toString();
    }

    private static boolean isLoggable(String name, String value) {
        switch (name) {
            case "Expires": return !value.isEmpty() && value.length() <= 12
                    && value.chars().allMatch(c -> c >= '0' && c <= '9');
            case "Key-Pair-Id": return SignedAccessHandler.loggableId(value).equals(value);
            case "Hash-Algorithm": return isToken(value, 16);
            default: return false;
        }
    }

    /** 1 to {@code max} characters of {@code A-Z a-z 0-9 - _ .}: no escapes, separators or room for a secret. */
    private static boolean isToken(String s, int max) {
        if (s.isEmpty() || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static String withoutPathParameters(String path) {
        return path.indexOf(';') < 0 ? path : path.replaceAll(";[^/]*", ";" + REDACTED);
    }

    /** No spaces or control characters in a log field. */
    private static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                if (sb == null) {
                    sb = new StringBuilder(s.substring(0, i));
                }
                sb.append(String.format("%%%02X", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static String decision(Request request) {
        if (!(request.getAttribute(AccessDecision.ATTRIBUTE) instanceof AccessDecision d)) {
            return "- - - -";
        }
        return d.outcome() + " " + orDash(d.reason()) + " " + orDash(d.keyPairId()) + " " + orDash(d.source());
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
