package dev.cfsign.edge;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.sun.net.httpserver.HttpServer;
import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CustomPolicy;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * Issue #12's decision, fuzzed: which bytes would be served for this raw request, and is it authorized. The fuzzed
 * bytes are a request target; it goes through the real edge handlers ({@link EdgeServer#install}, Jetty's parser and
 * URI compliance on a {@link LocalConnector}) with {@code protect /private/*}, without credentials, with a URL grant
 * and with signed cookies granting only {@code /public/*}, to a folder origin (with the links of
 * {@link EscapeCorpus#site}) and to a proxy in front of a lax origin that resolves dot segments, {@code ;params},
 * backslashes, {@code //} and double encoding itself. Two oracles, neither of them the edge's own reading:
 * <ol>
 *   <li>where the origin is reached (so the request was authorized), the bytes it would send — the real path of the
 *       folder's file, or the file the lax origin resolves the forwarded path to — are not below {@code private/};</li>
 *   <li>no answer carries {@link EscapeCorpus#MARKER}, and none is a 500.</li>
 * </ol>
 * Seeds: {@link EscapeCorpus#TARGETS}, as files under {@code EscapeFuzzTestInputs/rawRequests}.
 */
class EscapeFuzzTest {
    /** What the oracle between signature check and origin saw wrong in the current request, reported by send. */
    private static final AtomicReference<String> VIOLATION = new AtomicReference<>();

    private static final class Fixture {
        static final Fixture INSTANCE = new Fixture();

        final Path base;
        final Path privateReal;
        final Path originPrivate;
        final LocalConnector folder;
        final LocalConnector proxy;
        final String grantQuery;
        final String grantCookies;

        private Fixture() {
            try {
                base = Files.createTempDirectory("cfsign-escape-fuzz").toRealPath();
                Path root = EscapeCorpus.site(base);
                privateReal = root.resolve("private").toRealPath();
                Path originRoot = EscapeCorpus.files(base.resolve("origin"));
                originPrivate = originRoot.resolve("private");
                HttpServer lax = EscapeCorpus.laxOrigin(originRoot);
                folder = edge(EdgeConfig.builder().trust(TestKeys.RSA_ID, TestKeys.rsaPublic()).protect("/private/*")
                        .root(root), false);
                proxy = edge(EdgeConfig.builder().trust(TestKeys.RSA_ID, TestKeys.rsaPublic()).protect("/private/*")
                        .origin(URI.create("http://127.0.0.1:" + lax.getAddress().getPort())), true);
                CloudFrontSigner signer = TestKeys.rsaSigner(Clock.systemUTC());
                CustomPolicy publicOnly = CustomPolicy.builder().resource(TestKeys.BASE + "/public/*")
                        .expiresAt(Instant.now().plusSeconds(24 * 3600)).build();
                String url = signer.signUrl(TestKeys.BASE + "/public/x", publicOnly).url();
                grantQuery = url.substring(url.indexOf('?') + 1);
                grantCookies = "Cookie: " + signer.signCookies(publicOnly).toCookieHeader();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    lax.stop(0);
                    PathNormalisationFuzzTest.delete(base);
                }));
            } catch (Exception e) {
                throw new IllegalStateException("cannot build the escape fixture", e);
            }
        }

        /** The edge's own handler tree, with the oracle between the signature check and the origin. */
        private static LocalConnector edge(EdgeConfig.Builder config, boolean proxy) throws Exception {
            Server server = new Server();
            LocalConnector connector = new LocalConnector(server, new HttpConnectionFactory(EdgeServer.httpConfiguration()));
            server.addConnector(connector);
            SignedAccessHandler access = EdgeServer.install(server, config.build());
            access.setHandler(new Authorized(access.getHandler(), proxy));
            server.start();
            return connector;
        }
    }

    /** Reached only by authorized requests: the bytes about to be sent must not be protected ones. */
    private static final class Authorized extends Handler.Wrapper {
        private final boolean proxy;

        Authorized(Handler origin, boolean proxy) {
            super(origin);
            this.proxy = proxy;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            Fixture f = Fixture.INSTANCE;
            RequestTarget target = (RequestTarget) request.getAttribute(RequestTarget.ATTRIBUTE);
            if (target == null) {
                VIOLATION.set("the origin was reached without a target");
            } else if (!proxy && target.file() != null && target.file().toRealPath().startsWith(f.privateReal)) {
                VIOLATION.set("authorized protected bytes: " + target.file());
            } else if (proxy) {
                Path sent = EscapeCorpus.laxResolve(f.originPrivate.getParent(), target.served().encoded());
                if (sent != null && sent.startsWith(f.originPrivate)) {
                    VIOLATION.set("forwarded " + target.served().encoded() + ", which the origin resolves to " + sent);
                }
            }
            return super.handle(request, response, callback);
        }
    }

    @FuzzTest(maxDuration = "30s") // the default when run alone; FuzzBudget sets the budget in mvn verify
    void rawRequests(byte[] raw) throws Exception {
        if (raw.length == 0 || PathNormalisationFuzzTest.containsAny(raw, (byte) ' ', (byte) '\r', (byte) '\n')) {
            return; // bytes that split the request line are the parser's business, not the path's
        }
        Fixture f = Fixture.INSTANCE;
        String target = new String(raw, StandardCharsets.ISO_8859_1);
        String withGrant = target + (target.indexOf('?') >= 0 ? "&" : "?") + f.grantQuery;
        send(f.folder, raw, null);
        send(f.folder, withGrant.getBytes(StandardCharsets.ISO_8859_1), null);
        send(f.folder, raw, f.grantCookies);
        send(f.proxy, raw, null);
        send(f.proxy, withGrant.getBytes(StandardCharsets.ISO_8859_1), null);
    }

    private static void send(LocalConnector connector, byte[] target, String header) throws Exception {
        String head = " HTTP/1.1\r\nHost: " + TestKeys.HOST + "\r\n" + (header == null ? "" : header + "\r\n")
                + "Connection: close\r\n\r\n";
        ByteBuffer request = ByteBuffer.allocate(target.length + head.length() + 8);
        request.put("GET ".getBytes(StandardCharsets.US_ASCII)).put(target)
                .put(head.getBytes(StandardCharsets.US_ASCII)).flip();
        VIOLATION.set(null);
        HttpTester.Response r = HttpTester.parseResponse(connector.getResponse(request));
        String violation = VIOLATION.get();
        PathNormalisationFuzzTest.check(violation == null, violation + " for "
                + new String(target, StandardCharsets.ISO_8859_1));
        PathNormalisationFuzzTest.check(r != null, "no response");
        PathNormalisationFuzzTest.check(r.getStatus() != 500, "500 for " + new String(target, StandardCharsets.ISO_8859_1));
        String body = r.getContent();
        PathNormalisationFuzzTest.check(body == null || !body.contains(EscapeCorpus.MARKER),
                "protected bytes served (" + r.getStatus() + ") for " + new String(target, StandardCharsets.ISO_8859_1));
    }
}
