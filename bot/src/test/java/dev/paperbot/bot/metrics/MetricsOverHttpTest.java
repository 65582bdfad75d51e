package dev.paperbot.bot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperbot.bot.activity.PaperActivity;
import dev.paperbot.bot.config.PaperbotConfig;
import dev.paperbot.bot.runtime.BotRuntime;
import dev.paperbot.bot.slack.view.ActionIds;
import dev.paperbot.bot.subscription.DigestSettings;
import dev.paperbot.bot.subscription.Subscriptions;
import dev.paperbot.bot.testing.FakeSlackApi;
import dev.paperbot.bot.testing.MetricsPage;
import dev.paperbot.bot.testing.SlackRequests;
import dev.paperbot.bot.testing.TestBots;
import dev.paperbot.bot.testing.TestIndexes;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.store.PaperbotStore;
import dev.paperbot.core.store.StoreConfig;
import dev.paperbot.core.store.Stores;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} of a bot in HTTP mode, over real HTTP: signed commands and button presses, digests posted to
 * the fake Slack Web API (also through a 429 and a permanent error), then the counters read from the page.
 */
class MetricsOverHttpTest {

    static final String SECRET = "0c4f1e2d3b5a69788796a5b4c3d2e1f0";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String OTHER_CHANNEL = "C0METRICS2";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    FakeSlackApi slack;
    PaperbotStore store;
    BotRuntime bot;
    SlackRequests requests;

    @BeforeEach
    void fakeSlackAndStore() {
        slack = FakeSlackApi.start();
        store = Stores.open(StoreConfig.sqlite(home));
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        store.close();
        slack.close();
    }

    /** The bot in HTTP mode with real digests (ticked by hand: only {@code digest now} posts). */
    void start(Duration ackBudget, boolean metrics) throws InterruptedException {
        PaperbotConfig config = TestBots.config(slack, SECRET, null).withMetrics(metrics);
        DigestSettings digests = TestBots.digestsTickedByHand();
        PaperIndex index = TestIndexes.seeded();
        bot = BotRuntime.start(config, new BotRuntime.Parts(() -> index,
                Subscriptions.withDigests(store, digests, Clock.systemUTC()),
                PaperActivity.store(store.feedback(), Clock.systemUTC()), ackBudget));
        requests = SlackRequests.toPort(bot.port(), SECRET);
        TestBots.awaitIndex(bot);
    }

