package dev.paperbot.bot.playground;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium on the playground page, for the browser tests: Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs. Types commands, finds replies and presses their buttons
 * the way a visitor does.
 */
final class PlaygroundBrowser implements AutoCloseable {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final WebDriverWait wait;

    private PlaygroundBrowser(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // The page redraws the feed when it changes: elements found before a redraw go stale.
        wait.ignoring(StaleElementReferenceException.class);
    }

    /**
     * Skips the calling test when Chromium is not installed here; under CI (where {@code .ci/run} installs it) its
     * absence is a failure instead, so that a browser test never passes by not running.
     */
    static void assumeInstalled() {
        boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install chromium and chromium-driver (see .ci/run)");
        }
        Assumptions.assumeTrue(installed, "needs Debian's chromium and chromium-driver (apt-get install)");
    }

    /** Starts Chromium with its profile in {@code profile} and opens the playground at {@code port}. */
    static PlaygroundBrowser open(Path profile, int port) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1600",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        PlaygroundBrowser browser = new PlaygroundBrowser(new ChromeDriver(service, options));
        browser.go(port, "/");
        return browser;
    }

    WebDriver driver() {
        return driver;
    }

    /** Loads {@code path} of the server on {@code port}. */
    void go(int port, String path) {
        driver.get("http://127.0.0.1:" + port + path);
    }

    /** Types {@code command} in the message box and sends it. */
    void type(String command) {
        WebElement input = driver.findElement(By.id("command"));
        input.clear();
        input.sendKeys(command);
        driver.findElement(By.id("send")).click();
    }

    /** The replies only the visitor sees, oldest first. */
    List<WebElement> replies() {
        return driver.findElements(By.cssSelector(".message.kind-ephemeral"));
    }

    WebElement lastReply() {
        return replies().getLast();
    }

    /** Waits (20 s at most) until {@code condition} gives a value that is neither null nor false. */
    <V> V until(Function<WebDriver, V> condition) {
        return wait.until(condition);
    }

    /** Waits for the latest reply to contain {@code text}, and returns it. */
    WebElement awaitReply(String text) {
        return until(d -> {
            List<WebElement> replies = replies();
            return !replies.isEmpty() && replies.getLast().getText().contains(text) ? replies.getLast() : null;
        });
    }

    /** Clicks the n-th button with this label in the replies, retrying if a redraw makes it stale. */
    void click(String label, int n) {
        until(d -> {
            List<WebElement> buttons = d.findElements(
                    By.xpath("//div[contains(@class,'kind-ephemeral')]//button[text()='" + label + "']"));
            if (buttons.size() <= n) {
                return false;
            }
            buttons.get(n).click();
            return true;
        });
    }

    /** Saves what the page shows as {@code target/playground-NAME.png}, to look at when a test fails. */
    void screenshot(String name) throws IOException {
        Path target = Path.of("target", "playground-" + name + ".png");
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
