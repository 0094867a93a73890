package dev.cfsign.cli;

import static dev.cfsign.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void missingTrustFile_exits4(@TempDir Path dir) {
        Cli.Result r = run("serve", "--port", "0", "--root", dir.toString(), "--trust",
                Cli.KEY_ID + "=" + dir.resolve("nope.pem"));
        assertThat(r.exit()).isEqualTo(ExitCodes.IO);
    }

    @Test
    void options_becomeEdgeFlags_configFirst() {
        ServeCommand c = new ServeCommand();
        c.rootDir = Path.of("site");
        c.config = Path.of("edge.conf");
        c.trust.add("K1=a.pem");
        c.trust.add("K2=b.pem");
        c.protect.add("/videos/*");
        c.port = 0;
        c.idleTimeout = "45s";
        c.headerTimeout = "2s";
        c.explain = true;
        assertThat(c.edgeArguments()).containsExactly("--config", "edge.conf", "--root", "site", "--trust", "K1=a.pem",
                "--trust", "K2=b.pem", "--protect", "/videos/*", "--port", "0", "--idle-timeout", "45s",
                "--header-timeout", "2s", "--explain");
    }
}
