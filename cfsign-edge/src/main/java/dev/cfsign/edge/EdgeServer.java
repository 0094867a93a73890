package dev.cfsign.edge;

import dev.cfsign.CloudFrontLimits;
import dev.cfsign.CryptoProviders;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A running local CloudFront edge. Start one, point your signed URLs at {@link #url()}, close it when done.
 *
 * <pre>{@code
 * try (EdgeServer edge = EdgeServer.start(EdgeConfig.builder()
 *         .root(Path.of("site"))
 *         .trust("K2JCJMDEHXQW5F", VerificationKey.fromFile(Path.of("public_key.pem")))
 *         .build())) {
 *     String signed = signer.signUrl(edge.url() + "/video.mp4", Duration.ofMinutes(5)).url();
 *     // GET signed -> 200; without the signature -> 403 MissingKey, CloudFront's XML body
 * }
 * }</pre>
 *
 * <p>Thread-safe. Binds {@code 127.0.0.1} unless configured otherwise; {@link #close()} stops gracefully (in-flight
 * requests get up to 5 seconds), and the JVM's shutdown stops it too.
 *
 * @since 0.1
 */
public final class EdgeServer implements AutoCloseable {
    private static final long STOP_TIMEOUT_MS = 5_000;
    /**
     * The listen backlog. 0 would mean the JDK's 50, and a burst of connects (hundreds of clients at once, or one
     * opening many idle sockets) would then see dropped SYNs and 1 s retransmits; the kernel caps it at somaxconn.
     */
    static final int ACCEPT_QUEUE = 1024;

    private final Server server;
    private final SignedAccessHandler access;
    private final EdgeConfig config;
    private final int port;
    private final HeaderTimeout headerTimeout;

    /** The server's buffer pool (for tests). */
    ByteBufferPool bufferPool() {
        return server.getByteBufferPool();
    }

    /** The connector's HTTP/1.1 factory (for tests). */
    HttpConnectionFactory connectionFactory() {
        return server.getConnectors()[0].getConnectionFactory(HttpConnectionFactory.class);
    }

    private EdgeServer(Server server, ServerConnector connector, SignedAccessHandler access, EdgeConfig config,
            HeaderTimeout headerTimeout) {
        this.server = server;
        this.headerTimeout = headerTimeout;
        this.port = connector.getLocalPort();
        this.access = access;
        this.config = config;
    }

    /**
     * Starts an edge server and returns once it accepts connections.
     *
     * @throws IOException when the port cannot be bound or the origin folder cannot be read
     */
    public static EdgeServer start(EdgeConfig config) throws IOException {
        Objects.requireNonNull(config, "config");
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("cfsign-edge");
        Server server = new Server(threads, null, byteBufferPool());
        ServerConnector connector = new ServerConnector(server, httpConnectionFactory());
        connector.setHost(config.host());
        connector.setPort(config.port());
        // Jetty 12 parks idle connections in its selector without a thread, so idle sockets cost a file descriptor and
        // a little heap, not a worker; these bound how long they may do even that.
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        HeaderTimeout headerTimeout = new HeaderTimeout(connector.getScheduler(), config.headerTimeout());
        connector.addEventListener(headerTimeout);
        server.addConnector(connector);
        SignedAccessHandler access = install(server, config);
        server.setStopTimeout(STOP_TIMEOUT_MS);
        server.setStopAtShutdown(true);
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException("The edge server did not start: " + e.getMessage(), e);
        }
        return new EdgeServer(server, connector, access, config, headerTimeout);
    }

    /**
     * The edge's buffers are never pooled. Under the hostile mix (edge-hostile, and the parser-level 400s of
     * {@code HostileLoadIT}), Jetty 12.1.14 with its default pooled buffers returned a buffer to the pool while a
     * connection still used it, so another connection wrote or parsed through it: about one answer in 100,000
     * was a 400 to a valid request, a response cut short (the client saw a reset and lost its answer) or, on
     * the server, {@code IllegalArgumentException: newPosition > limit} while writing a 403's headers. Every
     * run with the mix's Jetty-level 400s (backslash, NUL, bad URI) showed it; without them, or without pooling,
     * none did. Without a pool, a buffer released too early is garbage, never someone else's buffer.
     */
    static ByteBufferPool byteBufferPool() {
        return new ByteBufferPool.NonPooling();
    }

    /**
     * HTTP/1.1 with {@link #httpConfiguration()}; heap buffers, since unpooled direct buffers are costly to allocate
     * and are only freed by the garbage collector.
     */
    static HttpConnectionFactory httpConnectionFactory() {
        HttpConnectionFactory http = new HttpConnectionFactory(httpConfiguration());
        http.setUseInputDirectByteBuffers(false);
        http.setUseOutputDirectByteBuffers(false);
        return http;
    }

    /** CloudFront's request limits: 20,480 bytes of request line plus headers; no server banner. */
    static HttpConfiguration httpConfiguration() {
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(CloudFrontLimits.MAX_REQUEST_HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setSendDateHeader(true);
        return http;
    }

    /** Puts the edge's handlers, error pages and access log on {@code server}; returns the signature handler. */
    static SignedAccessHandler install(Server server, EdgeConfig config) {
        Handler origin = config.root().isPresent()
                ? new FileOriginHandler(config.root().get(), config.streaming().hideMissingObjects())
                : new ProxyOriginHandler(config.origin().orElseThrow());
        if (config.streaming().signManifests()) {
            origin = new ManifestSigningHandler(origin);
        }
        SignedAccessHandler access = new SignedAccessHandler(config, origin);
        Handler front = new RequestTargetHandler(access);
        if (config.streaming().corsOrigin().isPresent()) {
            // Preflights carry no credentials and name no object: answered before the path or signature is read.
            front = new CorsHandler(config.streaming().corsOrigin().get(), front);
        }
        server.setHandler(new UrlLimitHandler(new HealthHandler(front)));
        server.setErrorHandler(new EdgeErrorHandler());
        server.setRequestLog(new AccessLog(config.accessLog()));
        return access;
    }

    /** The bound port (the real one when the configuration asked for 0); still known after {@link #close()}. */
    public int port() {
        return port;
    }

    /** {@code http://host:port} without a trailing slash; a wildcard bind address is shown as 127.0.0.1. */
    public URI url() {
        String host = config.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }

    public EdgeConfig config() {
        return config;
    }

    /**
     * What this edge serves, for a launcher to print: the URL alone on the first line, then the trusted keys, the
     * crypto provider, the origin, the behaviors and (when set) the public URL requests are verified as.
     */
    public List<String> banner() {
        List<String> lines = new ArrayList<>();
        lines.add(url().toString());
        StringJoiner keys = new StringJoiner(", ");
        config.trustedKeys().asMap().forEach((id, key) -> keys.add(id + " (" + key.keyType().displayName() + ")"));
        lines.add("trusted keys: " + (config.trustedKeys().size() == 0 ? "none" : keys));
        lines.add("crypto provider: " + CryptoProviders.describePreferred());
        lines.add("origin: " + config.root().map(p -> "folder " + p.toAbsolutePath())
                .orElseGet(() -> "proxy " + config.origin().orElseThrow()));
        StringJoiner b = new StringJoiner(", ");
        config.behaviors().forEach(x -> b.add(x.toString()));
        b.add((config.defaultRequiresSignature() ? "signed" : "public") + " * (default)");
        lines.add("behaviors: " + b);
        config.publicUrl().ifPresent(u -> lines.add("verifying as: " + u));
        return List.copyOf(lines);
    }

    /** Signature verifications performed so far (protected requests not answered from the verification cache). */
    public long signatureVerifications() {
        return access.verifications();
    }

    /** Protected requests answered from the verification cache so far. */
    public long verificationCacheHits() {
        return access.cacheHits();
    }

    /** Connections closed so far because they did not finish a request head within the header timeout. */
    public long headerTimeouts() {
        return headerTimeout.closedConnections();
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    /** Stops gracefully; idempotent. */
    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping is best effort: the port is released either way.
        }
    }

    @Override
    public String toString() {
        return "EdgeServer[" + (server.isRunning() ? url() : "stopped") + ", " + config + "]";
    }
}
