package dev.cfsign.cli;

import static dev.cfsign.cli.Cli.KEY_ID;
import static dev.cfsign.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifyCommandTest {
    static final String SIGNED = Cli.golden("sign-canned.txt").strip();
    static final String PUB = Cli.RSA_PUBLIC_PEM.toString();

    @Test
    void verify_goldenUrlBeforeExpiry_exits0() {
        Cli.Result r = run("verify", "--now", "2026-01-01T00:30:00Z", "--public-key", PUB, "--key-pair-id", KEY_ID,
                SIGNED);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("ALLOWED: signed by " + KEY_ID + " (canned policy, SHA1, url)");
    }

    @Test
    void verify_afterExpiry_exits1WithAccessDeniedAndReason() {
        Cli.Result r = run("verify", "--now", "2026-01-01T02:00:00Z", "--format", "json", "--public-key", PUB,
                "--key-pair-id", KEY_ID, SIGNED);
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
        Map<?, ?> m = (Map<?, ?>) JsonReader.parse(r.out().strip());
        assertThat(m.get("allowed")).isEqualTo(false);
        assertThat(m.get("cloudFrontError")).isEqualTo("AccessDenied");
        assertThat(m.get("reason")).isEqualTo("EXPIRED");
    }

    @Test
    void verify_unknownKeyPairId_exits1WithInvalidKey() {
        Cli.Result r = run("verify", "--now", Cli.NOW, "--trust", "KOTHER=" + PUB, SIGNED);
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.out()).contains("InvalidKey");
    }

    @Test
    void verify_wrongPublicKey_exits1BadSignature() {
        Cli.Result r = run("verify", "--now", Cli.NOW, "--public-key", Cli.EC_PUBLIC_PEM.toString(), "--key-pair-id",
                KEY_ID, SIGNED);
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.out()).startsWith("DENIED: CloudFront answers AccessDenied");
    }

    @Test
    void verify_noTrustedKey_exits2() {
        assertThat(run("verify", SIGNED).exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void explain_goldenUrlAfterExpiry_namesTheProblem() {
        Cli.Result r = run("explain", "--now", "2026-01-02T00:00:00Z", "--public-key", PUB, "--key-pair-id", KEY_ID,
                SIGNED);
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.out()).startsWith("EXPIRED");
    }

    @Test
    void explain_validUrl_exits0() {
        Cli.Result r = run("explain", "--now", Cli.NOW, "--public-key", PUB, "--key-pair-id", KEY_ID, SIGNED);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("OK");
    }
}
