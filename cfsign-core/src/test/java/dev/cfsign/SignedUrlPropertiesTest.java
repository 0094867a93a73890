package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Any single-byte change to a signed custom policy or to its signature fails verification with the JDK. */
class SignedUrlPropertiesTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final CloudFrontSigner RSA = CloudFrontSigner.builder().keyPairId("K1")
            .signingKey(TestKeys.signingKey(TestKeys.RSA_2048)).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    static final SignedUrl URL = RSA.signUrl("https://cdn.example.com/videos/a.mp4?x=1",
            CustomPolicy.builder().resource("https://cdn.example.com/videos/*").expiresAt(NOW.plusSeconds(3600))
                    .ipRange("198.51.100.0/24").build());
    static final byte[] POLICY = TestKeys.cfDecode(AwsSdkParityTest.param(URL.url(), "Policy"));
    static final byte[] SIGNATURE = TestKeys.cfDecode(AwsSdkParityTest.param(URL.url(), "Signature"));

    @Property(tries = 300)
    void anyByteChangeInPolicy_failsVerification(@ForAll @IntRange(min = 0, max = 10_000) int position,
            @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] p = POLICY.clone();
        p[position % p.length] ^= (byte) xor;
        assertThat(TestKeys.jdkVerify("SHA1withRSA", TestKeys.RSA_2048.getPublic(), p,
                dev.cfsign.internal.CloudFrontBase64.encode(SIGNATURE))).isFalse();
    }

    @Property(tries = 300)
    void anyByteChangeInSignature_failsVerification(@ForAll @IntRange(min = 0, max = 10_000) int position,
            @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] s = SIGNATURE.clone();
        s[position % s.length] ^= (byte) xor;
        assertThat(TestKeys.jdkVerify("SHA1withRSA", TestKeys.RSA_2048.getPublic(), POLICY,
                dev.cfsign.internal.CloudFrontBase64.encode(s))).isFalse();
    }

    @Property(tries = 1)
    void unchanged_verifies() {
        assertThat(new String(POLICY, StandardCharsets.UTF_8)).isEqualTo(URL.policy().toJson());
        assertThat(TestKeys.jdkVerify("SHA1withRSA", TestKeys.RSA_2048.getPublic(), POLICY,
                dev.cfsign.internal.CloudFrontBase64.encode(SIGNATURE))).isTrue();
    }
}
