package dev.cfsign.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cfsign.CloudFrontError;
import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CustomPolicy;
import dev.cfsign.SignedCookies;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The edge in front of a small HTTP origin (the JDK's HttpServer) on real ports. */
class ProxyOriginIT {
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final byte[] VIDEO = new byte[3 * 1024 * 1024 + 17];
    static final AtomicInteger originCalls = new AtomicInteger();
    static final AtomicReference<HttpExchange> last = new AtomicReference<>();
    static final AtomicReference<String> lastQuery = new AtomicReference<>();
    static final AtomicReference<String> lastCookie = new AtomicReference<>();
    static final AtomicReference<String> lastRange = new AtomicReference<>();
    static final AtomicReference<String> lastBody = new AtomicReference<>();

    static HttpServer origin;
    static EdgeServer edge;
    static CloudFrontSigner signer = TestKeys.rsaSigner(Clock.systemUTC());

    @BeforeAll
    static void start() throws Exception {
        for (int i = 0; i < VIDEO.length; i++) {
            VIDEO[i] = (byte) (i * 13 + i / 1000);
        }
        origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin.createContext("/", ProxyOriginIT::serve);
        origin.start();
        edge = EdgeServer.start(EdgeConfig.builder()
                .origin(URI.create("http://127.0.0.1:" + origin.getAddress().getPort() + "/app/"))
                .trust(TestKeys.RSA_ID, TestKeys.rsaPublic()).protect("/private/*").build());
    }

    @AfterAll
    static void stop() {
        edge.close();
        origin.stop(0);
    }

    static void serve(HttpExchange x) throws IOException {
        originCalls.incrementAndGet();
        last.set(x);
        lastQuery.set(x.getRequestURI().getRawQuery());
        lastCookie.set(x.getRequestHeaders().getFirst("Cookie"));
        lastRange.set(x.getRequestHeaders().getFirst("Range"));
        lastBody.set(new String(x.getRequestBody().readAllBytes()));
        String path = x.getRequestURI().getRawPath();
        if (path.equals("/app/private/video.mp4")) {
            x.getResponseHeaders().add("Content-Type", "video/mp4");
            x.getResponseHeaders().add("ETag", "\"v1\"");
            x.getResponseHeaders().add("Accept-Ranges", "bytes");
            String range = x.getRequestHeaders().getFirst("Range");
            if ("\"v1\"".equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
                x.sendResponseHeaders(304, -1);
                x.close();
                return;
            }
            byte[] body = VIDEO;
            int status = 200;
            if (range != null && range.startsWith("bytes=")) {
                String[] se = range.substring(6).split("-");
                int s = Integer.parseInt(se[0]);
                int e = Integer.parseInt(se[1]);
                body = Arrays.copyOfRange(VIDEO, s, e + 1);
                status = 206;
                x.getResponseHeaders().add("Content-Range", "bytes " + s + "-" + e + "/" + VIDEO.length);
            }
            if (x.getRequestMethod().equals("HEAD")) {
                x.getResponseHeaders().add("Content-Length", String.valueOf(body.length));
                x.sendResponseHeaders(status, -1);
                x.close();
                return;
            }
            x.sendResponseHeaders(status, 0); // chunked: the edge must stream it
            try (OutputStream out = x.getResponseBody()) {
                for (int off = 0; off < body.length; off += 65536) {
                    out.write(body, off, Math.min(65536, body.length - off));
                }
            }
            return;
        }
        if (path.equals("/app/public/moved")) {
            x.getResponseHeaders().add("Location", "/elsewhere");
            x.sendResponseHeaders(302, -1);
            x.close();
            return;
        }
        if (path.equals("/app/public/echo")) {
            byte[] b = ("echo:" + lastBody.get()).getBytes();
            x.getResponseHeaders().add("X-Origin", "yes");
            x.sendResponseHeaders(201, b.length);
            x.getResponseBody().write(b);
            x.close();
            return;
        }
        x.sendResponseHeaders(404, -1);
        x.close();
    }

    static String edgeUrl(String path) {
        return edge.url() + path;
    }

    static String signed(String path) {
        return signer.signUrl(edgeUrl(path), Duration.ofMinutes(5)).url();
    }

    static HttpResponse<byte[]> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void signedGet_streamsWholeBody_originSeesNoCredentials() throws Exception {
        String url = signer.signUrl(edgeUrl("/private/video.mp4?quality=hd&lang=en"), Duration.ofMinutes(5)).url();
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(url)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(MessageDigest.isEqual(r.body(), VIDEO)).isTrue();
        assertThat(r.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(lastQuery.get()).isEqualTo("quality=hd&lang=en");
        assertThat(last.get().getRequestHeaders().getFirst("X-Forwarded-For")).isEqualTo("127.0.0.1");
    }

    @Test
    void signedRange_forwardedAndRelayed206() throws Exception {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(signed("/private/video.mp4")))
                .header("Range", "bytes=1000000-1000099"));
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(lastRange.get()).isEqualTo("bytes=1000000-1000099");
        assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes 1000000-1000099/" + VIDEO.length);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(VIDEO, 1000000, 1000100));
    }

    @Test
    void conditionalRequest_relays304() throws Exception {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(signed("/private/video.mp4")))
                .header("If-None-Match", "\"v1\""));
        assertThat(r.statusCode()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void head_relaysHeadersWithoutBody() throws Exception {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(signed("/private/video.mp4")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Length")).hasValue(String.valueOf(VIDEO.length));
        assertThat(r.body()).isEmpty();
    }

    @Test
    void signedCookies_originSeesOtherCookiesOnly() throws Exception {
        SignedCookies c = signer.signCookies(CustomPolicy.builder().resource(edgeUrl("/private/*"))
                .expiresAt(java.time.Instant.now().plusSeconds(300)).build());
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(edgeUrl("/private/video.mp4")))
                .header("Cookie", "session=abc; " + c.toCookieHeader() + "; theme=dark").header("Range", "bytes=0-9"));
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(lastCookie.get()).isEqualTo("session=abc; theme=dark");
    }

    @Test
    void denied_originNeverCalled() throws Exception {
        int before = originCalls.get();
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(edgeUrl("/private/video.mp4"))));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(new String(r.body())).isEqualTo(CloudFrontError.MISSING_KEY.xmlBody());
        assertThat(originCalls.get()).isEqualTo(before);
    }

    @Test
    void publicPaths_redirectRelayedNotFollowed_bodyForwarded() throws Exception {
        HttpResponse<byte[]> moved = send(HttpRequest.newBuilder(URI.create(edgeUrl("/public/moved"))));
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(moved.headers().firstValue("Location")).hasValue("/elsewhere");
        HttpResponse<byte[]> echo = send(HttpRequest.newBuilder(URI.create(edgeUrl("/public/echo")))
                .POST(HttpRequest.BodyPublishers.ofString("payload")));
        assertThat(echo.statusCode()).isEqualTo(201);
        assertThat(new String(echo.body())).isEqualTo("echo:payload");
        assertThat(echo.headers().firstValue("X-Origin")).hasValue("yes");
    }

    @Test
    void originDown_502() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (EdgeServer down = EdgeServer.start(EdgeConfig.builder().origin(URI.create("http://127.0.0.1:" + port))
                .trust(TestKeys.RSA_ID, TestKeys.rsaPublic()).defaultRequiresSignature(false).build())) {
            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(down.url() + "/x")));
            assertThat(r.statusCode()).isEqualTo(502);
        }
    }

    @Test
    void withoutSigningParameters_keepsOrderAndEncoding() {
        assertThat(ProxyOriginHandler.withoutSigningParameters("b=2&Expires=1&a=%20&Signature=x&Key-Pair-Id=K"
                + "&Hash-Algorithm=SHA256&Policy=p")).isEqualTo("b=2&a=%20");
        assertThat(ProxyOriginHandler.withoutSigningParameters("Expires=1&Signature=x&Key-Pair-Id=K")).isNull();
        assertThat(ProxyOriginHandler.withoutCloudFrontCookies("CloudFront-Policy=x; a=1")).isEqualTo("a=1");
    }
}
