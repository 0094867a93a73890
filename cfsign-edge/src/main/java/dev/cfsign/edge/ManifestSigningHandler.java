package dev.cfsign.edge;

import dev.cfsign.CredentialSource;
import dev.cfsign.VerifiedRequest;
import dev.cfsign.ViewerRequest;
import dev.cfsign.media.ManifestException;
import dev.cfsign.media.ManifestFormat;
import dev.cfsign.media.ManifestRewriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code --sign-manifests}: an allowed GET for an HLS playlist or DASH MPD whose credentials came in the URL gets its
 * body rewritten so that every URI the signed policy covers carries the same CloudFront parameters — what the
 * Lambda@Edge pattern does at the real edge. The origin is asked for the whole object (no range, no validators), and
 * the rewritten body replaces its length, ETag and Last-Modified. Everything else passes through untouched.
 */
final class ManifestSigningHandler extends Handler.Wrapper {
    /** A manifest larger than this is refused (502) rather than held in memory; real ones are far smaller. */
    static final int MAX_MANIFEST_BYTES = 16 << 20;

    ManifestSigningHandler(Handler origin) {
        super(origin);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        // The path as the edge read and authorized it (RequestTarget), never Jetty's own reading of the URI.
        Object target = request.getAttribute(RequestTarget.ATTRIBUTE);
        Object verified = request.getAttribute(SignedAccessHandler.VERIFIED_REQUEST);
        Object viewer = request.getAttribute(SignedAccessHandler.VIEWER_REQUEST);
        if (!HttpMethod.GET.is(request.getMethod()) || !(target instanceof RequestTarget t)
                || !(verified instanceof VerifiedRequest v) || v.source() != CredentialSource.URL
                || !(viewer instanceof ViewerRequest vr)) {
            return super.handle(request, response, callback);
        }
        Optional<ManifestFormat> format = ManifestFormat.forPath(t.served().decoded());
        if (format.isEmpty()) {
            return super.handle(request, response, callback);
        }
        // Without a resource the policy grants any URL: carry the parameters to this host only, never to others.
        String origin = vr.scheme() + "://" + vr.authority();
        String resource = v.resource().orElse(origin + "/*");
        String query = vr.rawQuery().orElse(null);
        ManifestRewriter rewriter = ManifestRewriter.carryingSigningParameters(resource, query);
        // Relative URIs resolve against the URL the player asked for.
        String manifestUrl = origin + t.requested().raw() + (query == null ? "" : "?" + query);
        return super.handle(new WholeObjectRequest(request),
                new Rewriting(request, response, rewriter, manifestUrl, format.get()), callback);
    }

    /** The request without Range and validators, so the origin answers 200 with the whole manifest. */
    private static final class WholeObjectRequest extends Request.Wrapper {
        private final HttpFields headers;

        WholeObjectRequest(Request request) {
            super(request);
            this.headers = HttpFields.build(request.getHeaders()).remove(HttpHeader.RANGE)
                    .remove(HttpHeader.IF_RANGE).remove(HttpHeader.IF_NONE_MATCH).remove(HttpHeader.IF_MODIFIED_SINCE)
                    .asImmutable();
        }

        @Override
        public HttpFields getHeaders() {
            return headers;
        }
    }

    /** Collects a 200 body, rewrites it at the last write; any other status passes through. */
    private static final class Rewriting extends Response.Wrapper {
        private final ManifestRewriter rewriter;
        private final String manifestUrl;
        private final ManifestFormat format;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(8192);

        Rewriting(Request request, Response response, ManifestRewriter rewriter, String manifestUrl,
                ManifestFormat format) {
            super(request, response);
            this.rewriter = rewriter;
            this.manifestUrl = manifestUrl;
            this.format = format;
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            // Jetty leaves the status 0 until commit when the handler never set it: that is a 200.
            if (getStatus() != 200 && getStatus() != 0) {
                super.write(last, content, callback);
                return;
            }
            if (content != null) {
                if (body.size() + content.remaining() > MAX_MANIFEST_BYTES) {
                    callback.failed(new IOException("The manifest is larger than " + MAX_MANIFEST_BYTES + " bytes"));
                    return;
                }
                byte[] chunk = new byte[content.remaining()];
                content.get(chunk);
                body.writeBytes(chunk);
            }
            if (!last) {
                callback.succeeded();
                return;
            }
            byte[] original = body.toByteArray();
            byte[] rewritten;
            try {
                rewritten = rewriter.rewrite(manifestUrl, original);
            } catch (ManifestException e) {
                // Not a manifest after all (say, an HTML page named .m3u8): sent as the origin sent it.
                super.write(true, ByteBuffer.wrap(original), callback);
                return;
            }
            HttpFields.Mutable h = getHeaders();
            h.remove(HttpHeader.ETAG);
            h.remove(HttpHeader.LAST_MODIFIED);
            h.remove(HttpHeader.ACCEPT_RANGES);
            h.put(HttpHeader.CONTENT_TYPE, format.contentType());
            h.put(HttpHeader.CONTENT_LENGTH, rewritten.length);
            // The body differs per viewer: no shared cache may hand one viewer's signature to another.
            h.put(HttpHeader.CACHE_CONTROL, "private, no-store");
            super.write(true, ByteBuffer.wrap(rewritten), callback);
        }
    }
}
