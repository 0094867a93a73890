package dev.cfsign.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfsign.CloudFrontLimits;
import dev.cfsign.CloudFrontSigner;
import dev.cfsign.SigningException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The URL limit counts the same bytes in the signer and the edge: what one makes at the limit, the other serves. */
class UrlLimitTest {
    @TempDir
    Path root;

    @Test
    void signedUrlAtTheLimit_served_oneByteMore_refusedByBoth() throws Exception {
        Files.writeString(root.resolve("a.txt"), "A");
        CloudFrontSigner signer = TestKeys.rsaSigner(Clock.systemUTC());
        Instant expires = Instant.now().plusSeconds(3600);
        String prefix = TestKeys.BASE + "/a.txt?q=";
        int added = signer.signUrl(prefix, expires).url().length() - prefix.length();
        String fill = "x".repeat(CloudFrontLimits.MAX_URL_BYTES - "/a.txt?q=".length() - added);
        String atLimit = signer.signUrl(prefix + fill, expires).url();
        String target = atLimit.substring(TestKeys.BASE.length());
        assertThat(target.length()).isEqualTo(CloudFrontLimits.MAX_URL_BYTES);
        assertThatThrownBy(() -> signer.signUrl(prefix + fill + "x", expires)).isInstanceOf(SigningException.class);

        try (LocalEdge edge = new LocalEdge(EdgeConfig.builder().root(root).trust(TestKeys.RSA_ID,
                TestKeys.rsaPublic()))) {
            HttpTester.Response served = edge.get(target);
            assertThat(served.getStatus()).isEqualTo(200);
            assertThat(served.getContent()).isEqualTo("A");
            HttpTester.Response over = edge.get(target + "x");
            assertThat(over.getStatus()).isEqualTo(CloudFrontLimits.URL_TOO_LONG_STATUS);
            assertThat(over.getContent()).doesNotContain("A\n").contains("8192 bytes of path and query");
        }
    }

    @Test
    void health_answersOutsideEveryBehavior() throws Exception {
        try (LocalEdge edge = new LocalEdge(EdgeConfig.builder().root(root).trust(TestKeys.RSA_ID,
                TestKeys.rsaPublic()))) {
            HttpTester.Response r = edge.get(HealthHandler.HEALTH_PATH);
            assertThat(r.getStatus()).isEqualTo(200);
            assertThat(r.getContent()).isEqualTo("ok\n");
            assertThat(edge.get("/a.txt").getStatus()).isEqualTo(403);
        }
    }
}
