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
import org.eclipse.jetty.http.HttpURI;
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
 * <p>Behavior selection is fail-safe: the path counts as protected when either its raw (percent-encoded) form or its
 * decoded form matches a behavior that requires a signature, so {@code /%70rivate/x} cannot slip past
 * {@code /private/*}.
 *
 * @since 0.1
 */
public class SignedAccessHandler extends Handler.Wrapper {
    /** Request attribute holding the {@link VerifiedRequest} of an allowed request. */
    public static final String VERIFIED_REQUEST = VerifiedRequest.class.getName();
    static final String DECISION = "dev.cfsign.edge.decision";
    static final String REASON = "dev.cfsign.edge.reason";
    static final String KEY_PAIR_ID = "dev.cfsign.edge.keyPairId";
    static final String SOURCE = "dev.cfsign.edge.source";
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
        HttpURI uri = request.getHttpURI();
        String rawPath = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        String decodedPath = decodedPath(uri);
        if (!requiresSignature(rawPath, decodedPath)) {
            request.setAttribute(DECISION, "PUBLIC");
            return super.handle(request, response, callback);
        }
        ViewerRequest viewer;
        try {
            viewer = viewerRequest(request, rawPath, uri.getQuery());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // An unusable Host header: CloudFront answers 400 before any signature check.
            Response.writeError(request, response, callback, 400);
            return true;
        }
        String key = cache == null ? null : VerificationCache.key(viewer);
        VerifiedRequest verified = key == null ? null : cache.get(key);
        if (verified != null) {
            cacheHits.incrementAndGet();
        } else {
            verifications.incrementAndGet();
            VerificationResult result = verifier.check(viewer);
            if (!result.isAllowed()) {
                DenialReason reason = result.denialReason().orElseThrow();
                request.setAttribute(DECISION, "DENY");
                request.setAttribute(REASON, reason.name());
                result.claimedKeyPairId().map(SignedAccessHandler::loggableId)
                        .ifPresent(id -> request.setAttribute(KEY_PAIR_ID, id));
                result.credentialSource().ifPresent(s -> request.setAttribute(SOURCE,
                        s.name().toLowerCase(java.util.Locale.ROOT)));
                deny(response, callback, reason, config.explain());
                return true;
            }
            verified = result.verifiedRequest().orElseThrow();
            if (cache != null) {
                cache.put(key, verified);
            }
        }
        request.setAttribute(DECISION, "ALLOW");
        request.setAttribute(KEY_PAIR_ID, verified.keyPairId());
        request.setAttribute(SOURCE, verified.source().name().toLowerCase(java.util.Locale.ROOT));
        request.setAttribute(VERIFIED_REQUEST, verified);
        return super.handle(request, response, callback);
    }

    private static String decodedPath(HttpURI uri) {
        try {
            return uri.getDecodedPath();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private boolean requiresSignature(String rawPath, String decodedPath) {
        if (config.behaviorFor(rawPath).requiresSignature()) {
            return true;
        }
        return decodedPath != null && !decodedPath.equals(rawPath)
                && config.behaviorFor(decodedPath).requiresSignature();
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
        response.setStatus(error.httpStatus());
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
