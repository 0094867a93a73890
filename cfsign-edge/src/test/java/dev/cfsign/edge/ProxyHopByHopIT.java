package dev.cfsign.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Headers named in {@code Connection} are hop-by-hop (RFC 9110 §7.6.1): the proxy neither forwards nor relays them. */
class ProxyHopByHopIT {
    static final AtomicReference<Headers> seen = new AtomicReference<>();
    static HttpServer origin;
    static EdgeServer edge;

    @BeforeAll
    static void start() throws Exception {
        origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin.createContext("/", x -> {
            seen.set(x.getRequestHeaders());
            x.getResponseHeaders().add("Connection", "X-Origin-Hop");
            x.getResponseHeaders().add("X-Origin-Hop", "origin-private");
            x.getResponseHeaders().add("X-Origin-Kept", "yes");
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        origin.start();
        edge = EdgeServer.start(EdgeConfig.builder().origin(URI.create("http://127.0.0.1:" + origin.getAddress().getPort()))
                .trust(TestKeys.RSA_ID, TestKeys.rsaPublic()).protect("/private/*").build());
    }

    @AfterAll
    static void stop() {
        edge.close();
        origin.stop(0);
    }

    @Test
    void requestHeadersNamedInConnection_notForwarded() throws Exception {
        String answer = EscapeCorpusIT.send(edge, "GET", "/public/a", "Connection: X-Viewer-Hop, keep-alive\r\n"
                + "X-Viewer-Hop: viewer-private\r\nX-Viewer-Kept: yes");
        assertThat(EscapeCorpusIT.status(answer)).isEqualTo(200);
        assertThat(seen.get().containsKey("X-Viewer-Hop")).isFalse();
        assertThat(seen.get().getFirst("X-Viewer-Kept")).isEqualTo("yes");
    }

    @Test
    void responseHeadersNamedInConnection_notRelayed() throws Exception {
        String answer = EscapeCorpusIT.send(edge, "GET", "/public/a", null);
        assertThat(answer).containsIgnoringCase("X-Origin-Kept: yes").doesNotContainIgnoringCase("origin-private");
    }

    @Test
    void hopByHop_fixedSetPlusNamedTokens_caseFolded() {
        assertThat(ProxyOriginHandler.hopByHop(List.of())).contains("connection", "keep-alive", "upgrade", "te");
        assertThat(ProxyOriginHandler.hopByHop(List.of("close, X-A", " x-b ,KEEP-ALIVE")))
                .contains("x-a", "x-b", "keep-alive", "close", "transfer-encoding");
    }
}
