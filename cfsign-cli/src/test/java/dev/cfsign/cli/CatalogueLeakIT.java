package dev.cfsign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.BadInputs;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CatalogueLeakTest} through the packaged {@code cfsign.jar} as a real process, for one catalogue row of each
 * input kind: key file, stdin and environment variables, configuration, URL, policy, object key and verification.
 * Real stdout and stderr, real exit codes.
 */
class CatalogueLeakIT {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"keys: body cut short", "keys: DER garbage", "keys: public key of another pair",
        "configuration: private key truncated", "urls: a signed URL signed again", "urls: IP with leading zeros",
        "urls: object key '..'", "verification: tampered signature", "verification: cookies with another policy"})
    void catalogueCase_throughTheJar_failsWithoutLeaking(String name) throws Exception {
        BadInputs.Case c = BadInputs.all().stream().filter(x -> x.toString().equals(name)).findFirst().orElseThrow();
        List<String> secrets = CatalogueRuns.secrets(c);
        for (CatalogueRuns.Run run : CatalogueRuns.runs(c, dir)) {
            Map<String, String> env = new HashMap<>(run.env());
            CfsignJarIT.Proc p = CfsignJarIT.exec(CfsignJarIT.java(run.args().toArray(String[]::new)), env,
                    run.stdin());
            assertThat(p.exit()).as(run + ": " + p.err()).isNotZero();
            assertThat(p.err()).as(run.toString()).startsWith("cfsign: error: ");
            assertThat(CatalogueRuns.leak(p.out() + "\n" + p.err(), secrets)).as(run + " output:\n" + p.out() + p.err())
                    .isNull();
        }
    }
}
