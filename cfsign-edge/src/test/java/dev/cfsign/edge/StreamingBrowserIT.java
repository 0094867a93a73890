package dev.cfsign.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CustomPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;

/**
 * hls.js and dash.js (npm, pinned in {@code src/test/players}) in headless Chromium play ffmpeg-made streams from a
 * page on another origin, through an edge with {@code --sign-manifests} and {@code --cors}, from one URL-signed link:
 * the video's currentTime advances, the player reports no network error and the edge allows every request.
 * Skipped, with the reason, without Chromium, chromedriver, ffmpeg or the players ({@code .ci/run} installs them and
 * runs {@code npm ci}).
 */
class StreamingBrowserIT {
    static final Path PLAYERS = Path.of("src/test/players/node_modules");
    static final Path HLS_JS = PLAYERS.resolve("hls.js/dist/hls.min.js");
    static final Path DASH_JS = PLAYERS.resolve("dashjs/dist/modern/umd/dash.all.min.js");

    @TempDir
    static Path dir;
    static final MutableClock clock = new MutableClock(Instant.now());
    static final List<String> log = new CopyOnWriteArrayList<>();
    static EdgeServer edge;
    static HttpServer app;
    static CloudFrontSigner signer;
    ChromeDriverService service;
    ChromeDriver browser;

    @BeforeAll
    static void streamsEdgeAndPage() throws Exception {
        assumeTrue(HeadlessChromium.present(), "Chromium or chromedriver is not installed (apt-get install chromium"
                + " chromium-driver); skipping the browser player tests");
        assumeTrue(Streams.ffmpegPresent(), "ffmpeg is not installed (apt-get install ffmpeg); skipping the browser"
                + " player tests");
        assumeTrue(Files.isRegularFile(HLS_JS) && Files.isRegularFile(DASH_JS), "hls.js/dash.js are not installed"
                + " (npm ci in cfsign-edge/src/test/players); skipping the browser player tests");
        Path root = Files.createDirectories(dir.resolve("site"));
        Streams.make(root);
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/hls.js", x -> send(x, "application/javascript", Files.readAllBytes(HLS_JS)));
        app.createContext("/dash.js", x -> send(x, "application/javascript", Files.readAllBytes(DASH_JS)));
        app.createContext("/play", x -> {
            String q = x.getRequestURI().getRawQuery();
            boolean dash = q.startsWith("dash=");
            String url = java.net.URLDecoder.decode(q.substring(q.indexOf('=') + 1), StandardCharsets.UTF_8);
            send(x, "text/html; charset=utf-8", page(dash, url).getBytes(StandardCharsets.UTF_8));
        });
        app.start();
        String appOrigin = "http://127.0.0.1:" + app.getAddress().getPort();
        edge = EdgeServer.start(EdgeConfig.builder().root(root).protect("/v/*").clock(clock)
                .trust(TestKeys.EC_ID, TestKeys.ecPublic()).accessLog(log::add)
                .streaming(StreamingOptions.DEFAULTS.withSignManifests(true).withCorsOrigin(appOrigin)).build());
        signer = TestKeys.ecSigner(clock);
    }

    static String page(boolean dash, String url) {
        String js = "'" + url.replace("\\", "\\\\").replace("'", "\\'") + "'";
        String start = dash
                ? "var p = dashjs.MediaPlayer().create();"
                    + "p.on('error', function (e) { window.errors.push('dash:fatal:' + JSON.stringify(e.error)); });"
                    + "p.initialize(v, " + js + ", true);"
                : "var h = new Hls();"
                    + "h.on(Hls.Events.ERROR, function (e, d) { window.errors.push(d.type + ':' + d.details"
                    + " + (d.fatal ? ':fatal' : '')); });"
                    + "h.loadSource(" + js + "); h.attachMedia(v); v.play();";
        return "<!doctype html><html><body><video id='v' muted playsinline></video>"
                + "<script src='/" + (dash ? "dash.js" : "hls.js") + "'></script>"
                + "<script>window.errors = []; var v = document.getElementById('v');" + start + "</script></body></html>";
    }

    static void send(HttpExchange x, String type, byte[] body) throws IOException {
        x.getResponseHeaders().add("Content-Type", type);
        x.getResponseHeaders().add("Cache-Control", "no-store");
        x.sendResponseHeaders(200, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop(0);
        }
        if (edge != null) {
            edge.close();
        }
    }

    @BeforeEach
    void startBrowser() throws IOException {
        service = HeadlessChromium.service();
        browser = HeadlessChromium.start(service, Files.createTempDirectory(dir, "profile"));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    String link(String manifest) {
        String folder = manifest.substring(0, manifest.lastIndexOf('/') + 1);
        return signer.signUrl(edge.url() + manifest, CustomPolicy.builder().resource(edge.url() + folder + "*")
                .expiresAt(clock.instant().plus(Duration.ofMinutes(5))).build()).url();
    }

    /** Opens the player page; the video's currentTime once it passes 1 s, or when the player gave up or 30 s passed. */
    double play(boolean dash, String signedUrl) throws InterruptedException {
        browser.get("http://127.0.0.1:" + app.getAddress().getPort() + "/play?" + (dash ? "dash=" : "hls=")
                + java.net.URLEncoder.encode(signedUrl, StandardCharsets.UTF_8));
        JavascriptExecutor js = browser;
        double t = 0;
        for (int i = 0; i < 300 && t <= 1.0 && !errors().toString().contains("fatal"); i++) {
            Thread.sleep(100);
            t = ((Number) js.executeScript("return document.getElementById('v').currentTime")).doubleValue();
        }
        return t;
    }

    Object errors() {
        return ((JavascriptExecutor) browser).executeScript("return window.errors");
    }

    @Test
    void hlsJsPlaysTheUrlSignedMasterFromAnotherOrigin() throws Exception {
        int before = log.size();
        double t = play(false, link("/v/ts/master.m3u8"));
        List<String> lines = log.subList(before, log.size());
        assertThat(t).as("currentTime; errors %s; log %s", errors(), lines).isGreaterThan(1.0);
        assertThat(errors().toString()).doesNotContain("networkError");
        assertThat(lines).allSatisfy(l -> assertThat(l).contains(" ALLOW "))
                .anySatisfy(l -> assertThat(l).contains("/v/ts/audio/").contains(".ts?"));
    }

    @Test
    void dashJsPlaysTheUrlSignedMpdFromAnotherOrigin() throws Exception {
        int before = log.size();
        double t = play(true, link("/v/dash/manifest.mpd"));
        List<String> lines = log.subList(before, log.size());
        assertThat(t).as("currentTime; errors %s; log %s", errors(), lines).isGreaterThan(1.0);
        assertThat(errors().toString()).isEqualTo("[]");
        assertThat(lines).allSatisfy(l -> assertThat(l).contains(" ALLOW "))
                .anySatisfy(l -> assertThat(l).contains(".m4s?"));
    }

    @Test
    void anUnsignedMasterDoesNotPlay() throws Exception {
        double t = play(false, edge.url() + "/v/ts/master.m3u8");
        assertThat(t).isZero();
        assertThat(errors().toString()).contains("networkError");
    }
}
