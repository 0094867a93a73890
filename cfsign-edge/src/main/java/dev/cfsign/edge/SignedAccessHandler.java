package dev.cfsign.edge;

import dev.cfsign.CloudFrontError;
import dev.cfsign.CloudFrontVerifier;
import dev.cfsign.DenialReason;
import dev.cfsign.VerificationResult;
import dev.cfsign.VerifiedRequest;
import dev.cfsign.ViewerRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Enforces CloudFront signed URLs and cookies in front of an origin handler.
 *
 * <p>For a path whose behavior requires a signature, the request is rebuilt as CloudFront sees it (the public URL's
 * scheme and host when configured, else the request's own; the raw path and query; the {@code Cookie} headers; the
 * viewer IP) and checked by {@link CloudFrontVerifier}. Allowed requests go on to the origin with the
 * {@link VerifiedRequest} as request attribute {@link #VERIFIED_REQUEST}. Denied requests are answered exactly like
 * CloudFront — 403, {@code Content-Type: text/xml}, {@code X-Cache: Error from cloudfront} and the XML body of
 * {@link CloudFrontError} — and the origin is never called. The precise reason goes to the access log only (and, with
 * the explain flag, to an {@code X-Cfsign-Denial} header); never the signature.
 *
 * <p>What is authorized is the request's {@link RequestTarget}, read once: an ambiguous path (dot segments,
 * {@code ;parameters}, encoded separators, ...) gets 400 before anything else, and when the origin would send the bytes
 * of another path (a symbolic link below a folder root), that path is authorized too, with the same credentials. A
 * path counts as protected when its raw (percent-encoded), decoded or forwarded form matches a behavior that requires
 * a signature, so {@code /%70rivate/x} cannot slip past {@code /private/*}.
 *
 * @since 0.1
 */
public class SignedAccessHandler extends Handler.Wrapper {
    /** Request attribute holding the {@link VerifiedRequest} of an allowed request. */
    public static final String VERIFIED_REQUEST = VerifiedRequest.class.getName();
    /** Request attribute holding the {@link ViewerRequest} an allowed request was verified as (scheme, host, query). */
    static final String VIEWER_REQUEST = ViewerRequest.class.getName();
    static final String DENIAL_HEADER = "X-Cfsign-Denial";

    private final EdgeConfig config;
    private final CloudFrontVerifier verifier;
    private final VerificationCache cache;
    private final AtomicLong verifications = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();

    public SignedAccessHandler(EdgeConfig config, Handler origin) {
        super(origin);
        this.config = Objects.requireNonNull(config, "config");
        this.verifier = config.trustedKeys().size() == 0 ? null : config.newVerifier();
        this.cache = config.verificationCache()
                ? new VerificationCache(config.verificationCacheSize(), config.clock(), config.clockSkew()) : null;
    }

    /** Signature verifications performed (requests the verification cache could not answer). */
    public long verifications() {
        return verifications.get();
    }

    /** Protected requests answered from the verification cache. */
    public long cacheHits() {
        return cacheHits.get();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        RequestTarget target;
        try {
            target = RequestTarget.of(request, getDescendant(OriginHandler.class));
        } catch (RequestPath.Refused e) {
            AccessDecision.refused(e.rule).attach(request);
            Response.writeError(request, response, callback, 400);
            return true;
        }
        VerifiedRequest verified = null;
        ViewerRequest verifiedAs = null;
        for (RequestPath path : target.paths()) {
            if (!requiresSignature(path)) {
                continue;
            }
            ViewerRequest viewer;
            try {
                viewer = viewerRequest(request, path.raw(), request.getHttpURI().getQuery());
            } catch (IllegalArgumentException | IllegalStateException e) {
                // An unusable Host header: CloudFront answers 400 before any signature check.
                Response.writeError(request, response, callback, 400);
                return true;
            }
            verified = verifyOrDeny(request, response, callback, viewer);
            if (verified == null) {
                return true;
            }
            verifiedAs = viewer;
        }
        if (verified == null) {
            AccessDecision.PUBLIC.attach(request);
        } else {
            AccessDecision.allow(verified).attach(request);
            request.setAttribute(VERIFIED_REQUEST, verified);
            request.setAttribute(VIEWER_REQUEST, verifiedAs);
        }
        return super.handle(request, response, callback);
    }

    /** The verified request (from the cache when it holds one), or null once the denial is written. */
    private VerifiedRequest verifyOrDeny(Request request, Response response, Callback callback, ViewerRequest viewer) {
        String key = cache == null ? null : VerificationCache.key(viewer);
        VerifiedRequest known = key == null ? null : cache.get(key);
        if (known != null) {
            cacheHits.incrementAndGet();
            return known;
        }
        verifications.incrementAndGet();
        VerificationResult result = verifier.check(viewer);
        if (!result.isAllowed()) {
            DenialReason reason = result.denialReason().orElseThrow();
            denial(reason, result).attach(request);
            deny(response, callback, reason, config.explain());
            return null;
        }
        VerifiedRequest verified = result.verifiedRequest().orElseThrow();
        if (cache != null) {
            cache.put(key, verified);
        }
        return verified;
    }

    /** The verifier already read the claimed key pair ID and source: the unauthenticated request is not re-parsed. */
    private static AccessDecision denial(DenialReason reason, VerificationResult result) {
        String keyPairId = result.claimedKeyPairId().map(SignedAccessHandler::loggableId).orElse(null);
        return AccessDecision.deny(reason, keyPairId, result.credentialSource().orElse(null));
    }

    /** Fail-safe: protected when the raw, decoded or forwarded form of the path hits a signed behavior. */
    private boolean requiresSignature(RequestPath path) {
        return config.behaviorFor(path.raw()).requiresSignature()
                || config.behaviorFor(path.decoded()).requiresSignature()
                || config.behaviorFor(path.encoded()).requiresSignature();
    }

    private ViewerRequest viewerRequest(Request request, String rawPath, String rawQuery) {
        ViewerRequest.Builder b = ViewerRequest.builder();
        URI publicUrl = config.publicUrl().orElse(null);
        if (publicUrl != null) {
            b.url(publicUrl.toString());
        } else {
            String host = request.getHeaders().get(HttpHeader.HOST);
            if (host == null || host.isBlank()) {
                host = request.getHttpURI().getAuthority();
            }
            if (host == null || host.isBlank() || host.contains("/") || host.contains("?") || host.contains("#")
                    || host.contains("@")) {
                throw new IllegalArgumentException("no usable Host");
            }
            b.url((request.isSecure() ? "https" : "http") + "://" + host.strip());
        }
        b.rawPath(rawPath).rawQuery(rawQuery);
        for (HttpField f : request.getHeaders()) {
            if (f.getHeader() == HttpHeader.COOKIE) {
                b.cookieHeader(f.getValue());
            }
        }
        b.viewerIp(viewerIp(request));
        return b.build();
    }

    static InetAddress viewerIp(Request request) {
        SocketAddress a = request.getConnectionMetaData().getRemoteSocketAddress();
        if (a instanceof InetSocketAddress) {
            return ((InetSocketAddress) a).getAddress();
        }
        return null;
    }

    /** Writes CloudFront's denial: 403, text/xml, X-Cache, the XML body, nothing else of the object. */
    static void deny(Response response, Callback callback, DenialReason reason, boolean explain) {
        CloudFrontError error = reason.code();
        byte[] body = error.xmlBody().getBytes(StandardCharsets.UTF_8);
        response.setStatus(reason.httpStatus());
        HttpFields.Mutable h = response.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, error.contentType());
        h.put(HttpHeader.CONTENT_LENGTH, body.length);
        h.put("X-Cache", "Error from cloudfront");
        if (explain) {
            h.put(DENIAL_HEADER, reason.name());
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** A claimed key pair ID for the log: shown when it looks like one, else a placeholder. */
    static String loggableId(String id) {
        if (id.isEmpty() || id.length() > 64) {
            return "(invalid)";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return "(invalid)";
            }
        }
        return id;
    }
}
