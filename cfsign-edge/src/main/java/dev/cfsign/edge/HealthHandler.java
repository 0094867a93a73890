package dev.cfsign.edge;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The health endpoint {@value #HEALTH_PATH}: 200 {@code ok}, outside every behavior, never reaching the origin. */
final class HealthHandler extends Handler.Wrapper {
    static final String HEALTH_PATH = "/__cfsign/health";
    private static final byte[] OK = "ok\n".getBytes(StandardCharsets.US_ASCII);

    HealthHandler(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HEALTH_PATH.equals(request.getHttpURI().getPath())) {
            return super.handle(request, response, callback);
        }
        AccessDecision.PUBLIC.attach(request);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, OK.length);
        response.write(true, ByteBuffer.wrap(OK), callback);
        return true;
    }
}
