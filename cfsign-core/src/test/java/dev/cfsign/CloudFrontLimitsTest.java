package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfsign.keys.SigningKey;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The URL limit counts the same bytes in the signer as on the request line the edge reads. */
class CloudFrontLimitsTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void requestTargetBytes_absoluteUrlAndRequestLineAgree() {
        String url = "https://cdn.example.com:8443/a%20b/%C3%A9.txt?x=1&y=%2F#frag";
        URI u = URI.create(url);
        assertThat(CloudFrontLimits.requestTargetBytes(url))
                .isEqualTo(CloudFrontLimits.requestTargetBytes(u.getRawPath(), u.getRawQuery()))
                .isEqualTo("/a%20b/%C3%A9.txt?x=1&y=%2F".length());
        assertThat(CloudFrontLimits.requestTargetBytes("https://cdn.example.com")).isEqualTo(1);
        assertThat(CloudFrontLimits.requestTargetBytes("/é", null)).isEqualTo(3);
    }

    @Test
    void signer_hostIsNotCounted_pathAndQueryAre() {
        CloudFrontSigner signer = CloudFrontSigner.builder().keyPairId("K2JCJMDEHXQW5F")
                .signingKey(SigningKey.of(TestKeys.RSA_2048.getPrivate()))
                .clock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC)).build();
        String path = "/a.txt?q=";
        // Probe how many bytes signing adds, then fill the request target to exactly the limit.
        String probe = signer.signUrl("https://h.example" + path, NOW.plusSeconds(60)).url();
        int added = probe.length() - ("https://h.example" + path).length();
        String fill = "x".repeat(CloudFrontLimits.MAX_URL_BYTES - path.length() - added);
        String longHost = "https://" + "h".repeat(200) + ".example";
        String atLimit = signer.signUrl(longHost + path + fill, NOW.plusSeconds(60)).url();
        assertThat(CloudFrontLimits.requestTargetBytes(atLimit)).isEqualTo(CloudFrontLimits.MAX_URL_BYTES);
        assertThat(atLimit.length()).isGreaterThan(CloudFrontLimits.MAX_URL_BYTES);
        assertThatThrownBy(() -> signer.signUrl(longHost + path + fill + "x", NOW.plusSeconds(60)))
                .isInstanceOf(SigningException.class).hasMessageContaining("8192");
    }
}
