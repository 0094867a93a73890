package dev.cfsign.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The launcher: demo, serve flags, config file, seed environment, usage errors. */
class EdgeMainTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void demo_exitsZero_printsAnswers_redactsSignatures() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        long t = System.nanoTime();
        int code = Demo.run(new PrintStream(buf, true, StandardCharsets.UTF_8), false);
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isZero();
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
    void run_demoViaMain_exitsZero() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = EdgeMain.run(new String[] {"demo"}, new PrintStream(buf, true), System.err, Map.of());
        assertThat(code).isZero();
    }

    @Test
    void serve_printsUrlFirst_thenKeysAndProvider_andServes() throws Exception {
        Path root = Files.createDirectories(dir.resolve("site"));
        Files.writeString(root.resolve("a.txt"), "A");
        Path pub = dir.resolve("public_key.pem");
        Files.writeString(pub, TestKeys.rsaPublic().toPem());
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (EdgeServer edge = EdgeMain.serve(List.of("--root", root.toString(), "--trust", TestKeys.RSA_ID + "=" + pub,
                "--protect", "/private/*", "--port", "0", "--explain", "--quiet"), Map.of(), new PrintStream(buf, true))) {
            String[] lines = buf.toString().split("\n");
            assertThat(lines[0]).isEqualTo(edge.url().toString());
            assertThat(lines[1]).isEqualTo("trusted keys: " + TestKeys.RSA_ID + " (RSA-2048)");
            assertThat(lines[2]).startsWith("crypto provider: ");
            assertThat(edge.config().explain()).isTrue();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(edge.url()
                    + "/a.txt")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).isEqualTo("A");
        }
    }

    @Test
    void parseServe_configFile_thenFlags() throws Exception {
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
        EdgeConfig c = EdgeMain.parseServe(List.of("--config", file.toString(), "--port", "0"), Map.of(), l -> { });
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
    void parseServe_timeouts_defaultsConfigFileAndFlags() throws Exception {
        Files.writeString(dir.resolve("public_key.pem"), TestKeys.ecPublic().toPem());
        List<String> base = List.of("--root", dir.toString(), "--trust", TestKeys.EC_ID + "=" + dir.resolve("public_key.pem"));
        EdgeConfig defaults = EdgeMain.parseServe(base, Map.of(), l -> { });
        assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.headerTimeout()).isEqualTo(Duration.ofSeconds(10));

        Path file = dir.resolve("edge.conf");
        Files.writeString(file, "idle-timeout = 2m\nheader-timeout = 500ms\n");
        List<String> withFile = new ArrayList<>(base);
        withFile.addAll(List.of("--config", file.toString()));
        EdgeConfig fromFile = EdgeMain.parseServe(withFile, Map.of(), l -> { });
        assertThat(fromFile.idleTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(fromFile.headerTimeout()).isEqualTo(Duration.ofMillis(500));

        withFile.addAll(List.of("--idle-timeout", "45s", "--header-timeout=3s"));
        EdgeConfig flags = EdgeMain.parseServe(withFile, Map.of(), l -> { });
        assertThat(flags.idleTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(flags.headerTimeout()).isEqualTo(Duration.ofSeconds(3));
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
        assertThatThrownBy(() -> EdgeMain.parseServe(List.of("--root", dir.toString(),
                "--idle-timeout", "soon"), Map.of(), l -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a duration");
    }

    @Test
    void parseServe_noTrust_usesSeedEnvironment() throws Exception {
        EdgeConfig c = EdgeMain.parseServe(List.of("--root", dir.toString()), Map.of(
                "AWS_CLOUDFRONT_KEY_ID", TestKeys.RSA_ID,
                "AWS_CLOUDFRONT_PUBLIC_KEY", TestKeys.rsaPublic().toPem().replace("\n", "\\n"),
                "AWS_CLOUDFRONT_DOMAIN", "d111111abcdef8.cloudfront.net"), l -> { });
        assertThat(c.trustedKeys().keyPairIds()).containsExactly(TestKeys.RSA_ID);
        assertThat(c.port()).isEqualTo(EdgeMain.DEFAULT_PORT);
        assertThat(c.defaultRequiresSignature()).isTrue();
        assertThat(c.publicUrl()).contains(URI.create("https://d111111abcdef8.cloudfront.net"));
    }

    @Test
    void run_usageErrors_exit2_keyProblems_exit3() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true);
        PrintStream o = new PrintStream(new ByteArrayOutputStream());
        assertThat(EdgeMain.run(new String[] {}, o, e, Map.of())).isEqualTo(EdgeMain.USAGE);
        assertThat(EdgeMain.run(new String[] {"fly"}, o, e, Map.of())).isEqualTo(EdgeMain.USAGE);
        assertThat(EdgeMain.run(new String[] {"serve", "--root", dir.toString()}, o, e, Map.of()))
                .isEqualTo(EdgeMain.USAGE);
        assertThat(err.toString()).contains("No public key is trusted");
        assertThat(EdgeMain.run(new String[] {"serve", "--root", dir.toString(), "--bogus", "1"}, o, e, Map.of()))
                .isEqualTo(EdgeMain.USAGE);
        Path notAKey = dir.resolve("nope.pem");
        Files.writeString(notAKey, "hello");
        assertThat(EdgeMain.run(new String[] {"serve", "--root", dir.toString(), "--trust", "K1=" + notAKey}, o, e,
                Map.of())).isEqualTo(EdgeMain.IO);
        assertThat(EdgeMain.run(new String[] {"serve", "--root", dir.toString(), "--trust", "K1=" + dir.resolve("missing.pem")},
                o, e, Map.of())).isEqualTo(EdgeMain.IO);
        assertThat(EdgeMain.run(new String[] {"--help"}, o, e, Map.of())).isZero();
    }
}
