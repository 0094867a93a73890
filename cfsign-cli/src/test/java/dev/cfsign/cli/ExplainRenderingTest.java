package dev.cfsign.cli;

import static dev.cfsign.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@code cfsign explain} shows a resource mismatch: two aligned lines, a caret, and the right advice. */
class ExplainRenderingTest {
    static String signed(String url) {
        Cli.Result r = run(Cli.withKey("sign", "--expires", "2030-01-01T00:00:00Z", url));
        assertThat(r.exit()).as(r.toString()).isZero();
        Cli.secret(r.out().replaceAll(".*Signature=([^&]*).*\\s*", "$1"));
        return r.out().strip();
    }

    static Cli.Result explain(String url) {
        return run("explain", "--public-key", Cli.RSA_PUBLIC_PEM.toString(), "--key-pair-id", Cli.KEY_ID, "--now",
                Cli.NOW, url);
    }

    @Test
    void encodedDot_caretUnderTheFirstDifference_adviceIsToSendItAsSigned() {
        String url = signed("https://cdn.example.com/videos/intro.mp4");
        Cli.Result r = explain(url.replace("intro.mp4", "intro%2Emp4"));
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("RESOURCE_MISMATCH: ");
        String signedLine = lines.stream().filter(l -> l.contains("signed:")).findFirst().orElseThrow();
        String requestedLine = lines.get(lines.indexOf(signedLine) + 1);
        String caretLine = lines.get(lines.indexOf(signedLine) + 2);
        assertThat(signedLine).endsWith("https://cdn.example.com/videos/intro.mp4");
        assertThat(requestedLine).endsWith("https://cdn.example.com/videos/intro%2Emp4");
        int column = signedLine.indexOf("https://");
        assertThat(requestedLine.indexOf("https://")).as("aligned").isEqualTo(column);
        while (signedLine.charAt(column) == requestedLine.charAt(column)) {
            column++;
        }
        assertThat(caretLine.indexOf('^')).isEqualTo(column);
        assertThat(signedLine.substring(column)).startsWith(".mp4");
        assertThat(r.out()).contains("exactly as it was signed").doesNotContain("before signing");
    }

    @Test
    void literalSpaceInAPastedUrl_getsAHint() {
        String url = signed("https://cdn.example.com/videos/my%20intro.mp4");
        Cli.Result r = explain(url.replace("my%20intro", "my intro"));
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.out()).startsWith("RESOURCE_MISMATCH: ").contains("literal space", "%20");
    }
}
