package dev.cfsign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.CloudFrontError;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cfsign serve} and {@code cfsign demo} from the packaged jar, as real processes on real ports. */
class EdgeCommandsIT {
    @Test
    void demo_exits0WithinSeconds_andShows200And403() throws Exception {
        long start = System.nanoTime();
        CfsignJarIT.Proc r = CfsignJarIT.exec(CfsignJarIT.java("demo"), java.util.Map.of(), "");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        assertThat(r.out()).contains("-> 200 OK").contains("-> 403 AccessDenied").contains("-> 403 MissingKey")
                .contains("All answers were CloudFront's.");
    }

    @Test
    void serve_printsUrlFirst_servesSignedFile_denies403Xml_andStopsOnSigterm(@TempDir Path dir) throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("hello.txt"), "hello, edge\n");
        Path out = dir.resolve("serve.out");
        Path err = dir.resolve("serve.err");
        ProcessBuilder pb = new ProcessBuilder(CfsignJarIT.java("serve", "--port", "0", "--root", site.toString(),
                "--trust", Cli.KEY_ID + "=" + Cli.RSA_PUBLIC_PEM));
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_CLOUDFRONT_"));
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try {
            List<String> banner = waitForLines(out, 3, p);
            String url = banner.get(0);
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(banner.get(1)).startsWith("trusted keys: " + Cli.KEY_ID);
            assertThat(banner.get(2)).startsWith("crypto provider: ");

            // Signed by `cfsign sign` (the real clock: the edge checks expiry against it).
            Cli.Result signed = Cli.run("sign", "--private-key", Cli.RSA_PEM.toString(), "--key-pair-id", Cli.KEY_ID,
                    "--expires", "10m", url + "/hello.txt");
            assertThat(signed.exit()).as(signed.toString()).isZero();

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(signed.out().strip()))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("hello, edge\n");

            HttpResponse<String> denied = http.send(HttpRequest.newBuilder(URI.create(url + "/hello.txt"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.body()).isEqualTo(CloudFrontError.MISSING_KEY.xmlBody());
            assertThat(denied.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/xml"));
        } finally {
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("serve stops promptly on SIGTERM").isTrue();
        }
        String log = Files.readString(out);
        assertThat(log).contains(" 200 ").contains(" 403 ");
        Cli.assertNoSecrets(Files.readString(err));
    }

    @Test
    void otherCommands_loadNoEdgeOrJettyClass() throws Exception {
        for (List<String> args : List.of(List.of("--help"), List.of("serve", "--help"), List.of("sign", "--private-key",
                Cli.RSA_PEM.toString(), "--key-pair-id", Cli.KEY_ID, "https://d111111abcdef8.cloudfront.net/a.jpg"))) {
            List<String> command = CfsignJarIT.java(args.toArray(String[]::new));
            command.add(1, "-verbose:class");
            CfsignJarIT.Proc r = CfsignJarIT.exec(command, java.util.Map.of(), "");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).as(String.join(" ", args)).contains("[class,load] dev.cfsign.cli.Main")
                    .doesNotContain("org.eclipse.jetty").doesNotContain("dev.cfsign.edge");
        }
    }

    /** The first {@code n} lines of {@code file}, waiting for the process to write them (it starts a JVM first). */
    private static List<String> waitForLines(Path file, int n, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.readAllLines(file);
            if (lines.size() >= n) {
                return lines;
            }
            assertThat(p.isAlive()).as("serve exited early").isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("serve printed no banner within 60 s");
    }
}
