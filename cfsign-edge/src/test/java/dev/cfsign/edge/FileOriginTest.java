package dev.cfsign.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CustomPolicy;
import dev.cfsign.SignedUrl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The folder origin behind a valid signature: ranges, HEAD, validators, content types, and the root's walls. */
class FileOriginTest {
    static final String OUTSIDE = "TOP-SECRET-OUTSIDE-THE-ROOT";

    @TempDir
    Path dir;
    Path root;
    byte[] video;
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));
    CloudFrontSigner signer = TestKeys.ecSigner(clock);
    LocalEdge edge;
    /** Policy, Signature and Key-Pair-Id granting every path on the host: only the origin's checks remain. */
    String anyPath;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(dir.resolve("site"));
        Files.createDirectories(root.resolve("videos"));
        video = new byte[100_000];
        for (int i = 0; i < video.length; i++) {
            video[i] = (byte) (i * 31 + 7);
        }
        Files.write(root.resolve("videos/clip.mp4"), video);
        Files.writeString(root.resolve("index.html"), "<h1>hi</h1>");
        Files.writeString(root.resolve("my file.txt"), "spaced");
        Files.writeString(dir.resolve("secret.txt"), OUTSIDE);
        Files.createSymbolicLink(root.resolve("escape.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("escape-dir"), dir);
        Files.createSymbolicLink(root.resolve("alias.mp4"), root.resolve("videos/clip.mp4"));
        edge = new LocalEdge(EdgeConfig.builder().root(root).trust(TestKeys.EC_ID, TestKeys.ecPublic()).clock(clock));
        SignedUrl u = signer.signUrl(TestKeys.BASE + "/x", CustomPolicy.builder().resource(TestKeys.BASE + "/*")
                .expiresAt(clock.instant().plusSeconds(600)).build());
        anyPath = u.url().substring(u.url().indexOf('?') + 1);
    }

    @AfterEach
    void tearDown() throws Exception {
        edge.close();
    }

    private String signed(String path) {
        return signer.signUrl(TestKeys.BASE + path, Duration.ofMinutes(5)).url().substring(TestKeys.BASE.length());
    }

    @Test
    void get_rangeOfProtectedVideo_206WithExactBytes() throws Exception {
        HttpTester.Response r = edge.get(signed("/videos/clip.mp4"), "Range: bytes=1000-1999");
        assertThat(r.getStatus()).isEqualTo(206);
        assertThat(r.get("Content-Range")).isEqualTo("bytes 1000-1999/100000");
        assertThat(r.get("Content-Type")).isEqualTo("video/mp4");
        assertThat(r.getContentBytes()).isEqualTo(java.util.Arrays.copyOfRange(video, 1000, 2000));
        HttpTester.Response tail = edge.get(signed("/videos/clip.mp4"), "Range: bytes=-10");
        assertThat(tail.getStatus()).isEqualTo(206);
        assertThat(tail.getContentBytes()).isEqualTo(java.util.Arrays.copyOfRange(video, 99_990, 100_000));
    }

    @Test
    void get_unsatisfiableRange_416() throws Exception {
        HttpTester.Response r = edge.get(signed("/videos/clip.mp4"), "Range: bytes=200000-300000");
        assertThat(r.getStatus()).isEqualTo(416);
        assertThat(r.get("Content-Range")).isEqualTo("bytes */100000");
    }

    @Test
    void get_whole_200WithValidators() throws Exception {
        HttpTester.Response r = edge.get(signed("/videos/clip.mp4"));
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentBytes()).isEqualTo(video);
        assertThat(r.get("Accept-Ranges")).isEqualTo("bytes");
        assertThat(r.get("ETag")).isNotBlank();
        assertThat(r.get("Last-Modified")).isNotBlank();
    }

    @Test
    void head_headersWithoutBody() throws Exception {
        HttpTester.Response r = edge.request("HEAD", signed("/videos/clip.mp4"));
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.get("Content-Length")).isEqualTo("100000");
        assertThat(r.getContentBytes() == null ? 0 : r.getContentBytes().length).isZero();
    }

    @Test
    void get_ifNoneMatch_304() throws Exception {
        String etag = edge.get(signed("/videos/clip.mp4")).get("ETag");
        HttpTester.Response r = edge.get(signed("/videos/clip.mp4"), "If-None-Match: " + etag);
        assertThat(r.getStatus()).isEqualTo(304);
        assertThat(r.getContentBytes() == null ? 0 : r.getContentBytes().length).isZero();
        String modified = edge.get(signed("/videos/clip.mp4")).get("Last-Modified");
        assertThat(edge.get(signed("/videos/clip.mp4"), "If-Modified-Since: " + modified).getStatus()).isEqualTo(304);
    }

    @Test
    void get_contentTypeByExtension_andEncodedName() throws Exception {
        assertThat(edge.get(signed("/index.html")).get("Content-Type")).startsWith("text/html");
        HttpTester.Response spaced = edge.get(signed("/my%20file.txt"));
        assertThat(spaced.getStatus()).as(edge.lastLogLine()).isEqualTo(200);
        assertThat(spaced.getContent()).isEqualTo("spaced");
    }

    @Test
    void get_symlinkInsideRoot_servedOnlyWhenTheGrantCoversItsTarget() throws Exception {
        assertThat(edge.get("/alias.mp4?" + anyPath).getContentBytes()).isEqualTo(video);
        HttpTester.Response aliasOnly = edge.get(signed("/alias.mp4"));
        assertThat(aliasOnly.getStatus()).isEqualTo(403);
        assertThat(edge.lastLogLine()).contains(" DENY ");
        assertThat(aliasOnly.getContent()).doesNotContain(new String(video, 0, 64, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void get_directoryOrMissing_404WithoutListing() throws Exception {
        for (String p : new String[] {"/videos", "/videos/", "/", "/nope.txt"}) {
            HttpTester.Response r = edge.get(p + "?" + anyPath);
            assertThat(r.getStatus()).as(p).isEqualTo(404);
            assertThat(r.getContent()).as(p).doesNotContain("clip.mp4");
        }
    }

    @Test
    void get_symlinkPointingOutsideRoot_404() throws Exception {
        HttpTester.Response r = edge.get("/escape.txt?" + anyPath);
        assertThat(edge.lastLogLine()).contains(" ALLOW ");
        assertThat(r.getStatus()).isEqualTo(404);
        assertThat(r.getContent()).doesNotContain(OUTSIDE);
        HttpTester.Response viaDir = edge.get("/escape-dir/secret.txt?" + anyPath);
        assertThat(viaDir.getStatus()).isEqualTo(404);
        assertThat(viaDir.getContent()).doesNotContain(OUTSIDE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/videos/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
        "/videos/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/videos%2f..%2f..%2fsecret.txt", "/..%5csecret.txt",
        "/..\\secret.txt", "/videos/..%5c..%5csecret.txt", "/.%2e/secret.txt", "/%252e%252e/secret.txt",
        "/escape-dir/../secret.txt", "//secret.txt", "/videos//../../secret.txt", "/%00/../secret.txt"})
    void get_traversalAttempt_neverLeavesRoot(String path) throws Exception {
        HttpTester.Response r = edge.get(path + "?" + anyPath);
        assertThat(r.getStatus()).as(path).isIn(400, 404);
        String body = r.getContentBytes() == null ? "" : new String(r.getContentBytes(), StandardCharsets.ISO_8859_1);
        assertThat(body).as(path).doesNotContain(OUTSIDE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/a/../../secret.txt", "/..", "/.", "//etc/passwd", "/a\\..\\b",
        "/x\0y", "", "/", "relative", "/escape.txt", "/escape-dir/secret.txt", "/videos"})
    void resolve_unsafeDecodedPaths_null(String path) {
        FileOriginHandler files = new FileOriginHandler(root);
        assertThat(files.resolve(path)).as(path).isNull();
    }

    @Test
    void resolve_regularFiles_insideRealRoot() throws Exception {
        FileOriginHandler files = new FileOriginHandler(root);
        assertThat(files.resolve("/videos/clip.mp4")).isEqualTo(root.toRealPath().resolve("videos/clip.mp4"));
        assertThat(files.resolve("/my file.txt")).isNotNull();
    }

    @Test
    void post_405() throws Exception {
        HttpTester.Response r = edge.request("POST", signed("/index.html"), "Content-Length: 0");
        assertThat(r.getStatus()).isEqualTo(405);
        assertThat(r.get("Allow")).isEqualTo("GET, HEAD");
    }
}
