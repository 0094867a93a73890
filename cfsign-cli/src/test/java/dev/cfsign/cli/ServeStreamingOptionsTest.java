package dev.cfsign.cli;

import static dev.cfsign.cli.Cli.run;
import static dev.cfsign.cli.ServeCommandTest.configFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.edge.EdgeConfig;
import dev.cfsign.edge.StreamingOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve's streaming flags reach the edge's configuration; a bad --cors is a usage error in CLI terms. */
class ServeStreamingOptionsTest {
    @Test
    void streamingFlagsReachTheEdgeConfig(@TempDir Path dir) throws Exception {
        EdgeConfig config = configFor(Map.of(), "--root", dir.toString(), "--trust",
                Cli.KEY_ID + "=" + Cli.RSA_PUBLIC_PEM, "--sign-manifests", "--cors", "https://player.example.com",
                "--hide-missing-objects");
        assertThat(config.streaming()).isEqualTo(new StreamingOptions(true, Optional.of("https://player.example.com"),
                true));
        EdgeConfig plain = configFor(Map.of(), "--root", dir.toString(), "--trust",
                Cli.KEY_ID + "=" + Cli.RSA_PUBLIC_PEM);
        assertThat(plain.streaming()).isEqualTo(StreamingOptions.DEFAULTS);
        assertThat(run("serve", "--help").out()).contains("--sign-manifests", "--cors=ORIGIN", "--hide-missing-objects");
    }

    @Test
    void flagsAddToTheConfigFilesStreamingKeys(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("edge.conf"), "root = .\nsign-manifests = yes\ncors = *\n");
        EdgeConfig config = configFor(Map.of(), "--config", conf.toString(), "--trust",
                Cli.KEY_ID + "=" + Cli.RSA_PUBLIC_PEM, "--cors", "https://player.example.com", "--hide-missing-objects");
        assertThat(config.streaming()).isEqualTo(new StreamingOptions(true, Optional.of("https://player.example.com"),
                true));
    }

    @Test
    void aCorsOriginWithAPathIsAUsageError(@TempDir Path dir) {
        Cli.Result r = run("serve", "--port", "0", "--root", dir.toString(), "--trust",
                Cli.KEY_ID + "=" + Cli.RSA_PUBLIC_PEM, "--cors", "https://player.example.com/page");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--cors");
    }

    @Test
    void aCorsOriginWithAPathInTheConfigFileIsAConfigError(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("edge.conf"), "root = .\ncors = https://player.example.com/page\n");
        Cli.Result r = run("serve", "--port", "0", "--config", conf.toString(), "--trust",
                Cli.KEY_ID + "=" + Cli.RSA_PUBLIC_PEM);
        assertThat(r.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(r.err()).contains("line 2", "cors");
    }
}
