package dev.cfsign.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfsign.ConfigurationException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The config file format, the seed environment, the banner and the demo (the flags are the CLI's ServeCommandTest). */
class EdgeConfigFileTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void demo_exitsZero_printsAnswers_redactsSignatures() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        long t = System.nanoTime();
        boolean ok = Demo.run(new PrintStream(buf, true, StandardCharsets.UTF_8), false);
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(ok).as(out).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(15));
        assertThat(out).contains("-> 200 OK  Hello from the cfsign edge!", "-> 403 AccessDenied (BAD_SIGNATURE)",
                "-> 403 AccessDenied (EXPIRED)", "-> 403 MissingKey", "-> 200 OK  (pretend this is a video)",
                "curl -i 'http://127.0.0.1:", "All answers were CloudFront's.");
        for (String line : out.split("\n")) {
            if (line.strip().startsWith("GET ") || line.strip().startsWith("Cookie:")) {
                assertThat(line).doesNotContainPattern("Signature=[^&;…]{9}");
            }
        }
    }

    @Test
    void banner_urlFirst_thenKeysAndProvider_andServes() throws Exception {
        Path root = Files.createDirectories(dir.resolve("site"));
        Files.writeString(root.resolve("a.txt"), "A");
        Path pub = dir.resolve("public_key.pem");
        Files.writeString(pub, TestKeys.rsaPublic().toPem());
        Path file = dir.resolve("edge.conf");
        Files.writeString(file, "root = site\ntrust." + TestKeys.RSA_ID + " = public_key.pem\nprotect = /private/*\n"
                + "explain = yes\n");
        try (EdgeServer edge = EdgeServer.start(EdgeConfig.builder().configFile(file).build())) {
            List<String> lines = edge.banner();
            assertThat(lines.get(0)).isEqualTo(edge.url().toString());
            assertThat(lines.get(1)).isEqualTo("trusted keys: " + TestKeys.RSA_ID + " (RSA-2048)");
            assertThat(lines.get(2)).startsWith("crypto provider: ");
            assertThat(edge.config().explain()).isTrue();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(edge.url()
                    + "/a.txt")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).isEqualTo("A");
        }
    }

    @Test
    void configFile_everyKey_thenSetters() throws Exception {
        Files.createDirectories(dir.resolve("site"));
        Files.writeString(dir.resolve("public_key.pem"), TestKeys.ecPublic().toPem());
        Path file = dir.resolve("edge.conf");
        Files.writeString(file, String.join("\n",
                "# a comment",
                "root = ./site",
                "trust." + TestKeys.EC_ID + " = public_key.pem",
                "public = /assets/*",
                "protect = /private/*, *.mp4",
                "public-url = https://d111111abcdef8.cloudfront.net/",
                "clock-skew = 30s",
                "port = 9999",
                "verification-cache-size = 50"));
        EdgeConfig c = EdgeConfig.builder().configFile(file).port(0).build();
        assertThat(c.root()).contains(dir.resolve("site").toAbsolutePath());
        assertThat(c.trustedKeys().keyPairIds()).containsExactly(TestKeys.EC_ID);
        assertThat(c.behaviors()).extracting(Object::toString)
                .containsExactly("public /assets/*", "signed /private/*", "signed *.mp4");
        assertThat(c.defaultRequiresSignature()).isFalse();
        assertThat(c.publicUrl()).contains(URI.create("https://d111111abcdef8.cloudfront.net"));
        assertThat(c.clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.port()).isZero();
        assertThat(c.verificationCacheSize()).isEqualTo(50);
        assertThat(c.behaviorFor("/assets/x.mp4").requiresSignature()).isFalse();
        assertThat(c.behaviorFor("/v/x.mp4").requiresSignature()).isTrue();
        assertThat(c.behaviorFor("/index.html").requiresSignature()).isFalse();
    }

    @Test
    void configFile_timeouts_oneDurationGrammar() throws Exception {
        Files.writeString(dir.resolve("public_key.pem"), TestKeys.ecPublic().toPem());
        EdgeConfig.Builder base = EdgeConfig.builder().root(dir).trust(TestKeys.EC_ID, dir.resolve("public_key.pem"));
        EdgeConfig defaults = base.build();
        assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.headerTimeout()).isEqualTo(Duration.ofSeconds(10));

        Path file = dir.resolve("edge.conf");
        Files.writeString(file, "idle-timeout = 1h\nheader-timeout = 500ms\nclock-skew = 1m30s\n");
        EdgeConfig fromFile = base.configFile(file).build();
        assertThat(fromFile.idleTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(fromFile.headerTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(fromFile.clockSkew()).isEqualTo(Duration.ofSeconds(90));

        Files.writeString(file, "# bare numbers are ambiguous\nidle-timeout = 30\n");
        assertThatThrownBy(() -> EdgeConfig.builder().configFile(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("edge.conf line 2 (idle-timeout)").hasMessageContaining("30s");
    }

    @Test
    void configFile_streamingKeys() throws Exception {
        Path file = dir.resolve("edge.conf");
        assertThat(EdgeConfig.builder().root(dir).defaultRequiresSignature(false).build().streaming())
                .isEqualTo(StreamingOptions.DEFAULTS);
        Files.writeString(file, "root = .\ndefault = public\nsign-manifests = yes\ncors = https://player.example.com\n"
                + "hide-missing-objects = true\n");
        EdgeConfig c = EdgeConfig.builder().configFile(file).build();
        assertThat(c.streaming()).isEqualTo(new StreamingOptions(true, Optional.of("https://player.example.com"), true));

        Files.writeString(file, "root = .\ncors = https://player.example.com/page\n");
        assertThatThrownBy(() -> EdgeConfig.builder().configFile(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("edge.conf line 2 (cors)").hasMessageContaining("scheme://host[:port]");
        Files.writeString(file, "sign-manifests = maybe\n");
        assertThatThrownBy(() -> EdgeConfig.builder().configFile(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1 (sign-manifests)").hasMessageContaining("true or false");
    }

    @Test
    void timeouts_outOfRange_refusedWithTheRule() {
        EdgeConfig.Builder b = EdgeConfig.builder();
        for (Duration bad : List.of(Duration.ZERO, Duration.ofMillis(-5), Duration.ofNanos(999_999), Duration.ofHours(2))) {
            assertThatThrownBy(() -> b.idleTimeout(bad)).as(bad.toString())
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("The idle timeout must be between 1 ms and 1 hour");
            assertThatThrownBy(() -> b.headerTimeout(bad)).as(bad.toString())
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("The header timeout must be between 1 ms and 1 hour");
        }
        Path file = dir.resolve("edge.conf");
        assertThatThrownBy(() -> EdgeConfig.builder().configFile(Files.writeString(file, "idle-timeout = soon\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a duration");
    }

    @Test
    void trustFromEnvironment_seedEnvironment_quotedValuesReadLikeTheSigner() throws Exception {
        EdgeConfig.Builder b = EdgeConfig.builder().root(dir);
        assertThat(b.trustFromEnvironment(Map.of(
                "AWS_CLOUDFRONT_KEY_ID", "\"" + TestKeys.RSA_ID + "\"",
                "AWS_CLOUDFRONT_PUBLIC_KEY", TestKeys.rsaPublic().toPem().replace("\n", "\\n"),
                "AWS_CLOUDFRONT_DOMAIN", " 'd111111abcdef8.cloudfront.net' "))).isTrue();
        EdgeConfig c = b.build();
        assertThat(c.trustedKeys().keyPairIds()).containsExactly(TestKeys.RSA_ID);
        assertThat(c.defaultRequiresSignature()).isTrue();
        assertThat(c.publicUrl()).contains(URI.create("https://d111111abcdef8.cloudfront.net"));
    }

    @Test
    void trustFromEnvironment_distributionIdAsDomain_refusedNamingTheVariable() {
        EdgeConfig.Builder b = EdgeConfig.builder().root(dir);
        assertThatThrownBy(() -> b.trustFromEnvironment(Map.of(
                "AWS_CLOUDFRONT_KEY_ID", TestKeys.RSA_ID,
                "AWS_CLOUDFRONT_PUBLIC_KEY", TestKeys.rsaPublic().toPem(),
                "AWS_CLOUDFRONT_DOMAIN", "E2QWRUHAPOMQZL"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("AWS_CLOUDFRONT_DOMAIN").hasMessageContaining("distribution ID");
        assertThat(b.hasTrustedKeys()).isFalse();
        assertThat(b.trustFromEnvironment(Map.of("HOME", "/root"))).isFalse();
    }
}
