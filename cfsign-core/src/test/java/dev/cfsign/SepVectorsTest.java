package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfsign.internal.PolicyJson;
import dev.cfsign.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The cross-SDK "SEP" suite (smithy-rs aws-sdk-cloudfront-signer tests/test-cases.json, commit b30f049; docs/cloudfront-rules.md §6.1).
 * RSA PKCS#1 v1.5 is deterministic, so every RSA signature is pinned byte for byte. The key is RSA-1024 (legacy size).
 */
class SepVectorsTest {
    static final String RSA_KEY = "-----BEGIN PRIVATE KEY-----\n"
            + "MIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJdAgEAAoGBAL1XcBtoCSzdyqqm\n"
            + "CFfh0XeLiuCtlE6bXUbscAbl7AUISzbQNKzgO1FwRBDMddfYyOQ/2nDPzLhgAK2E\n"
            + "Kv+dEi4/YEdLg2cbOaxjfhSn6ycwM+C502Ls/CtxHICcqs4cQs7BTlFfk32gy7Oq\n"
            + "kLTbTttIGMWasBAQHLhbJZstDp2vAgMBAAECgYAoujMqIgG/PeIHPPmUdcWJ0mFI\n"
            + "HO5GzlKNG/So9zICjxsmqjh6ay03Qk/R0TkT+dSUjEufcoNVsYjTyhc5rn6nR0SK\n"
            + "UL2IG5r6yFzlh+27u0/CzR1x61zWj01FwI8tacyR1tskyt7jqvT6eYFb1in2BDlE\n"
            + "qdNgTxVrjVBlxU6hkQJBAON8RGwO3g5Pxt0k0yQ6uSu3xj1/2uq4njKcoDgyFcNp\n"
            + "M7ZFW8SX0ZZw3wqSPlzs7mRI79b+G+M97nBw78kdKBkCQQDVEy4WnA3VRSlBRjVH\n"
            + "HwLyK7B9FaRJi70cb0JePnazEZS74FeT6BFW0HsNNeq+awCEcvemKpsOa8nr8QgM\n"
            + "K00HAkEA2keyS9GURz1Lf4VHSHtElOt5QCe/wvw1aDEcF/APK/t1UE+LN7/Jr0ZM\n"
            + "7pLXXklGklneMXiQ/+K8OY5Ut7DPeQJAATjy8r5Cdg7HhdBZTecnpSwK/yy4nJNo\n"
            + "qlkZEGFbXPuk1s8asYaLUuwvSIwepKkIf7oJIbLs4NBNgEUJvsgg0QJBAJx2KEC9\n"
            + "KMs82U4qjLE5vA87r4s4llGgvR+QsYfiwr8LUMlN47DLGrjNpb3JZ58j9Cw3zFPh\n"
            + "yLL0lGtqf49VRDs=\n"
            + "-----END PRIVATE KEY-----\n";
    static final String EC_KEY = "-----BEGIN PRIVATE KEY-----\n"
            + "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgrYlqAmw042lSYigS\n"
            + "/hH1a8NamwSmZHOnIfkoDPMjHbKhRANCAAS70BK5GOWO0HlQcodlwYOKG45Ng7cd\n"
            + "agIYyRgZUEId3gsFY43KtQPcgKLUQ1NPOJyuFcYCtki460UsOV1ThTxP\n"
            + "-----END PRIVATE KEY-----\n";
    static final String EC_PUBLIC = "-----BEGIN PUBLIC KEY-----\n"
            + "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEu9ASuRjljtB5UHKHZcGDihuOTYO3\n"
            + "HWoCGMkYGVBCHd4LBWONyrUD3ICi1ENTTzicrhXGArZIuOtFLDldU4U8Tw==\n"
            + "-----END PUBLIC KEY-----\n";

    static final Instant EXP = Instant.ofEpochSecond(1767290400L); // 2026-01-01T18:00:00Z
    static final Instant ACTIVE = Instant.ofEpochSecond(1767200000L);
    static final Clock BEFORE = Clock.fixed(Instant.ofEpochSecond(1767100000L), ZoneOffset.UTC);

    private static CloudFrontSigner signer(String keyPem, String family, String id) {
        return CloudFrontSigner.builder().keyPairId(id).signingKey(SigningKey.of(TestKeys.jdkPkcs8(keyPem, family)))
                .clock(BEFORE).build();
    }

    static final CloudFrontSigner RSA = signer(RSA_KEY, "RSA", "K1TESTKEY");

