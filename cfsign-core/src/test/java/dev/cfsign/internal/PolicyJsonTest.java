package dev.cfsign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/** The policy writer, checked against public vectors and, for arbitrary input, against the AWS SDK's JSON parser. */
class PolicyJsonTest {

    @Test
    void canned_botocoreVector_exactBytes() {
        // boto/botocore tests/unit/test_signers.py: build_policy('foo', datetime(2016, 1, 1))
        assertThat(PolicyJson.canned("foo", 1451606400L))
                .isEqualTo("{\"Statement\":[{\"Resource\":\"foo\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1451606400}}}]}");
    }

    @Test
    void custom_awsCliVector_exactBytesAndPolicyParameter() {
        // aws-cli v2 tests/functional/cloudfront/test_sign.py (docs/cloudfront-rules.md §6.2): custom policy with a /32 address.
        String json = PolicyJson.custom("http://example.com/hi", 1451606400L, null, "12.34.56.78/32");
        assertThat(json).isEqualTo("{\"Statement\":[{\"Resource\":\"http://example.com/hi\",\"Condition\":{\"DateLessThan\""
                + ":{\"AWS:EpochTime\":1451606400},\"IpAddress\":{\"AWS:SourceIp\":\"12.34.56.78/32\"}}}]}");
        assertThat(CloudFrontBase64.encode(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(
                "eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiaHR0cDovL2V4YW1wbGUuY29tL2hpIiwiQ29uZGl0aW9uIjp7IkRhdGVMZXNzVGhhbiI6eyJBV1M6RXBvY2hUaW1lIjoxNDUxNjA2NDAwfSwiSXBBZGRyZXNzIjp7IkFXUzpTb3VyY2VJcCI6IjEyLjM0LjU2Ljc4LzMyIn19fV19");
    }

    @Test
    void string_ampersandSlashAndQuotes_neverHtmlEscaped() {
        // aws-sdk-go #2163: '&' as \u0026 broke multi-parameter URLs.
        assertThat(PolicyJson.canned("https://h/a?x=1&y=2/3", 1L)).contains("\"https://h/a?x=1&y=2/3\"");
        assertThat(PolicyJson.canned("a\"b\\c\n\u0001\u00e9", 1L)).contains("\"a\\\"b\\\\c\\n\\u0001\\u00e9\"");
    }

    /** Any resource string, however hostile, parses back (with an independent parser) to exactly that resource. */
    @Property(tries = 2000)
    void canned_anyResource_parsesBackToTheSameResource(@ForAll String resource, @ForAll @LongRange(min = 0, max = 2147483647L) long exp) {
        JsonNode tree = JsonNodeParser.create().parse(PolicyJson.canned(resource, exp));
        assertThat(tree.asObject()).containsOnlyKeys("Statement");
        JsonNode stmt = tree.field("Statement").get().asArray().get(0);
        assertThat(tree.field("Statement").get().asArray()).hasSize(1);
        assertThat(stmt.asObject()).containsOnlyKeys("Resource", "Condition");
        assertThat(stmt.field("Resource").get().asString()).isEqualTo(resource);
        assertThat(stmt.field("Condition").get().field("DateLessThan").get().field("AWS:EpochTime").get().asNumber())
                .isEqualTo(Long.toString(exp));
    }

    @Property(tries = 1000)
    void custom_anyResourceAndIp_parseBackToExactlyOneStatementWithThoseValues(@ForAll String resource, @ForAll String ip) {
        JsonNode tree = JsonNodeParser.create().parse(PolicyJson.custom(resource, 2000000000L, 1000000000L, ip));
        assertThat(tree.field("Statement").get().asArray()).hasSize(1);
        JsonNode stmt = tree.field("Statement").get().asArray().get(0);
        assertThat(stmt.field("Resource").get().asString()).isEqualTo(resource);
        JsonNode cond = stmt.field("Condition").get();
        assertThat(cond.asObject()).containsOnlyKeys("DateLessThan", "DateGreaterThan", "IpAddress");
        assertThat(cond.field("IpAddress").get().field("AWS:SourceIp").get().asString()).isEqualTo(ip);
    }

    @Property(tries = 1000)
    void cloudFrontBase64_anyBytes_roundTripsAndUsesOnlyTheCloudFrontAlphabet(@ForAll byte[] data) {
        net.jqwik.api.Assume.that(data.length > 0);
        String encoded = CloudFrontBase64.encode(data);
        assertThat(encoded).matches("[A-Za-z0-9~_-]+");
        assertThat(CloudFrontBase64.decode(encoded)).isEqualTo(data);
        // Independent oracle: the JDK's decoder after reversing CloudFront's substitutions.
        assertThat(Base64.getDecoder().decode(encoded.replace('-', '+').replace('_', '=').replace('~', '/'))).isEqualTo(data);
    }

    @Test
    void cloudFrontBase64_standardOrUrlSafeAlphabet_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CloudFrontBase64.decode("ab+/"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CloudFrontBase64.decode("abc="))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CloudFrontBase64.decode("abc"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
