package dev.cfsign.bench;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.HashAlgorithm;
import dev.cfsign.media.ManifestRewriter;
import dev.cfsign.media.ManifestSigner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A 10,000-segment HLS media playlist (about 0.4 MB): signed once and rewritten ({@code signAndRewrite}), rewritten
 * with a query already signed ({@code rewriteOnly}), and, as the floor, a plain copy of the same bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PlaylistBenchmark {
    static final String PLAYLIST_URL = "https://d111111abcdef8.cloudfront.net/videos/s1/720p/index.m3u8";
    static final int SEGMENTS = 10_000;

    @Param({"RSA", "EC"})
    public String key;

    private byte[] playlist;
    private ManifestSigner signer;
    private ManifestRewriter rewriter;

    @Setup
    public void setup() {
        StringBuilder sb = new StringBuilder(SEGMENTS * 40);
        sb.append("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:6\n#EXT-X-PLAYLIST-TYPE:VOD\n")
                .append("#EXT-X-KEY:METHOD=AES-128,URI=\"../keys/k1.key\"\n#EXT-X-MAP:URI=\"init.mp4\"\n");
        for (int i = 0; i < SEGMENTS; i++) {
            sb.append("#EXTINF:6.006,\nsegment-").append(i).append(".m4s\n");
        }
        playlist = sb.append("#EXT-X-ENDLIST\n").toString().getBytes(StandardCharsets.US_ASCII);
        CloudFrontSigner cf = Fixtures.signer(Fixtures.keyPair(key), HashAlgorithm.SHA1,
                Fixtures.jdkProvider(key, HashAlgorithm.SHA1));
        signer = ManifestSigner.builder(cf).validFor(Duration.ofHours(4)).build();
        rewriter = signer.rewriterFor(PLAYLIST_URL);
    }

    @Benchmark
    public byte[] signAndRewrite() {
        return signer.sign(PLAYLIST_URL, playlist);
    }

    @Benchmark
    public byte[] rewriteOnly() {
        return rewriter.rewrite(PLAYLIST_URL, playlist);
    }

    @Benchmark
    public byte[] plainCopy() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(playlist.length);
        new ByteArrayInputStream(playlist).transferTo(out);
        return out.toByteArray();
    }
}
