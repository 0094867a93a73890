package dev.cfsign.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.keys.KeyType;
import dev.cfsign.keys.SigningKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Embedding it (JUnit)" example, compiled and run as written. */
class ReadmeExampleTest {
    @Test
    void signedLinksWork(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("report.pdf"), "%PDF…");
        SigningKey key = SigningKey.generate(KeyType.EC_P256);
        try (EdgeServer edge = EdgeServer.start(EdgeConfig.builder()
                .root(site)                                              // or .origin(URI.create("http://localhost:3000"))
                .trust("K2JCJMDEHXQW5F", key.verificationKey().orElseThrow())
                .build())) {                                             // port 0: any free port
            CloudFrontSigner signer = CloudFrontSigner.builder().keyPairId("K2JCJMDEHXQW5F").signingKey(key).build();
            String url = signer.signUrl(edge.url() + "/report.pdf", Duration.ofMinutes(5)).url();
            HttpClient http = HttpClient.newHttpClient();
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString()).statusCode());
            assertEquals(403, http.send(HttpRequest.newBuilder(URI.create(edge.url() + "/report.pdf")).build(),
                    BodyHandlers.ofString()).statusCode());             // <Code>MissingKey</Code>
        }
    }
}
