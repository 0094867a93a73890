package dev.cfsign.cli;

import static dev.cfsign.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code cfsign explain} with no key at all (issue #15): it reports what needs no key, says the signature was not
 * checked, and never echoes the signature or the URL.
 */
class ExplainWithoutKeyTest {
    /** Signed by the golden fixture: expires 2026-01-01T01:00:00Z. */
    static final String SIGNED = Cli.golden("sign-canned.txt").strip();
    static final String SIGNATURE = SIGNED.replaceAll(".*Signature=([^&]*).*", "$1");

    static {
        Cli.secret(SIGNATURE);
    }

    static Cli.Result explain(String now, String url) {
        Cli.Result r = run(Map.of(), "", "explain", "--now", now, url);
        assertThat(r.out() + r.err()).as("never echoes the signature or the URL")
                .doesNotContain(SIGNATURE).doesNotContain(url).doesNotContain(SIGNED);
        assertThat(r.out().strip()).as("always says what it could not check").endsWith(ExplainCommand.NOT_CHECKED);
        return r;
    }

    @Test
    void fineLookingUrl_exits0_withTheNotCheckedNote_evenWhenTampered() {
        for (String url : new String[] {SIGNED, SIGNED.replace("/image.jpg", "/other.jpg")}) {
            Cli.Result r = explain("2026-01-01T00:30:00Z", url);

            assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.OK);
            assertThat(r.out()).startsWith("SIGNATURE_NOT_CHECKED: ").contains("2026-01-01T01:00:00Z")
                    .contains("signature not checked: no public key (give --public-key FILE --key-pair-id ID,"
                            + " --trust ID=FILE, or set AWS_CLOUDFRONT_KEY_ID with AWS_CLOUDFRONT_PUBLIC_KEY");
            assertThat(r.err()).isEmpty();
        }
    }

    @Test
    void expired_exits1() {
        Cli.Result r = explain("2026-01-02T00:00:00Z", SIGNED);

        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.out()).startsWith("EXPIRED: Expired 23 hours ago");
        assertThat(r.err()).contains("CloudFront would deny it: EXPIRED");
    }

    @Test
    void millisecondEpoch_exits1() {
        String expires = SIGNED.replaceAll(".*Expires=([0-9]+).*", "$1");
        Cli.Result r = explain(Cli.NOW, SIGNED.replace("Expires=" + expires, "Expires=" + expires + "000"));

        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.out()).startsWith("MILLISECONDS_AS_SECONDS: ");
    }

    @Test
    void standardBase64Signature_exits1() {
        Cli.Result r = explain(Cli.NOW, SIGNED.replace("Signature=" + SIGNATURE, "Signature="
                + SIGNATURE.replace("-", "%2B").replace("~", "%2F").replace("_", "%3D")));

        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.out()).startsWith("STANDARD_BASE64: ");
    }

    @Test
    void missingSignature_exits1() {
        Cli.Result r = explain(Cli.NOW, SIGNED.replace("Signature=" + SIGNATURE, "").replace("&&", "&"));

        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.out()).startsWith("MISSING_SIGNATURE: ");
    }

    /** With only --trust, the key under the URL's own key pair ID is the expected one, as verify finds it. */
    @Test
    void onlyTrust_coveringTheClaimedId_explainsLikeVerify() {
        Cli.Result ok = run("explain", "--now", "2026-01-01T00:30:00Z", "--trust", "KOTHER=" + Cli.EC_PUBLIC_PEM,
                "--trust", Cli.KEY_ID + "=" + Cli.RSA_PUBLIC_PEM, SIGNED);
        assertThat(ok.exit()).as(ok.toString()).isEqualTo(ExitCodes.OK);
        assertThat(ok.out()).startsWith("OK").doesNotContain("not checked");

        Cli.Result tampered = run("explain", "--now", "2026-01-01T00:30:00Z", "--trust",
                Cli.KEY_ID + "=" + Cli.RSA_PUBLIC_PEM, SIGNED.replace("/image.jpg", "/other.jpg"));
        assertThat(tampered.exit()).as(tampered.toString()).isEqualTo(ExitCodes.INVALID);
        assertThat(run("verify", "--now", "2026-01-01T00:30:00Z", "--trust", Cli.KEY_ID + "=" + Cli.RSA_PUBLIC_PEM,
                SIGNED.replace("/image.jpg", "/other.jpg")).exit()).isNotZero();
    }

    @Test
    void onlyOtherKeys_stillAsksForTheExpectedOne() {
        Cli.Result r = run("explain", "--now", Cli.NOW, "--trust", "KOTHER=" + Cli.RSA_PUBLIC_PEM, SIGNED);

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--public-key FILE --key-pair-id ID");
    }
}
