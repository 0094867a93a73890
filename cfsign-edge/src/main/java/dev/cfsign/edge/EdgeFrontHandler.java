package dev.cfsign.edge;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The outermost handler: CloudFront's URL length limit (414 over {@value EdgeConfig#MAX_URL_BYTES} bytes of path
 * and query) and the health endpoint {@value #HEALTH_PATH}, which is never protected and never reaches the origin.
 */
final class EdgeFrontHandler extends Handler.Wrapper {
    /** Answers 200 {@code ok}, outside any behavior. */
    static final String HEALTH_PATH = "/__cfsign/health";
    private static final byte[] OK = "ok\n".getBytes(StandardCharsets.US_ASCII);

    EdgeFrontHandler(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpURI uri = request.getHttpURI();
        String path = uri.getPath() == null ? "" : uri.getPath();
        String query = uri.getQuery();
        if (urlBytes(path, query) > EdgeConfig.MAX_URL_BYTES) {
            Response.writeError(request, response, callback, 414);
            return true;
        }
        if (HEALTH_PATH.equals(path)) {
            AccessDecision.PUBLIC.attach(request);
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, OK.length);
            response.write(true, ByteBuffer.wrap(OK), callback);
            return true;
        }
        return super.handle(request, response, callback);
    }

    static long urlBytes(String path, String query) {
        long n = path.getBytes(StandardCharsets.UTF_8).length;
        if (query != null) {
            n += 1 + query.getBytes(StandardCharsets.UTF_8).length;
        }
        return n;
    }
}
