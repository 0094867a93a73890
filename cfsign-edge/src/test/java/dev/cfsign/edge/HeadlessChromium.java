package dev.cfsign.edge;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium through its chromedriver, set up once for every browser test. */
final class HeadlessChromium {
    static final String CHROMIUM = System.getProperty("cfsign.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private HeadlessChromium() {}

    static boolean present() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    static ChromeDriverService service() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        return new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
                .build();
    }

    /** A browser with its own profile folder; media may autoplay without a user gesture. */
    static ChromeDriver start(ChromeDriverService service, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--autoplay-policy=no-user-gesture-required", "--user-data-dir=" + profile);
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }
}
