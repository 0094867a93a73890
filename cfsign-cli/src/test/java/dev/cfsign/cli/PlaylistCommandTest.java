package dev.cfsign.cli;

import static dev.cfsign.cli.Cli.KEY_ID;
import static dev.cfsign.cli.Cli.NOW;
import static dev.cfsign.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.CloudFrontVerifier;
import dev.cfsign.ViewerRequest;
import dev.cfsign.keys.VerificationKey;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cfsign playlist} through picocli: the rewritten URIs verify, output files are written like sign's. */
class PlaylistCommandTest {
    static final String URL = "https://cdn.example.com/videos/s1/master.m3u8";
    static final String MASTER = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nlow/index.m3u8\n"
            + "#EXT-X-STREAM-INF:BANDWIDTH=2\nhttps://other.example.com/x.m3u8\n";

    static CloudFrontVerifier verifier() throws Exception {
        return CloudFrontVerifier.builder().trust(KEY_ID, VerificationKey.fromFile(Cli.RSA_PUBLIC_PEM))
                .clock(Clock.fixed(Instant.parse(NOW), ZoneOffset.UTC)).build();
    }

    @Test
    void stdinToStdoutWithTheFolderPolicy() throws Exception {
        Cli.Result r = run(Map.of(), MASTER, Cli.withKey("playlist", "--expires", "1h", "--url", URL));
        assertThat(r.exit()).as(r.toString()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[2]).startsWith("low/index.m3u8?Policy=");
        assertThat(lines[4]).isEqualTo("https://other.example.com/x.m3u8");
        String requested = URI.create(URL).resolve(lines[2]).toString();
        assertThat(verifier().check(ViewerRequest.of(requested)).isAllowed()).isTrue();
        assertThat(verifier().check(ViewerRequest.of(requested.replace("/s1/", "/s2/"))).isAllowed()).isFalse();
    }

    @Test
    void perUriGivesCannedLinksAndAnMpdIsDetected(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("m.mpd");
        Files.writeString(in, "<MPD><Period><SegmentTemplate media=\"v-$Number$.m4s\"/></Period></MPD>");
        Path out = dir.resolve("out/signed.mpd");
        Cli.Result r = run(Cli.withKey("playlist", "--per-uri", "--url",
                "https://cdn.example.com/videos/s1/m.mpd", "--input", in.toString(), "--output", out.toString()));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out)).contains("v-$Number$.m4s?Expires=").contains("&amp;Signature=");
        assertThat(Files.getPosixFilePermissions(out)).doesNotContain(PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.GROUP_WRITE);
    }

    @Test
    void contentThatIsNoManifestFailsInCliTermsAndWritesNothing(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("page.html");
        Files.writeString(in, "<html></html>");
        Path out = dir.resolve("signed.m3u8");
        Cli.Result r = run(Cli.withKey("playlist", "--url", URL, "--input", in.toString(),
                "--output", out.toString()));
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("--input").contains("#EXTM3U");
        assertThat(out).doesNotExist();
        assertThat(dir.toFile().list()).containsExactly("page.html");
    }

    @Test
    void anExistingOutputIsKeptWithoutForceAndReplacedWithIt(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("master.m3u8");
        Files.writeString(in, MASTER);
        Path out = dir.resolve("signed.m3u8");
        Files.writeString(out, "old\n");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));

        Cli.Result refused = run(Cli.withKey("playlist", "--url", URL, "--input", in.toString(),
                "--output", out.toString()));
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(ExitCodes.IO);
        assertThat(refused.err()).contains("--force");
        assertThat(Files.readString(out)).isEqualTo("old\n");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("master.m3u8", "signed.m3u8");

        Cli.Result forced = run(Cli.withKey("playlist", "--url", URL, "--input", in.toString(),
                "--output", out.toString(), "--force"));
        assertThat(forced.exit()).as(forced.toString()).isZero();
        String[] lines = Files.readString(out).split("\n");
        assertThat(verifier().check(ViewerRequest.of(URI.create(URL).resolve(lines[2]).toString())).isAllowed())
                .isTrue();
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aMissingUrlIsAUsageError() {
        Cli.Result r = run(Cli.withKey("playlist"));
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--url");
    }
}
