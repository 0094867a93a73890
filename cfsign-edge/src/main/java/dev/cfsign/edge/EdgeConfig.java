package dev.cfsign.edge;

import dev.cfsign.CloudFrontEnvironment;
import dev.cfsign.CloudFrontVerifier;
import dev.cfsign.TrustedKeys;
import dev.cfsign.keys.VerificationKey;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What an {@link EdgeServer} serves and how it guards it. Immutable; build one with {@link #builder()}.
 *
 * <pre>{@code
 * EdgeConfig config = EdgeConfig.builder()
 *     .root(Path.of("site"))                                   // or .origin(URI.create("http://localhost:3000"))
 *     .trust("K2JCJMDEHXQW5F", VerificationKey.fromFile(Path.of("public_key.pem")))
 *     .protect("/private/*")                                   // default: every path needs a signature
 *     .publicUrl("https://d111111abcdef8.cloudfront.net")       // the host the URLs were signed for
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class EdgeConfig {
    /** How long a connection may sit with no bytes in or out before the edge closes it, by default. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** How long a connection may take to deliver a request line and headers it has started, by default. */
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);

    private final String host;
    private final int port;
    private final Path root;
    private final URI origin;
    private final TrustedKeys trustedKeys;
    private final List<Behavior> behaviors;
    private final boolean defaultRequiresSignature;
    private final URI publicUrl;
    private final Clock clock;
    private final Duration clockSkew;
    private final boolean explain;
    private final Consumer<String> accessLog;
    private final boolean verificationCache;
    private final int verificationCacheSize;
    private final Duration idleTimeout;
    private final Duration headerTimeout;
    private final StreamingOptions streaming;

    private EdgeConfig(Builder b, TrustedKeys keys, boolean defaultSigned) {
        this.host = b.host;
        this.port = b.port;
        this.root = b.root;
        this.origin = b.origin;
        this.trustedKeys = keys;
        this.behaviors = List.copyOf(b.behaviors);
        this.defaultRequiresSignature = defaultSigned;
        this.publicUrl = b.publicUrl;
        this.clock = b.clock;
        this.clockSkew = b.clockSkew;
        this.explain = b.explain;
        this.accessLog = b.accessLog;
        this.verificationCache = b.verificationCache;
        this.verificationCacheSize = b.verificationCacheSize;
        this.idleTimeout = b.idleTimeout;
        this.headerTimeout = b.headerTimeout;
        this.streaming = b.streaming;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The address to bind; default {@code 127.0.0.1} (loopback only). */
    public String host() {
        return host;
    }

    /** The port to bind; 0 means any free port. */
    public int port() {
        return port;
    }

    /** The folder served, when the origin is a folder. */
    public Optional<Path> root() {
        return Optional.ofNullable(root);
    }

    /** The HTTP origin proxied to, when the origin is a server. */
    public Optional<URI> origin() {
        return Optional.ofNullable(origin);
    }

    /** The key group: key pair IDs and their public keys. May be empty only when no behavior requires a signature. */
    public TrustedKeys trustedKeys() {
        return trustedKeys;
    }

    /** The behaviors in order (first match wins); the default behavior is not in this list. */
    public List<Behavior> behaviors() {
        return behaviors;
    }

    /** Whether the default behavior ({@code *}, for paths no behavior matches) requires a signature. */
    public boolean defaultRequiresSignature() {
        return defaultRequiresSignature;
    }

    /** The behavior that applies to {@code path}. */
    public Behavior behaviorFor(String path) {
        for (Behavior b : behaviors) {
            if (b.pattern().matches(path)) {
                return b;
            }
        }
        return defaultRequiresSignature ? Behavior.signed("*") : Behavior.open("*");
    }

    /** The scheme and host the URLs were signed for ({@code https://d111111abcdef8.cloudfront.net}). */
    public Optional<URI> publicUrl() {
        return Optional.ofNullable(publicUrl);
    }

    public Clock clock() {
        return clock;
    }

    public Duration clockSkew() {
        return clockSkew;
    }

    /** When true, denials carry an {@code X-Cfsign-Denial} header naming the precise reason (local debugging). */
    public boolean explain() {
        return explain;
    }

    /** Where access-log lines go (one call per request, no trailing newline). */
    public Consumer<String> accessLog() {
        return accessLog;
    }

    /** Whether allowed verifications are remembered until their expiry (default true). */
    public boolean verificationCache() {
        return verificationCache;
    }

    public int verificationCacheSize() {
        return verificationCacheSize;
    }

    /** A connection with no bytes in or out for this long is closed (default 30 s). */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * A connection that has started a request line or headers and not finished them within this long is closed
     * (default 10 s), so a client trickling a request byte by byte cannot hold a connection past it.
     */
    public Duration headerTimeout() {
        return headerTimeout;
    }

    /** Manifest signing, CORS and missing-object answers (see {@link StreamingOptions}). */
    public StreamingOptions streaming() {
        return streaming;
    }

    /** The verifier this configuration implies. */
    CloudFrontVerifier newVerifier() {
        return CloudFrontVerifier.builder().trust(trustedKeys).clock(clock).clockSkew(clockSkew).build();
    }

    @Override
    public String toString() {
        return "EdgeConfig[" + host + ":" + port + ", " + (root != null ? "root=" + root : "origin=" + origin)
                + ", keys=" + trustedKeys + ", behaviors=" + behaviors + ", default="
                + (defaultRequiresSignature ? "signed" : "public") + ", publicUrl=" + publicUrl + ", clockSkew="
                + clockSkew + ", explain=" + explain + ", verificationCache="
                + (verificationCache ? verificationCacheSize : "off") + ", idleTimeout=" + idleTimeout
                + ", headerTimeout=" + headerTimeout + ", " + streaming + "]";
    }

    /** Builds an {@link EdgeConfig}. Not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Path root;
        private URI origin;
        private final TrustedKeys.Builder keys = TrustedKeys.builder();
        private final List<Behavior> behaviors = new ArrayList<>();
        private Boolean defaultRequiresSignature;
        private URI publicUrl;
        private Clock clock = Clock.systemUTC();
        private Duration clockSkew = Duration.ZERO;
        private boolean explain;
        private Consumer<String> accessLog = line -> { };
        private boolean verificationCache = true;
        private int verificationCacheSize = EdgeLimits.DEFAULT_VERIFICATION_CACHE_SIZE;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration headerTimeout = DEFAULT_HEADER_TIMEOUT;
        private StreamingOptions streaming = StreamingOptions.DEFAULTS;

        private Builder() {}

        /** Manifest signing, CORS and missing-object answers; default {@link StreamingOptions#DEFAULTS}. */
        public Builder streaming(StreamingOptions streaming) {
            this.streaming = Objects.requireNonNull(streaming, "streaming");
            return this;
        }

        /** The streaming options so far (a config file's, say), to change one with {@code StreamingOptions.with…}. */
        public StreamingOptions streaming() {
            return streaming;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** 0 (the default) binds any free port; read it back with {@link EdgeServer#port()}. */
        public Builder port(int port) {
            this.port = EdgeLimits.port(port);
            return this;
        }

        /** Serves files from this folder (replaces any {@link #origin(URI)}). */
        public Builder root(Path root) {
            this.root = Objects.requireNonNull(root, "root");
            this.origin = null;
            return this;
        }

        /** Proxies to this HTTP origin, e.g. {@code http://localhost:3000} (replaces any {@link #root(Path)}). */
        public Builder origin(URI origin) {
            this.origin = EdgeLimits.origin(origin);
            this.root = null;
            return this;
        }

        /** Trusts a public key under its key pair ID. Repeatable: the trusted keys form the key group. */
        public Builder trust(String keyPairId, VerificationKey key) {
            keys.add(keyPairId, key);
            return this;
        }

        /** Trusts a public key read from a PEM or DER file. */
        public Builder trust(String keyPairId, Path publicKeyFile) throws IOException {
            return trust(keyPairId, VerificationKey.fromFile(publicKeyFile));
        }

        public Builder trust(TrustedKeys trustedKeys) {
            keys.addAll(Objects.requireNonNull(trustedKeys, "trustedKeys"));
            return this;
        }

        /**
         * Trusts the key of the seed environment, read by {@link CloudFrontEnvironment#forVerifying} (the one reader of
         * the {@code AWS_CLOUDFRONT_*} variables): {@code AWS_CLOUDFRONT_KEY_ID} with {@code AWS_CLOUDFRONT_PUBLIC_KEY},
         * or the public key derived from {@code AWS_CLOUDFRONT_PRIVATE_KEY}; and, when no public URL is set, uses the
         * environment's base URL ({@code AWS_CLOUDFRONT_CUSTOM_DOMAIN}, else {@code AWS_CLOUDFRONT_DOMAIN}).
         *
         * @return true when a key was found; false when none of those variables is set
         * @throws dev.cfsign.ConfigurationException when they are set but wrong (a distribution ID as the domain, a
         *     key that does not parse, …), naming each variable
         */
        public boolean trustFromEnvironment(Map<String, String> env) {
            Optional<CloudFrontEnvironment> read = CloudFrontEnvironment.forVerifying(env);
            if (read.isEmpty()) {
                return false;
            }
            CloudFrontEnvironment e = read.get();
            trust(e.keyPairId(), e.verificationKey().orElseThrow());
            if (publicUrl == null) {
                e.baseUrl().ifPresent(this::publicUrl);
            }
            return true;
        }

        /** Requires a signature for paths matching {@code pattern}. Behaviors are tried in the order added. */
        public Builder protect(String pattern) {
            behaviors.add(Behavior.signed(pattern));
            return this;
        }

        /** Serves paths matching {@code pattern} without a signature. Behaviors are tried in the order added. */
        public Builder publicPath(String pattern) {
            behaviors.add(Behavior.open(pattern));
            return this;
        }

        /**
         * Whether paths that match no behavior need a signature. When not set: true unless a {@link #protect(String)}
         * pattern was given (so no configuration means every path is protected, and {@code protect /private/*} means
         * "only /private/*").
         */
        public Builder defaultRequiresSignature(boolean signed) {
            this.defaultRequiresSignature = signed;
            return this;
        }

        /**
         * The scheme and host the signed URLs were made for, e.g. {@code https://d111111abcdef8.cloudfront.net} or a
         * custom domain; requests are verified as if they had been made there. Without it, the request's own scheme
         * and {@code Host} header are used.
         */
        public Builder publicUrl(String publicUrl) {
            this.publicUrl = EdgeLimits.publicUrl(publicUrl);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Tolerance for clock differences; default zero like CloudFront, at most 10 minutes. */
        public Builder clockSkew(Duration clockSkew) {
            this.clockSkew = EdgeLimits.clockSkew(clockSkew);
            return this;
        }

        /** Adds an {@code X-Cfsign-Denial} header with the precise reason to denials. For local debugging only. */
        public Builder explain(boolean explain) {
            this.explain = explain;
            return this;
        }

        /** Receives one line per request (no trailing newline); default: discarded. */
        public Builder accessLog(Consumer<String> sink) {
            this.accessLog = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** Remember allowed verifications until they expire; default on. */
        public Builder verificationCache(boolean enabled) {
            this.verificationCache = enabled;
            return this;
        }

        /** At most this many remembered verifications (default 10,000). */
        public Builder verificationCacheSize(int entries) {
            this.verificationCacheSize = EdgeLimits.verificationCacheSize(entries);
            return this;
        }

        /**
         * Closes connections with no bytes in or out for this long (default 30 s): idle keep-alive connections and
         * clients that open a connection and send nothing. Between 1 ms and 1 hour.
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = EdgeLimits.timeout(timeout, "idle timeout");
            return this;
        }

        /**
         * Closes connections that have sent part of a request line or headers and not the rest within this long
         * (default 10 s; checked every quarter of it, so the close comes up to a quarter later). The idle timeout
         * alone cannot do this: a client sending one byte every few seconds is never idle. Between 1 ms and 1 hour.
         */
        public Builder headerTimeout(Duration timeout) {
            this.headerTimeout = EdgeLimits.timeout(timeout, "header timeout");
            return this;
        }

        /**
         * Applies a configuration file of {@code key = value} lines; see {@link EdgeConfigFile} for the keys. Each key
         * calls the setter of the same name, so a file and the {@code cfsign serve} flags mean the same.
         *
         * @throws IllegalArgumentException naming the file, line and key for an unknown key or a bad value
         */
        public Builder configFile(Path file) throws IOException {
            EdgeConfigFile.apply(this, file);
            return this;
        }

        /** Whether any key is trusted so far (a launcher falls back to the environment when none is). */
        public boolean hasTrustedKeys() {
            return keys.build().size() > 0;
        }

        /** @throws IllegalStateException with nothing to serve, or a path needing a signature and no trusted key */
        public EdgeConfig build() {
            boolean defaultSigned = EdgeLimits.defaultRequiresSignature(defaultRequiresSignature, behaviors);
            TrustedKeys k = keys.build();
            EdgeLimits.requireComplete(root != null || origin != null, defaultSigned, behaviors, k);
            return new EdgeConfig(this, k, defaultSigned);
        }
    }
}
