package dev.cfsign.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CustomPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ffmpeg as the player: each stream plays end to end through a real edge with {@code --sign-manifests}, from one
 * URL-signed link on the stream's folder and no cookies; every request it makes is allowed, and unsigned, expired and
 * other-folder links fail. Skipped, with the reason, where ffmpeg is not installed ({@code .ci/run} installs it).
 */
class StreamingPlayersIT {
    @TempDir
    static Path root;
    static MutableClock clock = new MutableClock(Instant.now());
    static EdgeServer edge;
    static final List<String> log = new CopyOnWriteArrayList<>();
    static CloudFrontSigner signer;

    @BeforeAll
    static void makeStreamsAndStartTheEdge() throws Exception {
        assumeTrue(Streams.ffmpegPresent(), "ffmpeg is not installed (apt-get install ffmpeg); skipping the player"
                + " tests");
        Streams.make(root);
        edge = EdgeServer.start(EdgeConfig.builder().root(root).protect("/v/*").clock(clock)
                .trust(TestKeys.EC_ID, TestKeys.ecPublic()).accessLog(log::add)
                .streaming(StreamingOptions.DEFAULTS.withSignManifests(true)).build());
        signer = TestKeys.ecSigner(clock);
    }

    @AfterAll
    static void stop() {
        if (edge != null) {
            edge.close();
        }
    }

    @BeforeEach
    void resetClock() {
        clock.set(Instant.now());
    }

    /** The manifest's URL signed with a custom policy on {@code folder} followed by {@code *}. */
    static String link(String manifest, String folder, Duration validFor) {
        return signer.signUrl(edge.url() + manifest, CustomPolicy.builder().resource(edge.url() + folder + "*")
                .expiresAt(clock.instant().plus(validFor)).build()).url();
    }

    static Streams.Result play(String url) throws Exception {
        return Streams.run(List.of(Streams.FFMPEG, "-v", "error", "-nostdin", "-i", url, "-map", "0", "-f", "null",
                "-"), root);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/v/ts/master.m3u8", "/v/fmp4/index.m3u8", "/v/aes/index.m3u8", "/v/range/index.m3u8",
        "/v/dash/manifest.mpd"})
    void playsEndToEndFromOneSignedLinkWithEveryRequestAllowed(String manifest) throws Exception {
        String folder = manifest.substring(0, manifest.lastIndexOf('/') + 1);
        int before = log.size();
        Streams.Result r = play(link(manifest, folder, Duration.ofMinutes(5)));
        List<String> lines = log.subList(before, log.size());
        assertThat(r.exit()).as(r.output() + "\n" + String.join("\n", lines)).isZero();
        assertThat(lines).as("every request the player made").isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains(" ALLOW ").doesNotContain(" 403 ").doesNotContain(" 404 "));
        assertThat(lines).as("segments were fetched")
                .anySatisfy(l -> assertThat(l).containsAnyOf(".ts?", ".m4s?", ".mp4?"));
        if (manifest.startsWith("/v/ts/")) {
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("/v/ts/audio/"))
                    .anySatisfy(l -> assertThat(l).contains("/v/ts/high/"));
        }
        if (manifest.startsWith("/v/aes/")) {
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("/v/aes/enc.key?"));
        }
        if (manifest.startsWith("/v/fmp4/")) {
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("/v/fmp4/init.mp4?"));
        }
    }

    @Test
    void anUnsignedLinkFails() throws Exception {
        Streams.Result r = play(edge.url() + "/v/ts/master.m3u8");
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("403");
    }

    @Test
    void anExpiredLinkFails() throws Exception {
        String url = link("/v/fmp4/index.m3u8", "/v/fmp4/", Duration.ofMinutes(1));
        clock.set(clock.instant().plus(Duration.ofMinutes(2)));
        Streams.Result r = play(url);
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("403");
    }

    @Test
    void aLinkForAnotherFolderFails() throws Exception {
        Streams.Result r = play(link("/v/ts/master.m3u8", "/v/dash/", Duration.ofMinutes(5)));
        assertThat(r.exit()).isNotZero();
    }

    @Test
    void aMasterSignedForItselfOnlyGetsNoFurther() throws Exception {
        // A canned link covers exactly the master: its variants stay unsigned and are denied.
        int before = log.size();
        Streams.Result r = play(signer.signUrl(edge.url() + "/v/ts/master.m3u8", Duration.ofMinutes(5)).url());
        assertThat(r.exit()).isNotZero();
        assertThat(log.subList(before, log.size())).anySatisfy(l -> assertThat(l).contains(" 403 "));
    }
}
