package dev.cfsign.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embeddable server on a real socket: lifecycle, limits, health, the access log. */
class EdgeServerIT {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path root;

    EdgeConfig.Builder config(List<String> log) throws IOException {
        Files.writeString(root.resolve("a.txt"), "hello");
        return EdgeConfig.builder().root(root).trust(TestKeys.RSA_ID, TestKeys.rsaPublic()).accessLog(log::add);
    }

    static HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void start_bindsLoopbackOnAFreePort_andCloses() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        EdgeServer edge = EdgeServer.start(config(log).build());
        try (edge) {
            assertThat(edge.port()).isPositive();
            assertThat(edge.url().toString()).isEqualTo("http://127.0.0.1:" + edge.port());
            HttpResponse<String> health = get(edge.url() + "/__cfsign/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("ok\n");
            assertThat(edge.isRunning()).isTrue();
        }
        assertThat(edge.isRunning()).isFalse();
        assertThatThrownBy(() -> get(edge.url() + "/__cfsign/health")).isInstanceOf(IOException.class);
    }

    @Test
    void start_portInUse_ioException() throws Exception {
        try (EdgeServer first = EdgeServer.start(config(new CopyOnWriteArrayList<>()).build())) {
            assertThatThrownBy(() -> EdgeServer.start(config(new CopyOnWriteArrayList<>()).port(first.port()).build()))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void signedAndUnsigned_overRealSocket_andLogged() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (EdgeServer edge = EdgeServer.start(config(log).build())) {
            String url = TestKeys.rsaSigner(Clock.systemUTC()).signUrl(edge.url() + "/a.txt", Duration.ofMinutes(1)).url();
            assertThat(get(url).body()).isEqualTo("hello");
            HttpResponse<String> denied = get(edge.url() + "/a.txt");
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.headers().firstValue("Content-Type")).hasValue("text/xml");
            assertThat(denied.headers().firstValue("X-Cache")).hasValue("Error from cloudfront");
            Await.until(() -> log.size() >= 2, Duration.ofSeconds(5));
            assertThat(log).hasSize(2);
            assertThat(log.get(0)).contains(" 127.0.0.1 GET /a.txt?Expires=").contains("Signature=REDACTED")
                    .contains(" 200 5 ").contains(" ALLOW - " + TestKeys.RSA_ID + " url");
            assertThat(log.get(1)).contains(" GET /a.txt 403 ").endsWith(" DENY NO_CREDENTIALS - -");
            String signature = SignedAccessHandlerTest.param(url, "Signature");
            assertThat(String.join("\n", log)).doesNotContain(signature);
        }
    }

    @Test
    void limits_414And494_overRealSocket() throws Exception {
        try (EdgeServer edge = EdgeServer.start(config(new CopyOnWriteArrayList<>()).build())) {
            assertThat(get(edge.url() + "/a.txt?q=" + "x".repeat(8200)).statusCode()).isEqualTo(414);
            assertThat(get(edge.url() + "/a.txt?q=" + "x".repeat(30000)).statusCode()).isEqualTo(414);
            assertThat(get(edge.url() + "/a.txt", "X-Big", "y".repeat(21000)).statusCode()).isEqualTo(494);
            assertThat(get(edge.url() + "/__cfsign/health").statusCode()).isEqualTo(200);
        }
    }
}
