package dev.cfsign.cli;

import static dev.cfsign.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.edge.EdgeConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** In-process checks of serve's and demo's options; the servers themselves run as real processes in EdgeCommandsIT. */
class ServeCommandTest {
    @Test
    void serveHelp_listsTheOptions() {
        Cli.Result r = run("serve", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--root=DIR", "--origin=URL", "--trust=KEY-PAIR-ID=PUBLIC-KEY-FILE",
                "--protect=PATTERN", "--public-url=URL", "--host=HOST", "--port=N", "--explain", "--config=FILE",
                "--idle-timeout=DURATION", "--header-timeout=DURATION");
    }

    @Test
    void demoHelp_mentionsKeepRunning() {
        assertThat(run("demo", "--help").out()).contains("--keep-running");
    }

    @Test
    void rootAndOrigin_exit2() {
        Cli.Result r = run("serve", "--root", ".", "--origin", "http://localhost:1", "--trust",
                Cli.KEY_ID + "=" + Cli.RSA_PUBLIC_PEM);
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("not both");
    }

    @Test
    void noTrustedKey_exits2(@TempDir Path dir) {
        Cli.Result r = run("serve", "--port", "0", "--root", dir.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("No public key is trusted", "--trust ID=FILE").doesNotContain("trust(");
    }

    @Test
    void privateKeyAsTrust_exits3WithoutEchoingIt(@TempDir Path dir) {
        Cli.Result r = run("serve", "--port", "0", "--root", dir.toString(), "--trust", Cli.KEY_ID + "=" + Cli.RSA_PEM);
        assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(r.err()).contains("private key");
    }

    @Test
    void repeatedTrustIdWithAnotherKey_exits2(@TempDir Path dir) {
        Cli.Result r = run("serve", "--port", "0", "--root", dir.toString(), "--trust",
                Cli.KEY_ID + "=" + Cli.RSA_PUBLIC_PEM, "--trust", Cli.KEY_ID + "=" + Cli.EC_PUBLIC_PEM);
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--trust", "already trusted").doesNotContain("internal error");
    }

    @Test
    void missingTrustFile_exits4(@TempDir Path dir) {
        Cli.Result r = run("serve", "--port", "0", "--root", dir.toString(), "--trust",
                Cli.KEY_ID + "=" + dir.resolve("nope.pem"));
        assertThat(r.exit()).isEqualTo(ExitCodes.IO);
    }

    /** The options as picocli parses them, applied to a real builder (no server started). */
    static EdgeConfig configFor(Map<String, String> env, String... args) throws Exception {
        ServeCommand c = new ServeCommand();
        new CommandLine(c).parseArgs(args);
        return ServeOptions.Edge.applyTo(c.options, EdgeConfig.builder(), env).build();
    }

    @Test
    void options_fillTheBuilder_afterTheConfigFile_oneDurationGrammar(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("site"));
        Path conf = Files.writeString(dir.resolve("edge.conf"), "root = site\nprotect = /private/*\n"
                + "idle-timeout = 2m\nheader-timeout = 500ms\nport = 9999\n");
        EdgeConfig c = configFor(Map.of(), "--config=" + conf, "--trust", Cli.KEY_ID + "=" + Cli.RSA_PUBLIC_PEM,
                "--protect", "/videos/*", "--idle-timeout", "1h", "--clock-skew", "1m30s", "--port", "0", "--explain");
        assertThat(c.root()).contains(dir.resolve("site").toAbsolutePath());
        assertThat(c.behaviors()).extracting(Object::toString).containsExactly("signed /private/*", "signed /videos/*");
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(c.headerTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.clockSkew()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.port()).isZero();
        assertThat(c.explain()).isTrue();
        assertThat(c.trustedKeys().keyPairIds()).containsExactly(Cli.KEY_ID);

        EdgeConfig defaults = configFor(Map.of(), "--root", dir.toString(), "--trust",
                Cli.KEY_ID + "=" + Cli.RSA_PUBLIC_PEM);
        assertThat(defaults.port()).isEqualTo(ServeOptions.DEFAULT_PORT);
        assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void badValues_exit2WithTheFlag_badConfigFile_exit3WithTheLine(@TempDir Path dir) throws Exception {
        Cli.Result bare = run("serve", "--root", dir.toString(), "--idle-timeout", "30");
        assertThat(bare.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(bare.err()).contains("--idle-timeout").contains("30s");
        Cli.Result skew = run("serve", "--root", dir.toString(), "--clock-skew", "1h", "--public", "/*");
        assertThat(skew.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(skew.err()).contains("--clock-skew: ");
        Path conf = Files.writeString(dir.resolve("edge.conf"), "root = .\nidle-timeout = soon\n");
        Cli.Result file = run("serve", "--config", conf.toString());
        assertThat(file.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(file.err()).contains("edge.conf line 2 (idle-timeout)");
    }

    @Test
    void environment_trustedWhenNoFlagOrFileTrustsAKey_quotedLikeSign(@TempDir Path dir) throws Exception {
        EdgeConfig c = configFor(Map.of("AWS_CLOUDFRONT_KEY_ID", "\"" + Cli.KEY_ID + "\"",
                "AWS_CLOUDFRONT_PUBLIC_KEY", Cli.read(Cli.RSA_PUBLIC_PEM).replace("\n", "\\n"),
                "AWS_CLOUDFRONT_CUSTOM_DOMAIN", "cdn.example.com"), "--root", dir.toString());
        assertThat(c.trustedKeys().keyPairIds()).containsExactly(Cli.KEY_ID);
        assertThat(c.publicUrl()).contains(URI.create("https://cdn.example.com"));
    }
}
