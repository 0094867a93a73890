package dev.cfsign.edge;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code --cors ORIGIN}: CORS headers as a CloudFront response-headers policy adds them, so a player on another origin
 * can read playlists, segments and keys (and see a 403 as a 403, not as a network error). A request from the allowed
 * origin ({@code *}: any) gets {@code Access-Control-Allow-Origin} on every answer, denials included; a preflight
 * ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered here with 204 and no body, before any
 * signature check, since browsers send preflights without credentials and they reveal no object.
 */
final class CorsHandler extends Handler.Wrapper {
    static final String ALLOW_METHODS = "GET, HEAD";
    static final String MAX_AGE_SECONDS = "600";
    private final String allowedOrigin;

    CorsHandler(String allowedOrigin, Handler next) {
        super(next);
        this.allowedOrigin = allowedOrigin;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        HttpFields.Mutable h = response.getHeaders();
        h.add(HttpHeader.VARY, "Origin");
        if (origin == null || !(allowedOrigin.equals("*") || allowedOrigin.equals(origin))) {
            return super.handle(request, response, callback);
        }
        h.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, allowedOrigin.equals("*") ? "*" : origin);
        String method = request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD);
        if (HttpMethod.OPTIONS.is(request.getMethod()) && method != null) {
            h.put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS);
            String headers = request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_HEADERS);
            if (headers != null) {
                h.put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, headers);
            }
            h.put(HttpHeader.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS);
            h.put(HttpHeader.CONTENT_LENGTH, 0);
            response.setStatus(204);
            response.write(true, ByteBuffer.allocate(0), callback);
            return true;
        }
        h.put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, "Content-Length, Content-Range");
        return super.handle(request, response, callback);
    }
}
