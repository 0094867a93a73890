package dev.cfsign.cli;

import static dev.cfsign.cli.Cli.NOW;
import static dev.cfsign.cli.Cli.run;
import static dev.cfsign.cli.Cli.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InspectCommandTest {
    static final String SIGNED = Cli.golden("sign-canned.txt").strip();

    @Test
    void inspect_cannedUrl_matchesGoldenAndHidesSignature() {
        Cli.Result r = run("inspect", "--now", NOW, SIGNED);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(Cli.golden("inspect-canned.txt"));
        String sig = SIGNED.substring(SIGNED.indexOf("Signature=") + 10, SIGNED.indexOf("&Key-Pair-Id"));
        assertThat(r.out()).doesNotContain(sig.substring(0, 16));
    }

    @Test
    void inspect_afterExpiry_saysExpired() {
        Cli.Result r = run("inspect", "--now", "2026-01-01T03:00:00Z", SIGNED);
        assertThat(r.out()).contains("EXPIRED 2h ago");
    }

    @Test
    void inspect_customUrlJson_showsConditions() {
        String url = run(withKey("sign", "--hash", "sha256", "--expires", "1h", "--starts", "-1m", "--ip",
                "203.0.113.0/24", "https://cdn.example.com/v/a.mp4?x=1")).out().strip();
        Cli.Result r = run("inspect", "--now", NOW, "--format", "json", url);
        assertThat(JsonReader.parse(r.out().strip())).isInstanceOfSatisfying(Map.class, m -> {
            assertThat(m.get("verified")).isEqualTo(false);
            assertThat(m.get("policy")).isEqualTo("custom");
            assertThat(m.get("hashAlgorithm")).isEqualTo("SHA256");
            assertThat(m.get("resource")).isEqualTo("https://cdn.example.com/v/a.mp4?x=1");
            assertThat(m.get("expires")).isEqualTo(1767229200L);
            assertThat(m.get("activeFrom")).isEqualTo("2025-12-31T23:59:00Z");
            assertThat(m.get("ipRange")).isEqualTo("203.0.113.0/24");
            assertThat(m.get("expired")).isEqualTo(false);
            assertThat(m.get("signaturePresent")).isEqualTo(true);
        });
        String sig = url.substring(url.indexOf("Signature=") + 10, url.indexOf("&Key-Pair-Id"));
        assertThat(r.out()).doesNotContain(sig.substring(0, 16));
    }

    @Test
    void inspect_cookies_showsCustomPolicy() {
        String header = run(withKey("cookies", "--format", "json", "--policy-resource", "https://cdn.example.com/*"))
                .out();
        String cookie = (String) ((Map<?, ?>) JsonReader.parse(header.strip())).get("cookieHeader");
        Cli.Result r = run("inspect", "--now", NOW, "--cookie", cookie);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Resource:     https://cdn.example.com/*").contains("custom (Policy=)");
    }

    @Test
    void inspect_cannedCookiesWithUrl_rebuildsResourceAndPolicy() {
        String url = "https://cdn.example.com/v/a.mp4";
        Map<?, ?> m = (Map<?, ?>) JsonReader.parse(run(withKey("cookies", "--format", "json", "--expires", "1h", url))
                .out().strip());
        String cookie = (String) m.get("cookieHeader");
        Cli.Result r = run("inspect", "--now", NOW, "--cookie", cookie, url);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("signed cookies").contains("canned (Expires=)")
                .contains("Resource:     " + url)
                .contains("Policy JSON:  {\"Statement\":[{\"Resource\":\"" + url + "\"");
    }

    @Test
    void inspect_cannedCookiesWithoutUrl_saysTheUrlIsNeeded() {
        String url = "https://cdn.example.com/v/a.mp4";
        Map<?, ?> m = (Map<?, ?>) JsonReader.parse(run(withKey("cookies", "--format", "json", "--expires", "1h", url))
                .out().strip());
        Cli.Result r = run("inspect", "--now", NOW, "--cookie", (String) m.get("cookieHeader"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("canned cookies carry no URL").doesNotContain("Policy JSON").doesNotContain("no-url");
    }

    @Test
    void inspect_unsignedUrl_exits1() {
        Cli.Result r = run("inspect", "https://cdn.example.com/a.mp4");
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("not signed");
    }

    @Test
    void inspect_millisecondExpires_exits1WithHint() {
        Cli.Result r = run("inspect", "https://cdn.example.com/a?Expires=1767229200000&Signature=abcd&Key-Pair-Id=K1");
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("milliseconds");
    }

    @Test
    void inspect_s3BucketPolicy_exits1() {
        String policy = java.util.Base64.getEncoder().encodeToString(
                "{\"Version\":\"2008-10-17\",\"Statement\":[]}".getBytes()).replace('+', '-').replace('=', '_')
                .replace('/', '~');
        Cli.Result r = run("inspect", "https://cdn.example.com/a?Policy=" + policy + "&Signature=abcd&Key-Pair-Id=K1");
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("S3 or IAM policy, not a CloudFront one");
    }

    @Test
    void inspect_signedUrlWithCookie_exits2() {
        Cli.Result r = run("inspect", "--cookie", "a=b", SIGNED);
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    }
}
