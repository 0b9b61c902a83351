package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The distribution's headless Chromium, driven through its own chromedriver (no driver or browser
 * download): one browser for a suite, screenshots under {@code target/screenshots}, and every console
 * error a failure unless the test expected that very request to be refused.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final URI base;
    private final Path profile;

    Browser(URI base) throws IOException {
        for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(executable)) {
                throw new AssertionError(
                        executable + " is missing: scripts/services installs chromium and chromium-driver");
            }
        }
        this.base = base;
        this.profile = Files.createTempDirectory(Path.of("target"), "chromium-profile-");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                // No sandbox: the tests run as root. The rest keeps Chromium from calling out to the
                // network, which this machine would refuse, many times over.
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--user-data-dir=" + profile.toAbsolutePath(),
                        "--window-size=1280,1000");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    void open(String hash) {
        driver.get(base.resolve("/" + hash).toString());
    }

    WebDriver driver() {
        return driver;
    }

    WebElement find(String css) {
        return await(d -> shown(d, css));
    }

    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** Types into the first shown match, found again if the page redrew it meanwhile. */
    void type(String css, String text) {
        await(d -> {
            WebElement field = shown(d, css);
            if (field == null) {
                return false;
            }
            field.clear();
            field.sendKeys(text);
            return true;
        });
    }

    /** Clicks the first shown match, found again if the page redrew it between finding and clicking. */
    void click(String css) {
        await(d -> {
            WebElement target = shown(d, css);
            if (target == null) {
                return false;
            }
            target.click();
            return true;
        });
    }

    private static WebElement shown(WebDriver driver, String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
    }

    /** The text of the first shown match, read again if the page redrew it meanwhile. */
    String text(String css) {
        return await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed()
                    ? null
                    : found.get(0).getText();
        });
    }

    /** Waits up to 30 s for {@code condition} to give a non-null, non-false value: a page's answer. */
    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** As {@link #await}, up to three minutes: a deployment on a busy host. */
    <T> T awaitDeployment(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofMinutes(3), Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Runs a script that ends by calling its last argument; answers what it was called with. */
    Object asyncScript(Duration timeout, String javascript, Object... arguments) {
        driver.manage().timeouts().scriptTimeout(timeout);
        return ((JavascriptExecutor) driver).executeAsyncScript(javascript, arguments);
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves a PNG of the whole page, as tall as it is, as {@code target/screenshots/<name>.png}. */
    Path fullPageScreenshot(String name) throws IOException {
        Dimension window = driver.manage().window().getSize();
        long height = (Long) script("return document.documentElement.scrollHeight");
        resize(window.getWidth(), (int) Math.min(height + 140, 4000));
        try {
            return screenshot(name);
        } finally {
            resize(window.getWidth(), window.getHeight());
        }
    }

    /** Saves a PNG of the viewport as {@code target/screenshots/<name>.png}; returns it. */
    Path screenshot(String name) throws IOException {
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /**
     * Fails on any console error since the last call, except a failed request the test provoked: each
     * of {@code expected} is a path and how it failed, e.g. {@code "/api/v1/manifests/validate status of
     * 422"} or {@code "/logs net::ERR_INCOMPLETE_CHUNKED_ENCODING"}.
     */
    void assertNoConsoleErrors(String... expected) {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> Arrays.stream(expected).noneMatch(allowed -> isExpected(message, allowed)))
                .toList();
        assertThat(errors).as("console errors").isEmpty();
    }

    private static boolean isExpected(String message, String allowed) {
        int space = allowed.indexOf(' ');
        return message.contains(allowed.substring(0, space) + " - Failed to load resource")
                && message.contains(allowed.substring(space + 1));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
