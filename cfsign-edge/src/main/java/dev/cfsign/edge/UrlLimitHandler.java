package dev.cfsign.edge;

import dev.cfsign.CloudFrontLimits;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * CloudFront's URL limit: a request whose path and query exceed {@value CloudFrontLimits#MAX_URL_BYTES} bytes, counted
 * as {@link CloudFrontLimits#requestTargetBytes(String, String)} counts them for the signer too, is answered
 * {@value CloudFrontLimits#URL_TOO_LONG_STATUS} before anything else looks at it.
 */
final class UrlLimitHandler extends Handler.Wrapper {
    UrlLimitHandler(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpURI uri = request.getHttpURI();
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (CloudFrontLimits.requestTargetBytes(path, uri.getQuery()) > CloudFrontLimits.MAX_URL_BYTES) {
            Response.writeError(request, response, callback, CloudFrontLimits.URL_TOO_LONG_STATUS);
            return true;
        }
        return super.handle(request, response, callback);
    }
}
