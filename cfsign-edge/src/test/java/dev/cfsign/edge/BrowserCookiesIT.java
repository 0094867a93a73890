package dev.cfsign.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CookieAttributes;
import dev.cfsign.CustomPolicy;
import dev.cfsign.SignedCookies;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;

/**
 * A real browser (Debian's headless Chromium through Selenium): a small app on one port sets signed cookies for a
 * folder, and a page loads a protected image from the edge on another port of the same host (cookies ignore ports).
 * The image renders while the cookies' policy is valid and no longer once the edge's clock has passed its expiry.
 * Skipped, with the reason, when {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing ({@code .ci/run}
 * installs them).
 */
class BrowserCookiesIT {
    static final String CHROMIUM = HeadlessChromium.CHROMIUM;
    static final String CHROMEDRIVER = HeadlessChromium.CHROMEDRIVER;

    @TempDir
    Path dir;
    MutableClock clock = new MutableClock(Instant.now());
    EdgeServer edge;
    HttpServer app;
    ChromeDriverService service;
    ChromeDriver browser;
    final List<String> log = new CopyOnWriteArrayList<>();

    static final String MISSING_BROWSER = "Chromium or chromedriver is not installed (apt-get install chromium"
            + " chromium-driver); skipping the browser test";

    /** JUnit puts an assumption's reason only in the report; Maven's console would show a bare "Skipped: 1". */
    @BeforeAll
    static void sayWhyWhenSkipped() {
        if (!browserInstalled()) {
            System.err.println("WARNING: BrowserCookiesIT: " + MISSING_BROWSER + ".");
        }
    }

    static boolean browserInstalled() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(browserInstalled(), MISSING_BROWSER);
        Path root = Files.createDirectories(dir.resolve("site/img"));
        BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 24; y++) {
                img.setRGB(x, y, (x * 8) << 16 | (y * 10) << 8 | 0x80);
            }
        }
        ImageIO.write(img, "png", root.resolve("pixel.png").toFile());
        edge = EdgeServer.start(EdgeConfig.builder().root(dir.resolve("site")).clock(clock)
                .trust(TestKeys.EC_ID, TestKeys.ecPublic()).accessLog(log::add).build());
        CloudFrontSigner signer = TestKeys.ecSigner(clock);
        String folder = edge.url() + "/img/*";

        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/login", x -> {
            SignedCookies cookies = signer.signCookies(CustomPolicy.builder().resource(folder)
                    .expiresAt(clock.instant().plus(Duration.ofMinutes(1))).build());
            for (String h : cookies.toSetCookieHeaders(CookieAttributes.builder().secure(false).build())) {
                x.getResponseHeaders().add("Set-Cookie", h);
            }
            send(x, "<p id='done'>signed in</p>");
        });
        app.createContext("/page", x -> send(x, "<img id='p' src='" + edge.url() + "/img/pixel.png?n=" + System.nanoTime()
                + "'>"));
        app.start();

        service = HeadlessChromium.service();
        browser = HeadlessChromium.start(service, Files.createDirectories(dir.resolve("profile")));
    }

    static void send(HttpExchange x, String html) throws IOException {
        byte[] b = ("<!doctype html><html><body>" + html + "</body></html>").getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        x.getResponseHeaders().add("Cache-Control", "no-store");
        x.sendResponseHeaders(200, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (app != null) {
            app.stop(0);
        }
        if (edge != null) {
            edge.close();
        }
    }

    String appUrl(String path) {
        return "http://127.0.0.1:" + app.getAddress().getPort() + path;
    }

    long imageWidthAfterLoad() throws InterruptedException {
        JavascriptExecutor js = browser;
        for (int i = 0; i < 100; i++) {
            if (Boolean.TRUE.equals(js.executeScript("return document.getElementById('p').complete"))) {
                break;
            }
            Thread.sleep(100);
        }
        return ((Number) js.executeScript("return document.getElementById('p').naturalWidth")).longValue();
    }

    @Test
    void signedCookiesFromApp_imageRenders_untilTheyExpire() throws Exception {
        browser.get(appUrl("/page"));
        assertThat(imageWidthAfterLoad()).as("no cookies yet").isZero();

        browser.get(appUrl("/login"));
        assertThat(browser.findElement(org.openqa.selenium.By.id("done")).getText()).isEqualTo("signed in");
        browser.get(appUrl("/page"));
        assertThat(imageWidthAfterLoad()).as("with signed cookies; log: %s", log).isEqualTo(32);

        clock.advance(Duration.ofMinutes(2));
        browser.navigate().refresh();
        assertThat(imageWidthAfterLoad()).as("after expiry; log: %s", log).isZero();
        Await.until(() -> log.stream().anyMatch(l -> l.contains(" DENY EXPIRED ")), Duration.ofSeconds(5));
        assertThat(log).anySatisfy(l -> assertThat(l).contains("/img/pixel.png").contains(" 200 ")
                .contains(" ALLOW - " + TestKeys.EC_ID + " cookies"));
        assertThat(log).anySatisfy(l -> assertThat(l).contains(" 403 ").contains(" DENY EXPIRED "));
    }
}
