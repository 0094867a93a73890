package dev.cfsign.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CloudFrontVerifier;
import dev.cfsign.CustomPolicy;
import dev.cfsign.ViewerRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.model.CannedSignerRequest;

/** Signing for real: every URI the rewriter signed is allowed by the verifier; per-URI links match the AWS SDK. */
class ManifestSignerTest {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final CloudFrontSigner SIGNER = CloudFrontSigner.builder().keyPairId("K2JCJMDEHXQW5F")
            .signingKey(MediaTestKeys.signingKey()).clock(CLOCK).build();
    static final CloudFrontVerifier VERIFIER = CloudFrontVerifier.builder().trust("K2JCJMDEHXQW5F", MediaTestKeys.pub())
            .clock(CLOCK).build();
    static final String MASTER = "https://cdn.example.com/videos/s1/master.m3u8";
    static final String PLAYLIST = "#EXTM3U\n#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",NAME=\"en\",URI=\"audio/en.m3u8\"\n"
            + "#EXT-X-STREAM-INF:BANDWIDTH=1,AUDIO=\"a\"\nlow/index.m3u8\n"
            + "#EXT-X-STREAM-INF:BANDWIDTH=2\nhttps://cdn.example.com/videos/s2/index.m3u8\n";

    @Test
    void oneFolderPolicyIsSignedOnceAndEveryRewrittenUriIsAllowed() {
        ManifestSigner streams = ManifestSigner.builder(SIGNER).validFor(Duration.ofHours(2)).build();
        String out = new String(streams.sign(MASTER, PLAYLIST.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        List<String> signed = requestedUrls(out);
        assertThat(signed).hasSize(2).allSatisfy(url -> assertThat(VERIFIER.check(ViewerRequest.of(url)).isAllowed())
                .as(url).isTrue());
        assertThat(signed).allSatisfy(url -> assertThat(url).contains("Policy="));
        assertThat(out).contains("\nhttps://cdn.example.com/videos/s2/index.m3u8\n");
        assertThat(streams.resourceFor(MASTER)).isEqualTo("https://cdn.example.com/videos/s1/*");
    }

    @Test
    void perUriLinksAreTheSdksCannedLinksByteForByte() throws Exception {
        ManifestSigner streams = ManifestSigner.builder(SIGNER).validFor(Duration.ofHours(2)).perUri(true).build();
        String out = new String(streams.sign(MASTER, PLAYLIST.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        Path pem = Files.createTempFile("k", ".pem");
        try {
            Files.writeString(pem, SIGNER.signingKey().exportPkcs8Pem());
            for (String rel : List.of("audio/en.m3u8", "low/index.m3u8")) {
                String url = "https://cdn.example.com/videos/s1/" + rel;
                String sdk = CloudFrontUtilities.create().getSignedUrlWithCannedPolicy(CannedSignerRequest.builder()
                        .resourceUrl(url).keyPairId("K2JCJMDEHXQW5F").privateKey(pem)
                        .expirationDate(NOW.plus(Duration.ofHours(2))).build()).url();
                assertThat(out).contains(rel + sdk.substring(url.length()));
            }
        } finally {
            Files.delete(pem);
        }
    }

    @Test
    void aPolicyWithItsOwnResourceDecidesTheScope() {
        CustomPolicy policy = CustomPolicy.builder().resource("https://cdn.example.com/videos/*")
                .expiresAt(NOW.plusSeconds(600)).build();
        ManifestSigner streams = ManifestSigner.builder(SIGNER).policy(policy).build();
        String out = new String(streams.sign(MASTER, PLAYLIST.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        List<String> signed = requestedUrls(out);
        assertThat(signed).hasSize(3).allSatisfy(url -> assertThat(VERIFIER.check(ViewerRequest.of(url)).isAllowed())
                .as(url).isTrue());
    }

    @Test
    void theStringFormNamesNoSignature() {
        ManifestSigner streams = ManifestSigner.builder(SIGNER).validFor(Duration.ofHours(2)).build();
        assertThat(streams.rewriterFor(MASTER).toString()).doesNotContain("Signature=").doesNotContain("Policy=");
    }

    /** The URLs a player requests for the signed references of a playlist (URI lines and URI attributes). */
    static List<String> requestedUrls(String playlist) {
        List<String> out = new ArrayList<>();
        for (String line : playlist.split("\n")) {
            String ref = null;
            int at = line.indexOf("URI=\"");
            if (line.startsWith("#") && at >= 0) {
                ref = line.substring(at + 5, line.indexOf('"', at + 5));
            } else if (!line.startsWith("#") && !line.isBlank()) {
                ref = line;
            }
            if (ref != null && ref.contains("Signature=")) {
                out.add(java.net.URI.create(MASTER).resolve(ref).toString());
            }
        }
        return out;
    }
}
