package dev.paperbot.bot.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.bot.activity.PaperActivity;
import dev.paperbot.bot.config.PaperbotConfig;
import dev.paperbot.bot.config.PaperbotConfigLoader;
import dev.paperbot.bot.runtime.BotRuntime;
import dev.paperbot.bot.subscription.DigestSettings;
import dev.paperbot.bot.subscription.Subscriptions;
import dev.paperbot.bot.testing.TestBots;
import dev.paperbot.bot.testing.TestIndexes;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.store.PaperbotStore;
import dev.paperbot.core.store.StoreConfig;
import dev.paperbot.core.store.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The playground in a real browser, in-process: headless Chromium types commands, presses buttons and opens the Home
 * tab on the page served by a bot started here, with the embedded corpus and a real SQLite store (subscriptions,
 * saved papers). {@code ServePlaygroundIT} does the same against {@code bin/paperbot serve} after packaging.
 */
class PlaygroundBrowserTest {

    @TempDir
    static Path dir;

    static PaperbotStore store;
    static BotRuntime bot;
    static PlaygroundBrowser browser;

    @BeforeAll
    static void start() {
        PlaygroundBrowser.assumeInstalled();
        PaperbotConfig config = PaperbotConfigLoader.load(Map.of("PAPERBOT_PORT", "0"), dir.resolve("home"));
        assertThat(config.mode()).isEqualTo(PaperbotConfig.Mode.PLAYGROUND);
        store = Stores.open(StoreConfig.sqlite(config.home()));
        PaperIndex index = TestIndexes.seeded();
        bot = BotRuntime.start(config, new BotRuntime.Parts(() -> index,
                Subscriptions.withDigests(store, DigestSettings.defaults(), Clock.systemUTC()),
                PaperActivity.store(store.feedback(), Clock.systemUTC()), Duration.ofSeconds(2)));
        TestBots.awaitIndex(bot);
        browser = PlaygroundBrowser.open(dir.resolve("chromium"), bot.port());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (bot != null) {
            bot.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void typing_a_search_shows_results_and_the_buttons_work() throws Exception {
        browser.type("/papers quantization");

        WebElement reply = browser.awaitReply("Papers for \u201Cquantization\u201D");
        assertThat(reply.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Only visible to you");
        List<WebElement> titles = reply.findElements(By.cssSelector(".block-section b a"));
        assertThat(titles).hasSize(5).allSatisfy(a -> assertThat(a.getAttribute("href")).startsWith("https://"));
        List<WebElement> bold = reply.findElements(By.cssSelector("blockquote b"));
        assertThat(bold).isNotEmpty().allSatisfy(b -> assertThat(b.getText()).containsIgnoringCase("quantiz"));
        assertThat(reply.findElements(By.cssSelector(".block-actions button")).stream().map(WebElement::getText))
                .contains("More like this", "Share to channel", "Save", "Not interested", "Next 5");
        browser.screenshot("search");

        String firstTitle = titles.getFirst().getText();
        browser.click("Next 5", 0);
        browser.awaitReply("(6\u201310 of");
        assertThat(browser.replies()).hasSize(1);

        browser.click("Save", 0);
        browser.awaitReply("Saved");

        browser.click("Share to channel", 0);
        browser.until(d -> d.findElement(By.cssSelector(".message.kind-message")).getText().contains("shared a paper"));
        assertThat(firstTitle).isNotBlank();
    }

    @Test
    void errors_and_help_render_and_the_home_tab_lists_saved_papers() throws Exception {
        browser.type("/papers digest time 25:00");
        browser.awaitReply("is not a time of day");

        browser.type("/papers help");
        assertThat(browser.awaitReply("How to use paperbot").findElements(By.tagName("code"))).isNotEmpty();

        WebDriver page = browser.driver();
        page.findElement(By.id("tab-home")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("home-view"),
                "Your saved and shared papers"));
        assertThat(page.findElement(By.id("home-view")).getText()).contains("How to use me");
        browser.screenshot("home");
        page.findElement(By.id("tab-channel")).click();

        browser.go(bot.port(), "/healthz");
        assertThat(page.findElement(By.tagName("body")).getText()).isEqualTo("ok");
        browser.go(bot.port(), "/");
    }
}
