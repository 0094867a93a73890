package dev.cfsign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.BadInputs;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CLI half of issue #7's leak test: every failing case of core's bad-input catalogue ({@link BadInputs}, the rows
 * {@code SecretLeakTest} runs through the library) goes through the CLI in-process, by every way the CLI takes that
 * input ({@link CatalogueRuns}), and neither stdout nor stderr may contain any 16-character window of a key's base64
 * body (the catalogue's keys, the row's own private keys, the CLI's fixtures), of a signature, or of a signed URL's
 * or cookie set's credentials. {@code CatalogueLeakIT} repeats a subset through the packaged jar.
 */
class CatalogueLeakTest {
    /**
     * Runs that succeed because the CLI cannot express the row's bad input that way ({@code case | run}, {@code *} for
     * every run of the case). Their stdout is the signed output asked for; their stderr is still checked.
     */
    static final Set<String> CLI_ACCEPTS = Set.of(
            // policy, sign and cookies always have an expiry: --expires defaults to 20d.
            "urls: no expiration | *",
            // Cookies sign the policy's resource; the URL's query (Hash-Algorithm=SHA256 here) is not signed.
            "urls: Hash-Algorithm already present | cookies with policy options");

    @TempDir
    Path dir;

    static List<BadInputs.Case> cases() {
        return BadInputs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void catalogueCase_throughEveryCliInput_failsWithoutLeaking(BadInputs.Case c) {
        List<String> secrets = CatalogueRuns.secrets(c);
        List<CatalogueRuns.Run> runs = CatalogueRuns.runs(c, dir);
        assertThat(runs).as(c.toString()).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (CatalogueRuns.Run run : runs) {
            Cli.Result r = Cli.run(run.env(), new ByteArrayInputStream(run.stdin()), run.args().toArray(String[]::new));
            boolean accepted = CLI_ACCEPTS.contains(c + " | *") || CLI_ACCEPTS.contains(c + " | " + run);
            if (r.exit() == 0 && !accepted) {
                problems.add(run + ": the CLI accepted it\n" + r);
            }
            String leak = CatalogueRuns.leak(r.exit() == 0 ? r.err() : r.out() + "\n" + r.err(), secrets);
            if (leak != null) {
                problems.add(run + ": output holds '" + leak + "'\n" + r);
            }
        }
        assertThat(problems).as(c.toString()).isEmpty();
    }

    @Test
    void catalogue_reachesTheCliThroughEveryInputKind() {
        int runs = 0;
        for (BadInputs.Case c : BadInputs.all()) {
            runs += CatalogueRuns.runs(c, dir).size();
        }
        assertThat(BadInputs.all()).hasSizeGreaterThanOrEqualTo(90);
        assertThat(runs).isGreaterThan(200);
    }

    /** The checker itself: a planted window of each kind of secret is found, in stdout or stderr alike. */
    @Test
    void leakCheck_findsPlantedSecrets() {
        BadInputs.Case key = BadInputs.all().get(0);
        List<String> secrets = CatalogueRuns.secrets(key);
        String signature = BadInputs.SIGNED.substring(BadInputs.SIGNED.indexOf("Signature=") + 10);
        String keyBody = dev.cfsign.keys.Fixtures.body(BadInputs.RSA_PEM);

        assertThat(CatalogueRuns.leak("cfsign: error: bad signature " + signature.substring(30, 46), secrets))
                .isNotNull();
        assertThat(CatalogueRuns.leak("line 3: " + keyBody.substring(500, 517), secrets)).isNotNull();
        assertThat(CatalogueRuns.leak("cfsign: error: https://cdn.example.com/a.txt?x=1 is signed already", secrets))
                .isNull();
        assertThat(CatalogueRuns.leak(BadInputs.SIGNED, secrets)).isNotNull();
        assertThat(CatalogueRuns.leak("cfsign: error: The key is truncated; line 27 of 28.", secrets)).isNull();
    }
}
