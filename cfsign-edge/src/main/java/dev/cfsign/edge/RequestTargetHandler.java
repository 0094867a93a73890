package dev.cfsign.edge;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Reads each request's {@link RequestTarget} before any behavior or signature is looked at: an ambiguous path
 * ({@link dev.cfsign.AmbiguousPath}) gets 400, {@code OPTIONS *} gets 200 with the origin's methods, anything else goes on
 * with the target as a request attribute.
 */
final class RequestTargetHandler extends Handler.Wrapper {
    RequestTargetHandler(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        OriginHandler origin = getDescendant(OriginHandler.class);
        if ("*".equals(request.getHttpURI().getPath())) {
            if (!HttpMethod.OPTIONS.is(request.getMethod())) {
                Response.writeError(request, response, callback, 400);
                return true;
            }
            AccessDecision.PUBLIC.attach(request);
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.ALLOW, origin == null ? "GET, HEAD" : origin.allowedMethods());
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
            response.write(true, null, callback);
            return true;
        }
        try {
            RequestTarget.of(request, origin);
        } catch (RequestPath.Refused e) {
            AccessDecision.refused(e.rule).attach(request);
            Response.writeError(request, response, callback, 400);
            return true;
        }
        return super.handle(request, response, callback);
    }
}
