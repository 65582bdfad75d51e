package dev.paperbot.bot.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperbot.bot.activity.PaperActivity;
import dev.paperbot.bot.config.PaperbotConfig;
import dev.paperbot.bot.config.PaperbotConfigLoader;
import dev.paperbot.bot.runtime.BotRuntime;
import dev.paperbot.bot.subscription.DigestSettings;
import dev.paperbot.bot.subscription.Subscriptions;
import dev.paperbot.bot.testing.MetricsPage;
import dev.paperbot.bot.testing.TestBots;
import dev.paperbot.bot.testing.TestIndexes;
import dev.paperbot.bot.slack.view.ActionIds;
import dev.paperbot.core.paper.Popularity;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.core.store.ChannelRef;
import dev.paperbot.core.store.PaperbotStore;
import dev.paperbot.core.store.StoreConfig;
import dev.paperbot.core.store.Stores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subscription commands and {@code /papers trending} in the playground, through the page's own endpoints: replies
 * show up as ephemeral messages, {@code digest now} posts the digest into the visitor's pretend channel.
 */
class PlaygroundDigestTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String VISITOR = "digesttester";

    @TempDir
    Path home;

    PaperbotStore store;
    LuceneIndex index;
    BotRuntime bot;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws InterruptedException {
        PaperbotConfig config = PaperbotConfigLoader.load(Map.of("PAPERBOT_PORT", "0"), home);
        assertThat(config.mode()).isEqualTo(PaperbotConfig.Mode.PLAYGROUND);
        store = Stores.open(StoreConfig.sqlite(home));
        index = TestIndexes.seeded();
        bot = BotRuntime.start(config, new BotRuntime.Parts(() -> index,
                Subscriptions.withDigests(store, DigestSettings.defaults(), Clock.systemUTC()),
                PaperActivity.store(store.feedback(), Clock.systemUTC()), Duration.ofSeconds(10)));
        TestBots.awaitIndex(bot);
    }

    @AfterEach
    void stop() {
        bot.close();
        store.close();
    }

    JsonNode post(String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    void type(String command) throws Exception {
        post("/playground/command", JSON.createObjectNode().put("visitor", VISITOR).put("text", command).toString());
    }

    List<JsonNode> messages() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port()
                + "/playground/feed?visitor=" + VISITOR)).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(r.body()).path("messages").forEach(out::add);
        return out;
    }

    /** Waits for a message of this kind whose text (blocks included) matches. */
    JsonNode await(String kind, Predicate<String> text) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode m : messages()) {
                if (m.path("kind").asText().equals(kind) && text.test(m.toString())) {
                    return m;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + kind + " message matching; feed: " + messages());
    }

    @Test
    void subscribe_preview_and_digest_now_work_in_the_playground() throws Exception {
        type("/papers subscribe quantization");
        await("ephemeral", t -> t.contains("now follows") && t.contains("quantization"));
        assertThat(store.subscriptions().subscriptions(ChannelRef.of(Playground.TEAM_ID, "C" + VISITOR.toUpperCase())))
                .hasSize(1);

        type("/papers digest preview");
        JsonNode preview = await("ephemeral", t -> t.contains("Papers for") && t.contains("paper.save"));
        assertThat(preview.toString()).containsIgnoringCase("quantization");

        type("/papers digest now");
        JsonNode digest = await("message", t -> t.contains("Papers for"));
        assertThat(digest.path("blocks").get(0).path("type").asText()).isEqualTo("header");
        assertThat(digest.path("blocks").get(0).path("block_id").asText()).startsWith("paperbot-digest:");
        await("ephemeral", t -> t.contains("Posted today's digest"));

        type("/papers topics");
        await("ephemeral", t -> t.contains("follows 1 topic") && t.contains("the next one comes tomorrow"));
    }

    @Test
    void trending_works_in_the_playground_once_the_index_has_upvotes() throws Exception {
        type("/papers trending");
        await("ephemeral", t -> t.contains("No Hugging Face upvotes in my index yet"));

        // What `bin/paperbot ingest hf` leaves in the index: upvotes, recorded through the popularity port.
        List<SearchHit> hits = index.search(SearchQuery.of("quantization", 6)).hits();
        List<Popularity> upvotes = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            upvotes.add(new Popularity(hits.get(i).paper().id(), 100 - i, LocalDate.now(ZoneOffset.UTC)));
        }
        index.recordPopularity(upvotes);

        type("/papers trending");
        JsonNode page = await("ephemeral", t -> t.contains("Trending on Hugging Face"));
        assertThat(page.toString()).contains("\u25B2 100 upvotes on Hugging Face", ActionIds.NEXT_TRENDING_PAGE);
        type("/papers quantization");
        await("ephemeral", t -> t.contains("Papers for") && t.contains("\u25B2 100 upvotes on Hugging Face"));
    }

    @Test
    void the_playground_serves_metrics_too_counting_its_commands_and_digests() throws Exception {
        type("/papers subscribe quantization");
        type("/papers digest now");
        await("ephemeral", t -> t.contains("Posted today's digest"));

        MetricsPage page = MetricsPage.await(bot.port(),
                p -> p.sum("paperbot_slack_commands_total", "kind", "digest_now") == 1);
        assertThat(page.sum("paperbot_slack_commands_total", "kind", "subscribe", "outcome", "ok")).isEqualTo(1);
        assertThat(page.sum("paperbot_digests_total", "outcome", "posted")).isEqualTo(1);
        assertThat(page.sum("paperbot_slack_api_calls_total", "method", "chat.postMessage", "result", "ok"))
                .isPositive();
    }
}
