package dev.cfsign.edge;

import dev.cfsign.SigningParameter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A reverse proxy to an HTTP origin, with the JDK's {@link HttpClient}: request and response bodies are streamed,
 * never held whole in memory.
 *
 * <p>What reaches the origin: the method, the checked path of the request's {@link RequestTarget} in one canonical
 * encoding (appended to the origin URL's path; ambiguous paths never get here: 400) and the raw query in its
 * original order <b>minus</b> CloudFront's signing parameters ({@code Expires}, {@code Policy}, {@code Signature},
 * {@code Key-Pair-Id}, {@code Hash-Algorithm}); the request headers (Range, If-None-Match, If-Modified-Since and the
 * rest) minus hop-by-hop headers (the fixed set and those named in {@code Connection}) and minus the
 * {@code CloudFront-*} cookies; {@code X-Forwarded-For} with the viewer IP. The origin sees its own host name in
 * {@code Host}, as with CloudFront's default origin request. Credentials therefore never reach the origin. What comes
 * back: status, headers (minus hop-by-hop, the same way) and body, as is. Redirects are relayed, not followed. An
 * unreachable origin gives 502, a timeout 504.
 */
final class ProxyOriginHandler extends OriginHandler {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "trailers", "transfer-encoding", "upgrade");
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> CLIENT_MANAGED = Set.of("host", "content-length", "expect", "connection",
            "upgrade");

    private final URI origin;
    private final HttpClient client;

    ProxyOriginHandler(URI origin) {
        String path = origin.getRawPath() == null ? "" : origin.getRawPath();
        this.origin = URI.create(origin.getScheme() + "://" + origin.getRawAuthority()
                + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path));
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String query = withoutSigningParameters(request.getHttpURI().getQuery());
        URI target;
        try {
            target = URI.create(origin + RequestTarget.of(request, this).served().encoded()
                    + (query == null ? "" : "?" + query));
        } catch (RequestPath.Refused | IllegalArgumentException e) {
            Response.writeError(request, response, callback, 400);
            return true;
        }
        HttpRequest.Builder out = HttpRequest.newBuilder(target).method(request.getMethod(), body(request));
        Set<String> hopByHop = hopByHop(request.getHeaders().getValuesList(HttpHeader.CONNECTION));
        for (HttpField f : request.getHeaders()) {
            String name = f.getName().toLowerCase(Locale.ROOT);
            if (hopByHop.contains(name) || CLIENT_MANAGED.contains(name) || name.equals("x-forwarded-for")) {
                continue;
            }
            if (f.getHeader() == HttpHeader.COOKIE) {
                String kept = withoutCloudFrontCookies(f.getValue());
                if (kept != null) {
                    out.header("Cookie", kept);
                }
                continue;
            }
            out.header(f.getName(), f.getValue());
        }
        String xff = request.getHeaders().get("X-Forwarded-For");
        java.net.InetAddress viewer = SignedAccessHandler.viewerIp(request);
        String viewerIp = viewer == null ? null : viewer.getHostAddress();
        if (viewerIp != null) {
            out.header("X-Forwarded-For", xff == null ? viewerIp : xff + ", " + viewerIp);
        }
        HttpResponse<InputStream> answer;
        try {
            answer = client.send(out.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            Response.writeError(request, response, callback, 504);
            return true;
        } catch (ConnectException e) {
            Response.writeError(request, response, callback, 502);
            return true;
        } catch (IOException e) {
            Response.writeError(request, response, callback, 502);
            return true;
        }
        response.setStatus(answer.statusCode());
        Set<String> answerHopByHop = hopByHop(answer.headers().allValues("Connection"));
        for (Map.Entry<String, List<String>> h : answer.headers().map().entrySet()) {
            String name = h.getKey();
            if (name.startsWith(":") || answerHopByHop.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String v : h.getValue()) {
                response.getHeaders().add(name, v);
            }
        }
        try (InputStream in = answer.body(); OutputStream sink = Content.Sink.asOutputStream(response)) {
            in.transferTo(sink);
        } catch (IOException e) {
            callback.failed(e);
            return true;
        }
        callback.succeeded();
        return true;
    }

    @Override
    RequestTarget locate(RequestPath path) {
        return RequestTarget.itself(path);
    }

    @Override
    String allowedMethods() {
        return "GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE";
    }

    /** The fixed hop-by-hop headers plus those a {@code Connection} header names (RFC 9110 §7.6.1), lower case. */
    static Set<String> hopByHop(List<String> connectionValues) {
        if (connectionValues.isEmpty()) {
            return HOP_BY_HOP;
        }
        Set<String> names = new HashSet<>(HOP_BY_HOP);
        for (String value : connectionValues) {
            for (String token : value.split(",")) {
                names.add(token.strip().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static HttpRequest.BodyPublisher body(Request request) {
        long length = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (length <= 0 && !chunked) {
            return HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> Request.asInputStream(request));
        return length > 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, length) : stream;
    }

    /** The query in its original order and encoding, without CloudFront's signing parameters; null when empty. */
    static String withoutSigningParameters(String rawQuery) {
        return SigningParameter.removeFrom(rawQuery);
    }

    /** The Cookie header without CloudFront-* cookies; null when nothing is left. */
    static String withoutCloudFrontCookies(String cookieHeader) {
        StringJoiner kept = new StringJoiner("; ");
        for (String c : cookieHeader.split(";")) {
            String t = c.strip();
            if (!t.isEmpty() && !t.startsWith(SigningParameter.COOKIE_PREFIX)) {
                kept.add(t);
            }
        }
        String s = kept.toString();
        return s.isEmpty() ? null : s;
    }
}
