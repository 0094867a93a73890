package dev.cfsign.media;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CustomPolicy;
import dev.cfsign.SignedUrl;
import dev.cfsign.media.internal.QuerySource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Signs a stream: rewrites an HLS playlist or DASH MPD so that every URI the grant covers carries a signature, for
 * players that cannot send signed cookies.
 *
 * <pre>{@code
 * ManifestSigner streams = ManifestSigner.builder(signer).validFor(Duration.ofHours(4)).build();
 * byte[] playlist = streams.sign("https://cdn.example.com/videos/s1/master.m3u8", originalBytes);
 * }</pre>
 *
 * <p>Two modes. The default signs one custom policy per call, on the manifest's folder
 * ({@code https://cdn.example.com/videos/s1/*}, or the policy's own resource), and appends that one query to every
 * covered URI: one signature per viewer and stream, and a cache key that differs per viewer. {@link Builder#perUri}
 * signs each covered URI on its own (a canned policy, or a custom policy for exactly that URL when the policy has a
 * start time or IP range): no folder grant is handed out, at the price of one signature per URI and links that break
 * when a player adds its own query parameters. Immutable and thread-safe.
 *
 * @since 0.2
 */
public final class ManifestSigner {
    private final CloudFrontSigner signer;
    private final CustomPolicy policy;
    private final Duration validFor;
    private final boolean perUri;

    private ManifestSigner(Builder b) {
        this.signer = b.signer;
        this.policy = b.policy;
        this.validFor = b.validFor;
        this.perUri = b.perUri;
    }

    public static Builder builder(CloudFrontSigner signer) {
        return new Builder(signer);
    }

    /**
     * The default grant for a manifest: its folder followed by {@code *} ({@code https://h/videos/s1/master.m3u8}
     * gives {@code https://h/videos/s1/*}).
     */
    public static String folderResource(String manifestUrl) {
        String u = CloudFrontSigner.canonicalUrl(manifestUrl);
        int q = u.indexOf('?');
        String path = q < 0 ? u : u.substring(0, q);
        return path.substring(0, path.lastIndexOf('/') + 1) + "*";
    }

    /** The resource this signer grants for {@code manifestUrl}: the policy's own, else {@link #folderResource}. */
    public String resourceFor(String manifestUrl) {
        return policy != null && policy.resource().isPresent() ? policy.resource().get() : folderResource(manifestUrl);
    }

    /**
     * A rewriter for one manifest, signed now: in the default mode this signs once, in per-URI mode each covered URI
     * is signed as the rewriter meets it.
     *
     * @throws dev.cfsign.SigningException when the manifest URL or the policy cannot be signed
     */
    public ManifestRewriter rewriterFor(String manifestUrl) {
        String resource = resourceFor(manifestUrl);
        CustomPolicy p = policy != null ? policy.withResource(resource)
                : CustomPolicy.builder().resource(resource).expiresAt(signer.clock().instant().plus(validFor)).build();
        if (!perUri) {
            SignedUrl signed = signer.signUrl(manifestUrl, p);
            return ManifestRewriter.appending(resource, signingQuery(signed));
        }
        boolean canned = p.activeFrom().isEmpty() && p.ipRange().isEmpty();
        Instant expiresAt = p.expiresAt();
        QuerySource perUrl = url -> {
            if (!CustomPolicy.resourceCovers(resource, url)) {
                return null;
            }
            return signingQuery(canned ? signer.signUrl(url, expiresAt) : signer.signUrl(url, p.withResource(url)));
        };
        return new ManifestRewriter(perUrl);
    }

    /** Signs and rewrites a manifest, detecting its format; {@code out} is flushed, neither stream closed. */
    public ManifestFormat sign(String manifestUrl, InputStream in, OutputStream out) throws IOException {
        return rewriterFor(manifestUrl).rewrite(manifestUrl, in, out);
    }

    /** Signs and rewrites a manifest given as characters; {@code out} is flushed, neither closed. */
    public ManifestFormat sign(String manifestUrl, Reader in, Writer out) throws IOException {
        return rewriterFor(manifestUrl).rewrite(manifestUrl, in, out);
    }

    /** Signs and rewrites a whole manifest held in memory. */
    public byte[] sign(String manifestUrl, byte[] manifest) {
        return rewriterFor(manifestUrl).rewrite(manifestUrl, manifest);
    }

    private static String signingQuery(SignedUrl signed) {
        return signed.url().substring(signed.unsignedUrl().length() + 1);
    }

    @Override
    public String toString() {
        return "ManifestSigner[" + (perUri ? "per URI" : "one policy per manifest") + ", " + signer + "]";
    }

    /** Builds a {@link ManifestSigner}: give {@link #validFor} or {@link #policy}. Not thread-safe. */
    public static final class Builder {
        private final CloudFrontSigner signer;
        private CustomPolicy policy;
        private Duration validFor;
        private boolean perUri;

        private Builder(CloudFrontSigner signer) {
            this.signer = Objects.requireNonNull(signer, "signer");
        }

        /** Links expire this long after each {@link ManifestSigner#rewriterFor} call (by the signer's clock). */
        public Builder validFor(Duration validFor) {
            this.validFor = validFor;
            return this;
        }

        /**
         * The policy to sign: expiry, optional start and IP range, and optionally the resource (default: the
         * manifest's folder followed by {@code *}).
         */
        public Builder policy(CustomPolicy policy) {
            this.policy = policy;
            return this;
        }

        /** Sign each covered URI on its own instead of one folder policy per manifest. */
        public Builder perUri(boolean perUri) {
            this.perUri = perUri;
            return this;
        }

        /** @throws IllegalStateException unless exactly one of {@code validFor} and {@code policy} is set */
        public ManifestSigner build() {
            if ((policy == null) == (validFor == null)) {
                throw new IllegalStateException("Give exactly one of ManifestSigner.Builder.validFor(Duration) and"
                        + " policy(CustomPolicy).");
            }
            if (validFor != null && (validFor.isNegative() || validFor.isZero())) {
                throw new IllegalArgumentException("validFor must be positive (got " + validFor + ").");
            }
            return new ManifestSigner(this);
        }
    }
}