    @Test
    void signUrl_cannedBasic_matchesVector() {
        SignedUrl url = RSA.signUrl("https://d111111abcdef8.cloudfront.net/image.jpg", EXP);
        assertThat(url.policy().toJson()).isEqualTo(
                "{\"Statement\":[{\"Resource\":\"https://d111111abcdef8.cloudfront.net/image.jpg\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1767290400}}}]}");
        assertThat(url.url()).isEqualTo("https://d111111abcdef8.cloudfront.net/image.jpg?Expires=1767290400&Signature="
                + "iONoMLnhiCy9q1~WB9GkR2DiHz18I85i3o6kZ64REf-fCSOg-AyXEZiq7fJuS~DT-kbZXjVpgIQqI4sCTcBW9XpO6dyJ5sh8Igk3V~OVncS9acGVnI~ZhHBWiGhU8GmkEMAhn6R2RGO-wKGClrXdJGEUE26XoALdHUzHbmU6AGI_"
                + "&Key-Pair-Id=K1TESTKEY");
    }

    @Test
    void signUrl_cannedExistingParams_matchesVector() {
        SignedUrl url = RSA.signUrl("https://d111111abcdef8.cloudfront.net/image.jpg?size=large", EXP);
        assertThat(url.url()).isEqualTo("https://d111111abcdef8.cloudfront.net/image.jpg?size=large&Expires=1767290400&Signature="
                + "kx5dxV5cSW50EuCMtYi9JI0D5H97if~zNqwKxZtS7FPc3NV5oi~zCb45ti8ve-YDYw45hzN4lceF6zhW~STVWa7r7fC9wi5XBG1T6ZT2b9R0wMWmGxsy9uVGXFn6JqcjQMsq09MnWrPezK0qFQ2X6pV1nGQqLQZ2sgO~FSlEoCo_"
                + "&Key-Pair-Id=K1TESTKEY");
    }

