package dev.cfsign.cli;

import static dev.cfsign.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.edge.EdgeConfig;
import dev.cfsign.edge.EdgeMain;
import dev.cfsign.edge.StreamingOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve's streaming flags reach the edge's configuration; a bad --cors is a usage error in CLI terms. */
class ServeStreamingOptionsTest {
    @Test
    void streamingFlagsReachTheEdgeConfig(@TempDir Path dir) throws Exception {
        ServeCommand c = new ServeCommand();
        c.rootDir = dir;
        c.trust.add(Cli.KEY_ID + "=" + Cli.RSA_PUBLIC_PEM);
        c.signManifests = true;
        c.cors = "https://player.example.com";
        c.hideMissingObjects = true;
        EdgeConfig config = EdgeMain.parseServe(c.edgeArguments(), Map.of(), line -> { });
        assertThat(config.streaming()).isEqualTo(new StreamingOptions(true, Optional.of("https://player.example.com"),
                true));
        assertThat(run("serve", "--help").out()).contains("--sign-manifests", "--cors=ORIGIN", "--hide-missing-objects");
    }

    @Test
    void aCorsOriginWithAPathIsAUsageError(@TempDir Path dir) {
        Cli.Result r = run("serve", "--port", "0", "--root", dir.toString(), "--trust",
                Cli.KEY_ID + "=" + Cli.RSA_PUBLIC_PEM, "--cors", "https://player.example.com/page");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--cors");
    }
}
