package dev.paperbot.bot.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.bot.activity.PaperActivity;
import dev.paperbot.bot.config.PaperbotConfig;
import dev.paperbot.bot.config.PaperbotConfigLoader;
import dev.paperbot.bot.runtime.BotRuntime;
import dev.paperbot.bot.subscription.SubscriptionCommands;
import dev.paperbot.bot.testing.TestIndexes;
import dev.paperbot.core.search.PaperIndex;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground in a real browser: headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * installed by {@code .ci/run}) types commands, presses buttons and opens the Home tab on the page served by the bot.
 */
class PlaygroundBrowserTest {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @TempDir
    static Path profile;

    static BotRuntime bot;
    static WebDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install chromium and chromium-driver (see .ci/run)");
        }
        Assumptions.assumeTrue(installed, "needs Debian's chromium and chromium-driver (apt-get install)");

        PaperbotConfig config = PaperbotConfigLoader.load(Map.of("PAPERBOT_PORT", "0"), profile.resolve("home"));
        assertThat(config.mode()).isEqualTo(PaperbotConfig.Mode.PLAYGROUND);
        PaperIndex index = TestIndexes.seeded();
        bot = BotRuntime.start(config, new BotRuntime.Parts(() -> index, SubscriptionCommands.notYetAvailable(),
                PaperActivity.inMemory(Clock.systemUTC()), Duration.ofSeconds(2)));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1600",
                "--user-data-dir=" + profile.resolve("chromium").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // The page redraws the feed when it changes: elements found before a redraw go stale.
        wait.ignoring(StaleElementReferenceException.class);
        while (!bot.index().isReady()) {
            Thread.onSpinWait();
        }
        browser.get("http://127.0.0.1:" + bot.port() + "/");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (bot != null) {
            bot.close();
        }
    }

    static void type(String command) {
        WebElement input = browser.findElement(By.id("command"));
        input.clear();
        input.sendKeys(command);
        browser.findElement(By.id("send")).click();
    }

    static WebElement lastReply() {
        List<WebElement> replies = browser.findElements(By.cssSelector(".message.kind-ephemeral"));
        return replies.getLast();
    }

    /** Clicks the n-th button with this label on the page, retrying if a redraw makes it stale. */
    static void click(String label, int n) {
        wait.until(d -> {
            d.findElements(By.xpath("//div[contains(@class,'kind-ephemeral')]//button[text()='" + label + "']"))
                    .get(n).click();
            return true;
        });
    }

    static void screenshot(String name) throws Exception {
        Path target = Path.of("target", "playground-" + name + ".png");
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void typing_a_search_shows_results_and_the_buttons_work() throws Exception {
        type("/papers quantization");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".message.kind-ephemeral"),
                "Papers for \u201Cquantization\u201D"));
        WebElement reply = lastReply();
        assertThat(reply.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Only visible to you");
        List<WebElement> titles = reply.findElements(By.cssSelector(".block-section b a"));
        assertThat(titles).hasSize(5).allSatisfy(a -> assertThat(a.getAttribute("href")).startsWith("https://"));
        List<WebElement> bold = reply.findElements(By.cssSelector("blockquote b"));
        assertThat(bold).isNotEmpty().allSatisfy(b -> assertThat(b.getText()).containsIgnoringCase("quantiz"));
        assertThat(reply.findElements(By.cssSelector(".block-actions button")).stream().map(WebElement::getText))
                .contains("More like this", "Share to channel", "Save", "Not interested", "Next 5");
        screenshot("search");

        String firstTitle = titles.getFirst().getText();
        click("Next 5", 0);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".message.kind-ephemeral"),
                "(6\u201310 of"));
        assertThat(browser.findElements(By.cssSelector(".message.kind-ephemeral"))).hasSize(1);

        click("Save", 0);
        wait.until(d -> lastReply().getText().contains("Saved"));

        click("Share to channel", 0);
        wait.until(d -> d.findElement(By.cssSelector(".message.kind-message")).getText().contains("shared a paper"));
        assertThat(firstTitle).isNotBlank();
    }

    @Test
    void errors_and_help_render_and_the_home_tab_lists_saved_papers() throws Exception {
        type("/papers digest time 25:00");
        wait.until(d -> lastReply().getText().contains("is not a time of day"));

        type("/papers help");
        wait.until(d -> lastReply().getText().contains("How to use paperbot"));
        assertThat(lastReply().findElements(By.tagName("code"))).isNotEmpty();

        browser.findElement(By.id("tab-home")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("home-view"),
                "Your saved and shared papers"));
        assertThat(browser.findElement(By.id("home-view")).getText()).contains("How to use me");
        screenshot("home");
        browser.findElement(By.id("tab-channel")).click();

        browser.get("http://127.0.0.1:" + bot.port() + "/healthz");
        assertThat(browser.findElement(By.tagName("body")).getText()).isEqualTo("ok");
        browser.get("http://127.0.0.1:" + bot.port() + "/");
    }
}