    @Test
    void signUrl_customActiveDate_matchesVector() {
        SignedUrl url = RSA.signUrl("https://d111111abcdef8.cloudfront.net/video.mp4",
                CustomPolicy.builder().expiresAt(EXP).activeFrom(ACTIVE).build());
        String json = "{\"Statement\":[{\"Resource\":\"https://d111111abcdef8.cloudfront.net/video.mp4\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1767290400},\"DateGreaterThan\":{\"AWS:EpochTime\":1767200000}}}]}";
        assertThat(url.policy().toJson()).isEqualTo(json);
        assertThat(url.url()).isEqualTo("https://d111111abcdef8.cloudfront.net/video.mp4?Policy="
                + new String(java.util.Base64.getEncoder().encode(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII)
                        .replace('+', '-').replace('=', '_').replace('/', '~')
                + "&Signature=aF0WSOV6dkNn-D0HJ~-EwLG69-4QZZ9dv1PgAZEsER~WXkaNa1pBM2aTVXrskBWVHUU6hc1nD6ZKYgBS5Sb9JluFVT0MbQWR~DrtUGu8ugCsnfzUe6ov38nFPBwQICY~jnoQZEXxO2ZkQrluOO4~jWOpqAGrCw5tkdHAnb9gHYQ_"
                + "&Key-Pair-Id=K1TESTKEY");
    }

    @Test
    void signUrl_customIpRange_matchesVector() {
        SignedUrl url = RSA.signUrl("https://d111111abcdef8.cloudfront.net/document.pdf",
                CustomPolicy.builder().expiresAt(EXP).ipRange("192.168.0.0/24").build());
        assertThat(url.policy().toJson()).isEqualTo(
                "{\"Statement\":[{\"Resource\":\"https://d111111abcdef8.cloudfront.net/document.pdf\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1767290400},\"IpAddress\":{\"AWS:SourceIp\":\"192.168.0.0/24\"}}}]}");
        assertThat(signatureOf(url.url())).isEqualTo(
                "fq~vePR~kmc5kWDveZOJ3j6PSYRsHSSanN1shBBpj2rQwvVQPU8e9MRwUDizOYHLnuAXQG89Xm7kXL03HIX0uzELcY2Q6Bw68BcGQHq-nyC2U6h0Uv277pg~FIwatR84y1FZiswIVmZwfPmpkvR0X~1skuooCPGiztAXREe-hsg_");
    }

    @Test
    void signUrl_customWildcardResource_matchesVector() {
        SignedUrl url = RSA.signUrl("https://d111111abcdef8.cloudfront.net/images/photo1.jpg",
                CustomPolicy.builder().resource("https://d111111abcdef8.cloudfront.net/images/*").expiresAt(EXP).build());
        assertThat(url.url()).startsWith("https://d111111abcdef8.cloudfront.net/images/photo1.jpg?Policy=");
        assertThat(url.policy().toJson()).isEqualTo(
                "{\"Statement\":[{\"Resource\":\"https://d111111abcdef8.cloudfront.net/images/*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1767290400}}}]}");
        assertThat(signatureOf(url.url())).isEqualTo(
                "nP~GtuBVUSEUDMXW1ZTGTx~BUQfjl7FsWBQBKwnTNhHlBAeYlzdbMGMphViPQbjawdYt1Z~iBHDr0ctooQyhEdsXwZPQKmRJQm3yIxmbvnuCzB2qdMDVGRKH8l3PnfAJErrgUVIzb6m3KUdtIDvSkLV~Mb0tyQJwZ6QE4BdlEmQ_");
    }

    @Test
    void signCookies_canned_matchesVector() {
        SignedCookies c = RSA.signCookies("https://d111111abcdef8.cloudfront.net/image.jpg", EXP);
        assertThat(c.asMap()).containsExactly(
                java.util.Map.entry("CloudFront-Expires", "1767290400"),
                java.util.Map.entry("CloudFront-Signature", "iONoMLnhiCy9q1~WB9GkR2DiHz18I85i3o6kZ64REf-fCSOg-AyXEZiq7fJuS~DT-kbZXjVpgIQqI4sCTcBW9XpO6dyJ5sh8Igk3V~OVncS9acGVnI~ZhHBWiGhU8GmkEMAhn6R2RGO-wKGClrXdJGEUE26XoALdHUzHbmU6AGI_"),
                java.util.Map.entry("CloudFront-Key-Pair-Id", "K1TESTKEY"));
    }

    @Test
    void signCookies_customIpWildcard_matchesVector() {
        SignedCookies c = RSA.signCookies(CustomPolicy.builder().resource("https://d111111abcdef8.cloudfront.net/*")
                .expiresAt(EXP).ipRange("10.0.0.0/8").build());
        assertThat(c.asMap()).containsExactly(
                java.util.Map.entry("CloudFront-Policy", "eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiaHR0cHM6Ly9kMTExMTExYWJjZGVmOC5jbG91ZGZyb250Lm5ldC8qIiwiQ29uZGl0aW9uIjp7IkRhdGVMZXNzVGhhbiI6eyJBV1M6RXBvY2hUaW1lIjoxNzY3MjkwNDAwfSwiSXBBZGRyZXNzIjp7IkFXUzpTb3VyY2VJcCI6IjEwLjAuMC4wLzgifX19XX0_"),
                java.util.Map.entry("CloudFront-Signature", "r28Jnd0t9aq7cu0k9jGWl4L0YsRxgueZtGRw5oEEspU9-eIPGM~ZGMQh36~5HpKC5c67cZjDgJcsqrCacmTHMZZx613gbeYAsx2-hEatU8URiuNHnVp4hPV3HqtbuZ6Din9iEZUpOBYVg6DWGEFJRCQ7SPouBhhJdYDZZOPHGpA_"),
                java.util.Map.entry("CloudFront-Key-Pair-Id", "K1TESTKEY"));
    }

    @Test
    void signUrl_ecdsaCanned_verifiesWithVectorPublicKey() {
        CloudFrontSigner ec = signer(EC_KEY, "EC", "K2ECDSATEST");
        SignedUrl url = ec.signUrl("https://d111111abcdef8.cloudfront.net/video.mp4", EXP);
        PublicKey pub = TestKeys.jdkSpki(EC_PUBLIC, "EC");
        byte[] policy = url.policy().toJson().getBytes(StandardCharsets.UTF_8);
        assertThat(url.url()).startsWith("https://d111111abcdef8.cloudfront.net/video.mp4?Expires=1767290400&Signature=")
                .endsWith("&Key-Pair-Id=K2ECDSATEST");
        assertThat(TestKeys.jdkVerify("SHA1withECDSA", pub, policy, signatureOf(url.url()))).isTrue();
        // The suite's own ECDSA signature (made by the Rust p256 crate) verifies over the same policy bytes.
        assertThat(TestKeys.jdkVerify("SHA1withECDSA", pub, policy,
                "MEQCIDS3JTjLLIRne5G3fDjf6MwgCmckmYVlJhqGVMl0Q4reAiBjXw1FMf9j03wqAHeE4LfRPjOVkp-jWhmDfHVwd7kkpA__")).isTrue();
    }

    @Test
    void customPolicy_missingExpiration_errorNamesExpirationRequired() {
        assertThatThrownBy(() -> CustomPolicy.builder().resource("https://d111111abcdef8.cloudfront.net/file.txt").build())
                .isInstanceOf(SigningException.class)
                .satisfies(e -> assertThat(((SigningException) e).reason()).isEqualTo(SigningException.Reason.MISSING_EXPIRATION))
                .hasMessageContaining("expiration").hasMessageContaining("required");
    }

    @Test
    void customPolicy_activeAfterExpiration_errorNamesActiveBeforeExpiration() {
        assertThatThrownBy(() -> CustomPolicy.builder().resource("https://d111111abcdef8.cloudfront.net/file.txt")
                .expiresAt(Instant.ofEpochSecond(1767200000L)).activeFrom(Instant.ofEpochSecond(1767290400L)).build())
                .isInstanceOf(SigningException.class)
                .satisfies(e -> assertThat(((SigningException) e).reason()).isEqualTo(SigningException.Reason.ACTIVE_AFTER_EXPIRATION))
                .hasMessageContaining("active").hasMessageContaining("before").hasMessageContaining("expiration");
    }

    @Test
    void signPolicy_jsonInjectionInResource_isEscapedAndMatchesVector() {
        String resource = "https://example.com/file\",\"Resource\":\"*\",\"x\":\"";
        CannedPolicy policy = Policy.canned(resource, EXP);
        assertThat(policy.toJson()).isEqualTo(
                "{\"Statement\":[{\"Resource\":\"https://example.com/file\\\",\\\"Resource\\\":\\\"*\\\",\\\"x\\\":\\\"\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1767290400}}}]}");
        assertThat(RSA.signPolicy(policy)).isEqualTo(
                "MNP0XV-bmzo5xrYyBU8m8mR3Yd0XdoB6UFAjxEt2R4VaNYtgvVYyIuI9hzD7KXX-GdBJUyqWG7wQIUJeBbEhPz7WzGKhlM1NqRW9EPGK-BwYjiLfDagfv-SHjOvIvNaWAhkaAkAlDJQ7qwzbogLAEsxboR9Ae47b6sSqBPxognM_");
        // The URL signer itself refuses such a URL: a '"' must be percent-encoded before a browser sends it.
        assertThatThrownBy(() -> RSA.signUrl(resource, EXP)).isInstanceOf(SigningException.class)
                .satisfies(e -> assertThat(((SigningException) e).reason()).isEqualTo(SigningException.Reason.INVALID_URL));
    }

    @Test
    void policyJson_jsonInjectionInIpRange_isEscapedAndMatchesVector() {
        String ip = "192.168.0.0/24\",\"IpAddress\":{\"AWS:SourceIp\":\"0.0.0.0/0";
        String json = PolicyJson.custom("https://d111111abcdef8.cloudfront.net/image.jpg", 1767290400L, null, ip);
        assertThat(json).isEqualTo(
                "{\"Statement\":[{\"Resource\":\"https://d111111abcdef8.cloudfront.net/image.jpg\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":1767290400},\"IpAddress\":{\"AWS:SourceIp\":\"192.168.0.0/24\\\",\\\"IpAddress\\\":{\\\"AWS:SourceIp\\\":\\\"0.0.0.0/0\"}}}]}");
        String sig = dev.cfsign.internal.CloudFrontBase64.encode(new dev.cfsign.internal.SignatureEngine(
                TestKeys.jdkPkcs8(RSA_KEY, "RSA"), null, "RSA", HashAlgorithm.SHA1, null).sign(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(sig).isEqualTo(
                "k6A6kB9E5e~r3UKIhiRgjog0nGsXv2XaytBiZFAKvGSYuQpzx3rRRp1HSfxK-kIkC0cV2EqWFBAYQeVMMmEr-MOoMGHlWzvQgkIVFeolfU1kJk15u9qLeSbKOslgYYcJQpJlonA31H52CzmhKpsE9QJQZhfmaYxJzZQWEDpnUkM_");
        // The public API goes further and refuses anything that is not an IPv4 address or CIDR block.
        assertThatThrownBy(() -> CustomPolicy.builder().expiresAt(EXP).ipRange(ip)).isInstanceOf(SigningException.class)
                .satisfies(e -> assertThat(((SigningException) e).reason()).isEqualTo(SigningException.Reason.INVALID_IP_RANGE));
    }

    static String signatureOf(String url) {
        int s = url.indexOf("Signature=") + "Signature=".length();
        int e = url.indexOf('&', s);
        return e < 0 ? url.substring(s) : url.substring(s, e);
    }
}
