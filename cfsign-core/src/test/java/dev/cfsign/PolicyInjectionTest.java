package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cfsign.internal.PolicyReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crafted injection attempts in a custom policy's resource and IP fields. Each is either refused with a typed
 * exception, or gives a policy that the AWS SDK's JSON parser (an independent reader) sees as exactly one statement
 * with exactly the given resource and IP, and that cfsign's own strict reader reads back the same.
 */
class PolicyInjectionTest {
    static final Instant EXP = Instant.parse("2030-01-01T00:00:00Z");
    static final String H = "https://d111111abcdef8.cloudfront.net/";

    static List<String> resources() {
        List<String> r = new ArrayList<>(List.of(
                H + "a\"b", H + "a\\b", H + "a\\\\b", H + "a\\\"b", H + "\\u0022", H + "\\u005c",
                H + "a\",\"Resource\":\"*", H + "a\"}]}", H + "a\"}],\"Statement\":[{\"Resource\":\"*\"}]}",
                H + "a\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":2147483647}}}]}",
                H + "a\",\"Condition\":{\"IpAddress\":{\"AWS:SourceIp\":\"0.0.0.0/0\"}},\"x\":\"",
                "*\"", "*\",\"Resource\":\"*", "\"", "\\", "\\\"", "\"\"", "\\\\\\\"", "}", "]}", "\"}]}",
                "{\"Statement\":[]}", H + "/*", H + "*\\?*", H + "a?b=\"c\"&d=\\e", H + "%22%5C%00",
                H + "a'b", H + "a`b", H + "a</script>", H + "a<!--", H + "a\\/b", H + "a\\ud800",
                H + "\\b\\f\\n\\r\\t", H + "\\x00", H + "a\\\\\",\"Resource\":\"*",
                // refused: control characters, NUL, DEL, spaces, non-ASCII, surrogates, empty
                H + "a\u0000b", H + "a\nb", H + "a\r\nb", H + "a\tb", H + "a\u001fb", H + "a\u007fb", H + "a b",
                H + "é", H + "\u2028", H + "\u0085", H + "\ud800", H + "\udc00", H + "\ud83d\ude00", H + "a\"\u0000",
                "", " ", "\u0000", "\"\n\""));
        return r;
    }

    static List<String> ipRanges() {
        return List.of("192.0.2.0/24\"", "192.0.2.0/24\",\"Resource\":\"*", "192.0.2.0/24\"}}}]}", "0.0.0.0/0\\",
                "192.0.2.1\u0000", "192.0.2.1/33", "192.0.2.1/-1", "192.0.2.1 ", "192.0.2.1\n", "::1", "1.2.3.4/24/8",
                "１.2.3.4", "192.0.2.0/24", "203.0.113.7", "0.0.0.0/0", "255.255.255.255/32");
    }

    @Test
    void inputs_atLeastFiftyResourcesAndTenIpRanges() {
        assertThat(resources()).hasSizeGreaterThanOrEqualTo(50).doesNotHaveDuplicates();
        assertThat(ipRanges()).hasSizeGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest
    @MethodSource("resources")
    void resource_refusedOrExactlyOneStatementWithThatResource(String resource) {
        CustomPolicy policy = build(() -> CustomPolicy.builder().resource(resource).expiresAt(EXP).ipRange("192.0.2.0/24")
                .build());
        if (policy == null) {
            return;
        }
        String json = policy.toJson();
        PolicyOracle.Statement s = PolicyOracle.read(json);
        assertThat(s.resource()).isEqualTo(resource);
        assertThat(s.sourceIp()).isEqualTo("192.0.2.0/24");
        assertThat(s.dateLessThan()).isEqualTo(Long.toString(EXP.getEpochSecond()));
        PolicyReader.Parsed p = PolicyReader.parse(json);
        assertThat(p.resource()).isEqualTo(resource);
        assertThat(p.sourceIpText()).isEqualTo("192.0.2.0/24");
        if (resource.indexOf('\\') < 0) {
            assertThat(json).doesNotContain("\\u0026").doesNotContain("\\/");
        }
    }

    @ParameterizedTest
    @MethodSource("ipRanges")
    void ipRange_refusedOrExactlyOneStatementWithThatRange(String ip) {
        CustomPolicy policy = build(() -> CustomPolicy.builder().resource(H + "*").expiresAt(EXP).ipRange(ip).build());
        if (policy == null) {
            return;
        }
        PolicyOracle.Statement s = PolicyOracle.read(policy.toJson());
        assertThat(s.resource()).isEqualTo(H + "*");
        assertThat(s.sourceIp()).isEqualTo(ip.strip().contains("/") ? ip.strip() : ip.strip() + "/32");
        assertThat(s.sourceIp()).matches("[0-9./]+");
    }

    /** The same inputs as canned-policy URLs: refused by the URL checks, or escaped in the canned JSON. */
    @ParameterizedTest
    @MethodSource("resources")
    void cannedUrl_refusedOrExactlyThatResource(String resource) {
        Throwable t = catchThrowable(() -> CloudFrontSigner.canonicalUrl(resource));
        if (t != null) {
            assertThat(t).isInstanceOf(SigningException.class);
            return;
        }
        String json = dev.cfsign.internal.PolicyJson.canned(CloudFrontSigner.canonicalUrl(resource), EXP.getEpochSecond());
        assertThat(PolicyOracle.read(json).resource()).isEqualTo(CloudFrontSigner.canonicalUrl(resource));
    }

    private static CustomPolicy build(java.util.function.Supplier<CustomPolicy> call) {
        try {
            return call.get();
        } catch (SigningException e) {
            assertThat(e.reason()).isIn(SigningException.Reason.INVALID_RESOURCE, SigningException.Reason.INVALID_IP_RANGE);
            return null;
        }
    }
}
