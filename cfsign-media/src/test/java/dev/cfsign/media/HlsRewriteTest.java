package dev.cfsign.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HLS rewriter with a fixed query, tag by tag: what gets the query, what stays byte for byte. */
class HlsRewriteTest {
    static final String Q = "Policy=eyJ9&Signature=abc~_-&Key-Pair-Id=K2JCJMDEHXQW5F";
    static final String BASE = "https://cdn.example.com/videos/s1/master.m3u8";
    static final ManifestRewriter REWRITER = ManifestRewriter.appending("https://cdn.example.com/videos/s1/*", Q);

    static String rewrite(String playlist) {
        return rewrite(BASE, playlist);
    }

    static String rewrite(String base, String playlist) {
        return new String(REWRITER.rewrite(base, playlist.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void uriLinesGetTheQueryRelativeStaysRelative() {
        String in = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-STREAM-INF:BANDWIDTH=800000\nlow/index.m3u8\n"
                + "#EXTINF:2.0,\nseg0.ts?v=1\n#EXTINF:2.0,\nhttps://cdn.example.com/videos/s1/seg1.ts\n#EXT-X-ENDLIST\n";
        assertThat(rewrite(in)).isEqualTo("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-STREAM-INF:BANDWIDTH=800000\n"
                + "low/index.m3u8?" + Q + "\n#EXTINF:2.0,\nseg0.ts?v=1&" + Q + "\n#EXTINF:2.0,\n"
                + "https://cdn.example.com/videos/s1/seg1.ts?" + Q + "\n#EXT-X-ENDLIST\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "EXT-X-KEY|METHOD=AES-128,URI=\"k/key.bin\",IV=0x1|URI",
        "EXT-X-SESSION-KEY|METHOD=AES-128,URI=\"k/key.bin\"|URI",
        "EXT-X-MAP|URI=\"init.mp4\",BYTERANGE=\"720@0\"|URI",
        "EXT-X-MEDIA|TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"en\",URI=\"audio/en.m3u8\"|URI",
        "EXT-X-I-FRAME-STREAM-INF|BANDWIDTH=86000,URI=\"iframe.m3u8\"|URI",
        "EXT-X-PART|DURATION=0.33,URI=\"part1.0.mp4\",INDEPENDENT=YES|URI",
        "EXT-X-PRELOAD-HINT|TYPE=PART,URI=\"part1.1.mp4\"|URI",
        "EXT-X-RENDITION-REPORT|URI=\"../s1/low.m3u8\",LAST-MSN=4|URI",
        "EXT-X-SESSION-DATA|DATA-ID=\"com.example\",URI=\"data.json\"|URI",
        "EXT-X-CONTENT-STEERING|SERVER-URI=\"steer.json\",PATHWAY-ID=\"A\"|SERVER-URI",
        "EXT-X-DATERANGE|ID=\"ad1\",CLASS=\"com.apple.hls.interstitial\",X-ASSET-URI=\"ad/ad.m3u8\"|X-ASSET-URI",
        "EXT-X-DATERANGE|ID=\"ad2\",CLASS=\"com.apple.hls.interstitial\",X-ASSET-LIST=\"ads.json\"|X-ASSET-LIST",
    })
    void everyUriAttributeGetsTheQuery(String tag, String attributes, String attribute) {
        String line = "#" + tag + ":" + attributes;
        int at = line.indexOf(attribute + "=\"") + attribute.length() + 2;
        int close = line.indexOf('"', at);
        String expected = line.substring(0, close) + "?" + Q + line.substring(close);
        assertThat(rewrite("#EXTM3U\n" + line + "\n")).isEqualTo("#EXTM3U\n" + expected + "\n");
    }

    @Test
    void onlyTheUriAttributeChangesNotLookAlikes() {
        String in = "#EXTM3U\n#EXT-X-DATERANGE:ID=\"x\",X-COM-URI=\"a.json\",START-DATE=\"2026-01-01T00:00:00Z\"\n"
                + "#EXT-X-MEDIA:TYPE=CLOSED-CAPTIONS,GROUP-ID=\"cc\",NAME=\"en\",INSTREAM-ID=\"CC1\"\n"
                + "#EXT-X-KEY:METHOD=NONE\n# a comment with URI=\"x.ts\"\n#EXTINF:2,URI=\"y.ts\"\n";
        assertThat(rewrite(in)).isEqualTo(in);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://other.example.com/videos/s1/seg.ts",
        "../s2/seg.ts",
        "/videos/seg.ts",
        "http://cdn.example.com/videos/s1/seg.ts",
        "skd://key-id-1",
        "data:text/plain;base64,AAAA",
        "seg.ts?Expires=1&Signature=x&Key-Pair-Id=K",
        "seg ts",
        "../../../../seg.ts",
    })
    void urisOutsideTheGrantStayAsTheyAre(String uri) {
        String in = "#EXTM3U\n#EXT-X-KEY:METHOD=SAMPLE-AES,URI=\"" + uri + "\"\n#EXTINF:2,\n" + uri + "\n";
        assertThat(rewrite(in)).isEqualTo(in);
    }

    @Test
    void crlfAndBlankLinesAndNoFinalNewlineAreKept() {
        String in = "#EXTM3U\r\n\r\n#EXTINF:2,\r\nseg0.ts\r\n  \r\n#EXTINF:2,\r\nseg1.ts";
        assertThat(rewrite(in)).isEqualTo("#EXTM3U\r\n\r\n#EXTINF:2,\r\nseg0.ts?" + Q + "\r\n  \r\n#EXTINF:2,\r\n"
                + "seg1.ts?" + Q);
    }

    @Test
    void defineVariablesResolveForTheCheckAndStayInTheText() {
        String in = "#EXTM3U\n#EXT-X-DEFINE:NAME=\"dir\",VALUE=\"hi\"\n#EXT-X-DEFINE:NAME=\"q\",VALUE=\"a=1\"\n"
                + "#EXT-X-DEFINE:NAME=\"up\",VALUE=\"../../other\"\n#EXT-X-DEFINE:QUERYPARAM=\"token\"\n"
                + "#EXT-X-DEFINE:IMPORT=\"imported\"\n"
                + "#EXT-X-MAP:URI=\"{$dir}/init.mp4\"\n{$dir}/seg.ts?{$q}\n{$up}/seg.ts\n{$imported}/seg.ts\n"
                + "{$token}/seg.ts\n{$undefined}.ts\n";
        String out = rewrite(BASE + "?token=t1", in);
        assertThat(out).isEqualTo("#EXTM3U\n#EXT-X-DEFINE:NAME=\"dir\",VALUE=\"hi\"\n"
                + "#EXT-X-DEFINE:NAME=\"q\",VALUE=\"a=1\"\n#EXT-X-DEFINE:NAME=\"up\",VALUE=\"../../other\"\n"
                + "#EXT-X-DEFINE:QUERYPARAM=\"token\"\n#EXT-X-DEFINE:IMPORT=\"imported\"\n"
                + "#EXT-X-MAP:URI=\"{$dir}/init.mp4?" + Q + "\"\n{$dir}/seg.ts?{$q}&" + Q + "\n{$up}/seg.ts\n"
                + "{$imported}/seg.ts\n{$token}/seg.ts?" + Q + "\n{$undefined}.ts\n");
    }

    @Test
    void fragmentsStayLastAndTrailingSeparatorsAreReused() {
        String out = rewrite("#EXTM3U\nseg.ts#t=1\nseg.ts?\nseg.ts?a=1&\n");
        assertThat(out).isEqualTo("#EXTM3U\nseg.ts?" + Q + "#t=1\nseg.ts?" + Q + "\nseg.ts?a=1&" + Q + "\n");
    }

    @Test
    void bytesThatAreNotUtf8PassThrough() {
        byte[] in = {'#', 'E', 'X', 'T', 'M', '3', 'U', '\n', '#', (byte) 0xff, (byte) 0xc3, '\n', 's', '.', 't', 's'};
        byte[] out = REWRITER.rewrite(BASE, in);
        assertThat(new String(out, StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(in, StandardCharsets.ISO_8859_1) + "?" + Q);
    }

    @Test
    void aLineBeyondTheBoundIsATypedError() {
        byte[] in = ("#EXTM3U\n" + "a".repeat(ManifestRewriter.MAX_TOKEN_CHARS + 1)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> REWRITER.rewrite(BASE, in)).isInstanceOf(ManifestException.class)
                .extracting(e -> ((ManifestException) e).reason()).isEqualTo(ManifestException.Reason.TOO_LONG);
    }

    @Test
    void contentThatIsNoManifestIsATypedError() {
        assertThatThrownBy(() -> REWRITER.rewrite(BASE, "<html></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ManifestException.class).hasMessageContaining("#EXTM3U");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Policy=a\"b&Signature=x&Key-Pair-Id=K", "a=1&b=2", "Policy=a b"})
    void aQueryThatIsNotCloudFrontsIsRefused(String q) {
        assertThatThrownBy(() -> ManifestRewriter.appending("*", q)).isInstanceOf(ManifestException.class)
                .extracting(e -> ((ManifestException) e).reason())
                .isEqualTo(ManifestException.Reason.INVALID_QUERY);
    }
}
