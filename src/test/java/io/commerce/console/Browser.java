package io.commerce.console;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Selenium through Debian's chromedriver, headless. Where they are missing the
 * browser tests are skipped, except in CI ({@code CI=true}), where they must run: {@code .ci/run} installs
 * them. Screenshots go to {@code target/screenshots}, and to {@code docs/images} with {@code
 * -Dconsole.screenshots=docs/images} (how the README's pictures are made).
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    private final String base;
    private final Path profile;

    private Browser(WebDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    static Browser open(int port, int width, int height) throws IOException {
        var present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("CI must run the browser tests: install chromium and chromium-driver (.ci/run does)");
        }
        assumeTrue(present, "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        var profile = Files.createTempDirectory("chromium-profile");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=en-GB",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE); // a test answers a confirm itself
        if (width < 500) { // headless windows are 500 pixels wide at least: a phone is emulated as DevTools does
            options.setExperimentalOption(
                    "mobileEmulation",
                    java.util.Map.of(
                            "deviceMetrics",
                            java.util.Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
        }
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), "http://localhost:" + port, profile);
    }

    void go(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /**
     * Empty when the page is no wider than the window (what is wider scrolls inside its own box); else what sticks
     * out, to say so in a failed assertion.
     */
    String widerThanTheScreen() {
        var script = (JavascriptExecutor) driver;
        if ((Boolean) script.executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1")) {
            return "";
        }
        return "wider than the screen: "
                + script.executeScript("return [...document.querySelectorAll('body *')]"
                        + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                        + ".map(e => e.tagName + '.' + e.className).slice(0, 10);");
    }

    boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    <T> T waitFor(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
    }

    void signIn(String email, String password) {
        go("/console/login");
        find("input[name=email]").sendKeys(email);
        find("input[name=password]").sendKeys(password);
        find("button[type=submit]").click();
    }

    /** A PNG of what the browser shows, under target/screenshots (and the README's folder when asked). */
    Path screenshot(String name) throws IOException {
        var png = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
        var target = Path.of("target/screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        var docs = System.getProperty("console.screenshots");
        if (docs != null) {
            Files.createDirectories(Path.of(docs));
            Files.copy(png.toPath(), Path.of(docs, name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
