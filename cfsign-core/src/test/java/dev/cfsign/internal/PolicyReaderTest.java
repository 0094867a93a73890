package dev.cfsign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyReaderTest {

    @Test
    void parse_sdkStyleWithSpace_parsed() {
        PolicyReader.Parsed p = PolicyReader.parse("{\"Statement\": [{\"Resource\":\"https://d.net/*\",\"Condition\":"
                + "{\"DateLessThan\":{\"AWS:EpochTime\":1767290400},\"IpAddress\":{\"AWS:SourceIp\":\"10.0.0.0/8\"},"
                + "\"DateGreaterThan\":{\"AWS:EpochTime\":1767200000}}}]}");

        assertThat(p.resource()).isEqualTo("https://d.net/*");
        assertThat(p.dateLessThan()).isEqualTo(1767290400L);
        assertThat(p.dateGreaterThan()).isEqualTo(1767200000L);
        assertThat(p.sourceIpText()).isEqualTo("10.0.0.0/8");
    }

    @Test
    void parse_prettyPrintedWithoutResource_parsed() {
        PolicyReader.Parsed p = PolicyReader.parse("{\n  \"Statement\" : [ {\n \"Condition\" : {\r\n\t\"DateLessThan\""
                + " : { \"AWS:EpochTime\" : 0 } } } ]\n}\n");

        assertThat(p.resource()).isNull();
        assertThat(p.dateLessThan()).isZero();
    }

    @Test
    void parse_escapedResource_unescaped() {
        PolicyReader.Parsed p = PolicyReader.parse("{\"Statement\":[{\"Resource\":\"https:\\/\\/d.net\\/a\\u0026b\\\"c\","
                + "\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1}}}]}");

        assertThat(p.resource()).isEqualTo("https://d.net/a&b\"c");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // bare statement object (no evidence CloudFront accepts it)
        "{\"Statement\":{\"Resource\":\"*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1}}}}",
        // two statements
        "{\"Statement\":[{\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1}}},{\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1}}}]}",
        "{\"Statement\":[]}",
        // missing DateLessThan / Condition
        "{\"Statement\":[{\"Resource\":\"*\",\"Condition\":{\"DateGreaterThan\":{\"AWS:EpochTime\":1}}}]}",
        "{\"Statement\":[{\"Resource\":\"*\"}]}",
        // milliseconds, quoted, fraction, negative, exponent, too large
        "{\"Statement\":[{\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1597969348879}}}]}",
        "{\"Statement\":[{\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":\"1597969348\"}}}]}",
        "{\"Statement\":[{\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1597969348.5}}}]}",
        "{\"Statement\":[{\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":-1}}}]}",
        "{\"Statement\":[{\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1e9}}}]}",
        "{\"Statement\":[{\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":2147483648}}}]}",
        // unknown fields, abbreviations, duplicates (JSON injection)
        "{\"Statement\":[{\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1},\"Foo\":{}}}]}",
        "{\"Statement\":[{\"Condition\":{\"DateLessThan\":{\"EpochTime\":1}}}]}",
        "{\"Statement\":[{\"Resource\":\"https://a/\",\"Resource\":\"*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1}}}]}",
        "{\"Statement\":[{\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1}}}],\"Extra\":1}",
        // S3 bucket policy
        "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}",
        // IP: IPv6, bad prefix, leading zeros
        "{\"Statement\":[{\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1},\"IpAddress\":{\"AWS:SourceIp\":\"2001:db8::/32\"}}}]}",
        "{\"Statement\":[{\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1},\"IpAddress\":{\"AWS:SourceIp\":\"10.0.0.0/33\"}}}]}",
        "{\"Statement\":[{\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1},\"IpAddress\":{\"AWS:SourceIp\":\"010.0.0.1/32\"}}}]}",
        // syntax
        "{\"Statement\":[{\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1}}}]} trailing",
        "{\"Statement\":[{\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1}}}],}",
        "[]", "", "null"})
    void parse_invalidPolicy_throwsMalformedPolicy(String json) {
        assertThatThrownBy(() -> PolicyReader.parse(json)).isInstanceOf(PolicyReader.MalformedPolicy.class);
    }

    @Test
    void parse_millisecondEpoch_kindMillisecondEpoch() {
        assertThatThrownBy(() -> PolicyReader.parse(
                "{\"Statement\":[{\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1597969348879}}}]}"))
                .isInstanceOfSatisfying(PolicyReader.MalformedPolicy.class,
                        e -> assertThat(e.kind()).isEqualTo(PolicyReader.MalformedPolicy.Kind.MILLISECOND_EPOCH));
    }

    @Test
    void parse_bareIp_treatedAsSlash32() {
        PolicyReader.Parsed p = PolicyReader.parse("{\"Statement\":[{\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\""
                + ":1},\"IpAddress\":{\"AWS:SourceIp\":\"192.0.2.7\"}}}]}");

        assertThat(p.sourceIp().prefixLength()).isEqualTo(32);
    }
}
