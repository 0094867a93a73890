package dev.cfsign.cli;

import static dev.cfsign.cli.Cli.NOW;
import static dev.cfsign.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyCommandTest {
    @Test
    void policy_canned_printsExactBytesWithoutNewline() {
        Cli.Result r = run("policy", "--now", NOW, "--expires", "1h", "https://d111111abcdef8.cloudfront.net/image.jpg");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(Cli.golden("policy-canned.json"));
    }

    @Test
    void policy_customWithEveryCondition_printsCloudFrontKeyOrder() {
        Cli.Result r = run("policy", "--now", NOW, "--expires", "1h", "--starts", "-5m", "--ip", "203.0.113.7",
                "--policy-resource", "https://cdn.example.com/videos/*");
        assertThat(r.out()).isEqualTo("{\"Statement\":[{\"Resource\":\"https://cdn.example.com/videos/*\","
                + "\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1767229200},"
                + "\"DateGreaterThan\":{\"AWS:EpochTime\":1767225300},"
                + "\"IpAddress\":{\"AWS:SourceIp\":\"203.0.113.7/32\"}}}]}");
    }

    @Test
    void policy_pretty_indentsAndKeepsContent() {
        Cli.Result r = run("policy", "--now", NOW, "--expires", "1h", "--pretty",
                "https://d111111abcdef8.cloudfront.net/image.jpg");
        assertThat(r.out()).contains("\n  \"Statement\": [\n").endsWith("}\n");
        assertThat(r.out().replaceAll("\\s", "")).isEqualTo(Cli.golden("policy-canned.json"));
    }

    @Test
    void policy_objectKey_isEncodedOnDomain() {
        Cli.Result r = run(Map.of("AWS_CLOUDFRONT_DOMAIN", "d111111abcdef8.cloudfront.net"), "",
                "policy", "--now", NOW, "--custom", "my file.pdf");
        assertThat(r.out()).contains("\"Resource\":\"https://d111111abcdef8.cloudfront.net/my%20file.pdf\"");
    }

    @Test
    void policy_startsAfterExpiry_exits1() {
        Cli.Result r = run("policy", "--now", NOW, "--expires", "1h", "--starts", "2h", "https://cdn.example.com/a");
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
    }

    @Test
    void policy_wildcardInCannedUrl_exits1LikeSign() {
        Cli.Result r = run("policy", "--now", NOW, "--expires", "1h", "https://cdn.example.com/videos/*");
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("wildcard");
    }

    @Test
    void policy_expiryInThePast_exits1LikeSign() {
        Cli.Result r = run("policy", "--now", NOW, "--expires", "2025-12-31T00:00:00Z", "https://cdn.example.com/a");
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("not after the current time");
    }

    @Test
    void policy_urlIsNormalisedAsSignWouldSignIt() {
        Cli.Result r = run("policy", "--now", NOW, "--custom", "--expires", "1h", "https://cdn.example.com?");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"Resource\":\"https://cdn.example.com/\"");
    }

    @Test
    void policy_unknownDurationUnit_exits2() {
        Cli.Result r = run("policy", "--expires", "3w", "https://cdn.example.com/a");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("'3w' is not a time");
    }
}