    JsonNode command(String channel, String text) throws Exception {
        HttpResponse<String> response = requests.send(SlackRequests.slashCommand(SlackRequests.TEAM, channel,
                SlackRequests.USER, text, slack.responseUrl("cmd")), FORM);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** {@code /papers digest now} in {@code channel}, asked again while the digests are still starting. */
    String digestNow(String channel) throws Exception {
        for (int i = 0; i < 250; i++) {
            String reply = command(channel, "digest now").toString();
            if (!reply.contains("still loading")) {
                return reply;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the digests never started");
    }

    MetricsPage metrics() {
        return MetricsPage.of(bot.port());
    }

    @Test
    void a_search_counts_its_kind_its_outcome_and_an_answer_in_the_ack_and_times_the_search() throws Exception {
        start(Duration.ofSeconds(20), true);

        JsonNode reply = command(SlackRequests.CHANNEL, "quantization");

        assertThat(reply.toString()).contains("quantization");
        MetricsPage page = metrics();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/plain").contains("version=0.0.4");
        assertThat(page.sum("paperbot_slack_commands_total", "kind", "search", "outcome", "ok", "reply", "ack"))
                .isEqualTo(1);
        assertThat(page.sum("paperbot_search_seconds_count", "kind", "search")).isEqualTo(1);
        // Buckets, so that Prometheus can take percentiles over every replica.
        assertThat(page.sum("paperbot_search_seconds_bucket", "kind", "search", "le", "+Inf")).isEqualTo(1);
        assertThat(page.sum("paperbot_index_papers")).isEqualTo(227);
        assertThat(page.has("jvm_memory_used_bytes")).isTrue();
        assertThat(page.has("process_uptime_seconds")).isTrue();
    }

    @Test
    void the_page_shows_no_token_secret_workspace_channel_user_or_query() throws Exception {
        start(Duration.ofSeconds(20), true);
        command(SlackRequests.CHANNEL, "quantization");
        command(SlackRequests.CHANNEL, "subscribe diffusion models");
        digestNow(SlackRequests.CHANNEL);

        String text = MetricsPage.await(bot.port(), p -> p.has("cache_gets_total")).text();

        assertThat(text).doesNotContain(TestBots.BOT_TOKEN, "xoxb", SECRET, SlackRequests.TEAM, SlackRequests.CHANNEL,
                SlackRequests.USER, "quantization", "diffusion", slack.baseUrl());
    }

    @Test
    void a_button_press_counts_by_action_and_its_answer_through_response_url() throws Exception {
        start(Duration.ofSeconds(20), true);
        JsonNode results = command(SlackRequests.CHANNEL, "quantization");
        String paper = results.findValues("elements").stream().flatMap(e -> e.valueStream())
                .filter(e -> ActionIds.SAVE.equals(e.path("action_id").asText()))
                .map(e -> e.path("value").asText()).findFirst().orElseThrow();

        HttpResponse<String> press = requests.send(SlackRequests.interactionBody(
                SlackRequests.blockAction(ActionIds.SAVE, paper, slack.responseUrl("save"))), FORM);

        assertThat(press.statusCode()).isEqualTo(200);
        slack.awaitCall(FakeSlackApi.RESPONSE_URL);
        MetricsPage page = MetricsPage.await(bot.port(), p -> p.sum("paperbot_slack_api_calls_total",
                "method", "response_url") >= 1);
        assertThat(page.sum("paperbot_slack_buttons_total", "action", ActionIds.SAVE, "outcome", "ok")).isEqualTo(1);
        assertThat(page.sum("paperbot_slack_api_calls_total", "method", "response_url", "result", "ok"))
                .isEqualTo(1);
        assertThat(page.sum("paperbot_search_seconds_count", "kind", "search")).isEqualTo(1);
    }

    @Test
    void a_late_answer_counts_whether_it_went_through_response_url_or_chat_post_ephemeral() throws Exception {
        // No ack budget: every answer goes out after the ack.
        start(Duration.ZERO, true);

        command(SlackRequests.CHANNEL, "quantization");
        MetricsPage.await(bot.port(), p -> p.sum("paperbot_slack_commands_total", "reply", "response_url") == 1);
        slack.failNext(FakeSlackApi.RESPONSE_URL, FakeSlackApi.Failure.serverError(500));
        command(SlackRequests.CHANNEL, "help");

        MetricsPage page = MetricsPage.await(bot.port(),
                p -> p.sum("paperbot_slack_commands_total", "reply", "ephemeral") == 1);
        assertThat(page.sum("paperbot_slack_commands_total", "kind", "search", "outcome", "ok", "reply",
                "response_url")).isEqualTo(1);
        assertThat(page.sum("paperbot_slack_commands_total", "kind", "help", "outcome", "ok", "reply", "ephemeral"))
                .isEqualTo(1);
        assertThat(page.sum("paperbot_slack_commands_total", "reply", "ack")).isZero();
        assertThat(page.sum("paperbot_slack_api_calls_total", "method", "response_url", "result", "server_error"))
                .isEqualTo(1);
        assertThat(page.sum("paperbot_slack_api_calls_total", "method", "chat.postEphemeral", "result", "ok"))
                .isEqualTo(1);
    }

    @Test
    void a_digest_through_a_429_is_posted_and_one_refused_for_good_is_failed_with_its_reason() throws Exception {
        start(Duration.ofSeconds(20), true);
        command(SlackRequests.CHANNEL, "subscribe quantization");
        command(OTHER_CHANNEL, "subscribe quantization");

        slack.failNext("chat.postMessage", FakeSlackApi.Failure.rateLimited(1));
        assertThat(digestNow(SlackRequests.CHANNEL)).contains("Posted today's digest");
        slack.failNext("chat.postMessage", FakeSlackApi.Failure.slackError("channel_not_found"));
        assertThat(digestNow(OTHER_CHANNEL)).contains("channel_not_found");

        MetricsPage page = metrics();
        assertThat(page.sum("paperbot_digests_total", "outcome", "posted", "reason", "none")).isEqualTo(1);
        assertThat(page.sum("paperbot_digests_total", "outcome", "failed", "reason", "channel_not_found"))
                .isEqualTo(1);
        assertThat(page.sum("paperbot_slack_api_calls_total", "method", "chat.postMessage", "result", "rate_limited"))
                .isEqualTo(1);
        assertThat(page.sum("paperbot_slack_api_calls_total", "method", "chat.postMessage", "result",
                "permanent_error", "error", "channel_not_found")).isEqualTo(1);
        assertThat(page.sum("paperbot_slack_api_calls_total", "method", "chat.postMessage", "result", "ok"))
                .isEqualTo(slack.calls("chat.postMessage").size() - 2);
        assertThat(page.sum("paperbot_slack_commands_total", "kind", "digest_now", "outcome", "ok")).isPositive();
        // The picks cache: computed once per channel and day.
        assertThat(page.sum("cache_gets_total", "cache", "picks", "result", "miss")).isEqualTo(2);
    }

    @Test
    void turned_off_there_is_no_metrics_route() throws Exception {
        start(Duration.ofSeconds(20), false);
        command(SlackRequests.CHANNEL, "quantization");

        assertThat(metrics().status()).isEqualTo(404);
        assertThat(requests.get(URI.create("http://127.0.0.1:" + bot.port() + "/healthz")).statusCode())
                .isEqualTo(200);
    }
}
