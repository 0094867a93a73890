package dev.cfsign.cli;

import static dev.cfsign.cli.Cli.run;
import static dev.cfsign.cli.Cli.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CookiesCommandTest {
    @Test
    void cookies_customSha256WithFixedClock_matchesOpensslGolden() {
        Cli.Result r = run(withKey("cookies", "--hash", "sha256", "--expires", "1h", "--policy-resource",
                "https://cdn.example.com/videos/*"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(Cli.golden("cookies-custom-sha256.txt"));
    }

    @Test
    void cookies_cannedUrl_printsExpiresSignatureKeyPairId() {
        Cli.Result r = run(withKey("cookies", "--expires", "1h", "https://cdn.example.com/a.mp4"));
        assertThat(r.out().lines()).hasSize(3);
        assertThat(r.out()).startsWith("CloudFront-Expires=1767229200; Path=/; Secure; HttpOnly\n")
                .contains("CloudFront-Key-Pair-Id=K2JCJMDEHXQW5F; Path=/; Secure; HttpOnly");
    }

    @Test
    void cookies_attributes_areRendered() {
        Cli.Result r = run(withKey("cookies", "--domain", "Example.com", "--path", "/videos", "--same-site", "lax",
                "--max-age", "2h", "--no-http-only", "https://cdn.example.com/a.mp4"));
        assertThat(r.out().lines()).allSatisfy(l ->
                assertThat(l).endsWith("; Domain=example.com; Path=/videos; Max-Age=7200; Secure; SameSite=Lax"));
    }

    @Test
    void cookies_jsonFormat_hasCookiesAndHeaders() {
        Cli.Result r = run(withKey("cookies", "--format", "json", "--policy-resource", "https://cdn.example.com/*"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(JsonReader.parse(r.out().strip())).isInstanceOfSatisfying(Map.class, m -> {
            assertThat(((Map<?, ?>) m.get("cookies")).keySet().toString())
                    .isEqualTo("[CloudFront-Policy, CloudFront-Signature, CloudFront-Key-Pair-Id]");
            assertThat(m.get("policy")).isEqualTo("custom");
            assertThat(m.get("resource")).isEqualTo("https://cdn.example.com/*");
            assertThat((String) m.get("cookieHeader")).startsWith("CloudFront-Policy=");
        });
    }

    @Test
    void cookies_sameSiteNoneWithoutSecure_exits2() {
        Cli.Result r = run(withKey("cookies", "--same-site", "none", "--no-secure", "https://cdn.example.com/a"));
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("SameSite=None requires Secure");
    }

    @Test
    void cookies_wholeCloudfrontNetDomain_exits2() {
        Cli.Result r = run(withKey("cookies", "--domain", "cloudfront.net", "https://d1.cloudfront.net/a"));
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void cookies_noUrlNoResource_exits2() {
        Cli.Result r = run(withKey("cookies"));
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void cookies_wildcardInCannedUrl_exits1() {
        Cli.Result r = run(withKey("cookies", "https://cdn.example.com/*"));
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("wildcard");
    }
}
