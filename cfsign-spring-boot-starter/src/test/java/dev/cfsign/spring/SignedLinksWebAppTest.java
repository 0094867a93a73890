package dev.cfsign.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.CookieAttributes;
import dev.cfsign.edge.EdgeConfig;
import dev.cfsign.edge.EdgeServer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A real Spring Boot web application on a random port whose controller hands out a signed link and signed cookies,
 * configured by nothing but {@code cfsign.*} properties; a real local edge ({@link EdgeServer}) trusting only the
 * public key judges them: 200 as issued, 403 once tampered with.
 */
@SpringBootTest(classes = SignedLinksWebAppTest.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"management.endpoints.web.exposure.include=health", "management.endpoint.health.show-details=always"})
class SignedLinksWebAppTest {
    private static final Path SITE;
    private static final EdgeServer EDGE;

    static {
        try {
            SITE = Files.createTempDirectory("cfsign-starter-site");
            Files.createDirectories(SITE.resolve("private"));
            Files.writeString(SITE.resolve("report.pdf"), "%PDF-1.7 report");
            Files.writeString(SITE.resolve("private/a.txt"), "cookie-protected a");
            EDGE = EdgeServer.start(EdgeConfig.builder().root(SITE).trust(TestKeys.ID, TestKeys.publicKey()).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void cfsign(DynamicPropertyRegistry registry) {
        registry.add("cfsign.key-pair-id", () -> TestKeys.ID);
        registry.add("cfsign.private-key", TestKeys::privatePem);
        registry.add("cfsign.domain", () -> EDGE.url().toString());
        registry.add("cfsign.default-expiry", () -> "10m");
    }

    @AfterAll
    static void stopEdge() {
        EDGE.close();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @RestController
    static class App {
        private final CloudFrontLinks links;

        App(CloudFrontLinks links) {
            this.links = links;
        }

        @GetMapping("/link")
        String link(@RequestParam("key") String key) {
            return links.signObject(key).url();
        }

        @GetMapping("/cookies")
        String cookies(HttpServletResponse response) {
            // The edge here is plain HTTP; on a real site keep the Secure default.
            ServletCookies.addTo(response, links.signCookies(links.signer().baseUrl().orElseThrow() + "/private/*"),
                    CookieAttributes.builder().secure(false).build());
            return "ok";
        }
    }

    private HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), BodyHandlers.ofString());
    }

    private String app(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void signedLinkIsServedByTheEdgeAndTamperedOneDenied() throws Exception {
        String link = get(app("/link?key=report.pdf")).body();
        assertThat(link).startsWith(EDGE.url() + "/report.pdf?Expires=");

        HttpResponse<String> ok = get(link);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("%PDF-1.7 report");

        String otherObject = link.replace("/report.pdf?", "/private/a.txt?");
        assertThat(get(otherObject).statusCode()).isEqualTo(403);
        String longer = link.replaceFirst("Expires=(\\d+)", "Expires=$19");
        assertThat(get(longer).statusCode()).isEqualTo(403);
        assertThat(get(link.substring(0, link.indexOf('?'))).statusCode()).isEqualTo(403);
    }

    @Test
    void signedCookiesOpenTheFolderAndTamperedOnesDoNot() throws Exception {
        HttpResponse<String> issued = get(app("/cookies"));
        List<String> setCookies = issued.headers().allValues("Set-Cookie");
        assertThat(setCookies).hasSize(3).allSatisfy(c -> assertThat(c).contains("; Path=/", "; HttpOnly"));
        String cookie = setCookies.stream().map(c -> c.substring(0, c.indexOf(';'))).collect(Collectors.joining("; "));

        HttpResponse<String> ok = get(EDGE.url() + "/private/a.txt", "Cookie", cookie);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("cookie-protected a");
        assertThat(get(EDGE.url() + "/report.pdf", "Cookie", cookie).statusCode()).as("outside the policy").isEqualTo(403);

        String tampered = cookie.replaceFirst("CloudFront-Signature=(.)", "CloudFront-Signature=$1$1");
        assertThat(get(EDGE.url() + "/private/a.txt", "Cookie", tampered).statusCode()).isEqualTo(403);
        assertThat(get(EDGE.url() + "/private/a.txt").statusCode()).isEqualTo(403);
    }

    @Test
    void actuatorReportsTheKey() throws Exception {
        HttpResponse<String> health = get(app("/actuator/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"cfsign\"", "\"keyPairId\":\"" + TestKeys.ID + "\"", "\"publicKeyMatches\":true")
                .doesNotContain(TestKeys.secretBody());
    }
}
