package dev.cfsign.edge;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
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
 * <p>{@code Signature} and {@code Policy} values are replaced by {@code REDACTED} ({@code Expires},
 * {@code Key-Pair-Id} and {@code Hash-Algorithm} are kept); cookies are never logged. {@code decision} is
 * {@code ALLOW}, {@code DENY}, {@code PUBLIC} or {@code -} (answered before the signature check, e.g. 414);
 * {@code reason} is the precise {@link dev.cfsign.DenialReason} or {@code -}; {@code source} is {@code url},
 * {@code cookies} or {@code -}. The key pair ID of a denial is the one the request claimed.
 */
final class AccessLog implements RequestLog {
    private static final Set<String> SECRET_PARAMETERS = Set.of("Signature", "Policy");
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
                + attribute(request, SignedAccessHandler.DECISION) + " "
                + attribute(request, SignedAccessHandler.REASON) + " "
                + attribute(request, SignedAccessHandler.KEY_PAIR_ID) + " "
                + attribute(request, SignedAccessHandler.SOURCE);
        sink.accept(line);
    }

    /** The path and query with the values of Signature and Policy replaced by REDACTED. */
    static String redact(String path, String query) {
        if (query == null) {
            return clean(path);
        }
        StringBuilder sb = new StringBuilder(clean(path)).append('?');
        String[] pairs = query.split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            if (i > 0) {
                sb.append('&');
            }
            String pair = pairs[i];
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (SECRET_PARAMETERS.contains(name) && eq >= 0) {
                sb.append(name).append("=REDACTED");
            } else {
                sb.append(clean(pair));
            }
        }
        return sb.toString();
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

    private static String attribute(Request request, String name) {
        Object v = request.getAttribute(name);
        return v == null ? "-" : v.toString();
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
