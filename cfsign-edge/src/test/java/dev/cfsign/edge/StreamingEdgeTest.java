package dev.cfsign.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CustomPolicy;
import dev.cfsign.SignedUrl;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --sign-manifests, --cors, content types and S3-style missing objects, on the edge's real handlers. */
class StreamingEdgeTest {
    static final String MASTER = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nlow/index.m3u8\n"
            + "#EXT-X-STREAM-INF:BANDWIDTH=2\nhttps://elsewhere.example.com/x.m3u8\n";
    static final String MEDIA = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-KEY:METHOD=AES-128,URI=\"../k/key.key\"\n"
            + "#EXTINF:2,\nseg0.ts\n#EXT-X-ENDLIST\n";

    @TempDir
    Path root;
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));
    CloudFrontSigner signer = TestKeys.ecSigner(clock);
    LocalEdge edge;

    @AfterEach
    void tearDown() throws Exception {
        if (edge != null) {
            edge.close();
        }
    }

    void start(StreamingOptions streaming) throws Exception {
        Files.createDirectories(root.resolve("v/s1/low"));
        Files.createDirectories(root.resolve("v/s1/k"));
        Files.writeString(root.resolve("v/s1/master.m3u8"), MASTER);
        Files.writeString(root.resolve("v/s1/low/index.m3u8"), MEDIA);
        Files.write(root.resolve("v/s1/low/seg0.ts"), new byte[] {0x47, 1, 2});
        Files.write(root.resolve("v/s1/k/key.key"), new byte[16]);
        Files.writeString(root.resolve("v/s1/a.vtt"), "WEBVTT\n");
        edge = new LocalEdge(EdgeConfig.builder().root(root).protect("/v/*").trust(TestKeys.EC_ID, TestKeys.ecPublic())
                .clock(clock).streaming(streaming));
    }

    String folderLink(String path) {
        SignedUrl u = signer.signUrl(TestKeys.BASE + path, CustomPolicy.builder().resource(TestKeys.BASE + "/v/s1/*")
                .expiresAt(clock.instant().plusSeconds(600)).build());
        return u.url().substring(TestKeys.BASE.length());
    }

    @Test
    void aUrlSignedMasterLeadsThroughEveryPlaylistKeyAndSegment() throws Exception {
        start(StreamingOptions.DEFAULTS.withSignManifests(true));
        String master = folderLink("/v/s1/master.m3u8");
        HttpTester.Response m = edge.get(master);
        assertThat(m.getStatus()).isEqualTo(200);
        assertThat(m.get("Content-Type")).isEqualTo("application/vnd.apple.mpegurl");
        assertThat(m.get("Cache-Control")).isEqualTo("private, no-store");
        String[] lines = m.getContent().split("\n");
        String query = master.substring(master.indexOf('?') + 1);
        assertThat(lines[2]).isEqualTo("low/index.m3u8?" + query);
        assertThat(lines[4]).isEqualTo("https://elsewhere.example.com/x.m3u8");
        assertThat(Integer.parseInt(m.get("Content-Length"))).isEqualTo(m.getContentBytes().length);

        String variant = URI.create("http://h" + master).resolve(lines[2]).getRawPath() + "?" + query;
        HttpTester.Response v = edge.get(variant);
        assertThat(v.getStatus()).isEqualTo(200);
        String keyLine = v.getContent().split("\n")[2];
        assertThat(keyLine).isEqualTo("#EXT-X-KEY:METHOD=AES-128,URI=\"../k/key.key?" + query + "\"");
        assertThat(v.getContent()).contains("\nseg0.ts?" + query + "\n");
        HttpTester.Response seg = edge.get("/v/s1/low/seg0.ts?" + query);
        assertThat(seg.getStatus()).isEqualTo(200);
        assertThat(seg.get("Content-Type")).isEqualTo("video/mp2t");
        assertThat(edge.get("/v/s1/k/key.key?" + query).getStatus()).isEqualTo(200);
        assertThat(edge.get("/v/s1/low/seg0.ts").getStatus()).isEqualTo(403);
    }

    @Test
    void withoutTheOptionOrWithCookiesTheManifestIsServedAsStored() throws Exception {
        start(StreamingOptions.DEFAULTS);
        HttpTester.Response m = edge.get(folderLink("/v/s1/master.m3u8"));
        assertThat(m.getContent()).isEqualTo(MASTER);
        assertThat(m.get("Content-Type")).isEqualTo("application/vnd.apple.mpegurl");
        edge.close();
        edge = null;
        start(StreamingOptions.DEFAULTS.withSignManifests(true));
        String cookies = signer.signCookies(CustomPolicy.builder().resource(TestKeys.BASE + "/v/s1/*")
                .expiresAt(clock.instant().plusSeconds(600)).build()).toCookieHeader();
        HttpTester.Response c = edge.get("/v/s1/master.m3u8", "Cookie: " + cookies);
        assertThat(c.getStatus()).isEqualTo(200);
        assertThat(c.getContent()).isEqualTo(MASTER);
    }

    @Test
    void theManifestIsFoundByTheServedPath_andItsUrisResolveAgainstTheRequestedOne() throws Exception {
        start(StreamingOptions.DEFAULTS.withSignManifests(true));
        Files.createSymbolicLink(root.resolve("v/s1/live"), Path.of("master.m3u8"));
        String live = folderLink("/v/s1/live");
        HttpTester.Response m = edge.get(live);
        assertThat(m.getStatus()).isEqualTo(200);
        assertThat(m.get("Content-Type")).isEqualTo("application/vnd.apple.mpegurl");
        assertThat(m.getContent().split("\n")[2]).isEqualTo("low/index.m3u8?" + live.substring(live.indexOf('?') + 1));
    }

    @Test
    void aRangeForAManifestStillGetsTheWholeRewrittenBody() throws Exception {
        start(StreamingOptions.DEFAULTS.withSignManifests(true));
        HttpTester.Response m = edge.get(folderLink("/v/s1/master.m3u8"), "Range: bytes=0-3");
        assertThat(m.getStatus()).isEqualTo(200);
        assertThat(m.getContent()).contains("low/index.m3u8?Policy=");
    }

    @Test
    void aMissingManifestAndAHeadPassThroughUnrewritten() throws Exception {
        start(StreamingOptions.DEFAULTS.withSignManifests(true));
        HttpTester.Response missing = edge.get(folderLink("/v/s1/nope.m3u8"));
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContent()).contains("<Code>NoSuchKey</Code>");
        HttpTester.Response head = edge.request("HEAD", folderLink("/v/s1/master.m3u8"));
        assertThat(head.getStatus()).isEqualTo(200);
        assertThat(head.get("Content-Length")).isEqualTo(Integer.toString(MASTER.length()));
    }

    @Test
    void missingObjectsAnswerAsS3() throws Exception {
        start(StreamingOptions.DEFAULTS);
        HttpTester.Response r = edge.get(folderLink("/v/s1/nope.ts"));
        assertThat(r.getStatus()).isEqualTo(404);
        assertThat(r.get("Content-Type")).isEqualTo("application/xml");
        assertThat(r.getContent()).contains("<Code>NoSuchKey</Code>").doesNotContain("nope");
        edge.close();
        edge = null;
        start(StreamingOptions.DEFAULTS.withHideMissingObjects(true));
        HttpTester.Response hidden = edge.get(folderLink("/v/s1/nope.ts"));
        assertThat(hidden.getStatus()).isEqualTo(403);
        assertThat(hidden.getContent()).contains("<Code>AccessDenied</Code>");
    }

    @Test
    void corsHeadersOnAnswersAndDenialsAndPreflightsAnsweredWithoutABody() throws Exception {
        start(StreamingOptions.DEFAULTS.withCorsOrigin("http://player.test"));
        HttpTester.Response ok = edge.get(folderLink("/v/s1/a.vtt"), "Origin: http://player.test");
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(ok.get("Access-Control-Allow-Origin")).isEqualTo("http://player.test");
        assertThat(ok.get("Content-Type")).startsWith("text/vtt");
        HttpTester.Response denied = edge.get("/v/s1/a.vtt", "Origin: http://player.test");
        assertThat(denied.getStatus()).isEqualTo(403);
        assertThat(denied.get("Access-Control-Allow-Origin")).isEqualTo("http://player.test");
        HttpTester.Response other = edge.get(folderLink("/v/s1/a.vtt"), "Origin: http://evil.test");
        assertThat(other.get("Access-Control-Allow-Origin")).isNull();
        HttpTester.Response pre = edge.request("OPTIONS", "/v/s1/a.vtt", "Origin: http://player.test",
                "Access-Control-Request-Method: GET", "Access-Control-Request-Headers: range");
        assertThat(pre.getStatus()).isEqualTo(204);
        assertThat(pre.get("Access-Control-Allow-Methods")).isEqualTo("GET, HEAD");
        assertThat(pre.get("Access-Control-Allow-Headers")).isEqualTo("range");
        assertThat(pre.getContentBytes()).isNullOrEmpty();
    }
}
