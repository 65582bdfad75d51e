package dev.paperbot.bot.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperbot.bot.activity.PaperActivity;
import dev.paperbot.bot.slack.view.ActionIds;
import dev.paperbot.bot.subscription.SubscriptionCommands;
import dev.paperbot.bot.testing.FakeSlackApi;
import dev.paperbot.bot.testing.LogCapture;
import dev.paperbot.bot.testing.SlackRequests;
import dev.paperbot.bot.testing.TestBots;
import dev.paperbot.bot.testing.TestIndexes;
import dev.paperbot.core.search.PaperIndex;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTP mode over real HTTP: requests signed as Slack signs them, answers through the ack, response_url and the Web API. */
class HttpModeTest {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String FORM = "application/x-www-form-urlencoded";
    static final ObjectMapper JSON = new ObjectMapper();

    static FakeSlackApi slack;
    static BotRuntime bot;
    static SlackRequests requests;

    @BeforeAll
    static void start() {
        slack = FakeSlackApi.start();
        PaperIndex index = TestIndexes.seeded();
        bot = BotRuntime.start(TestBots.config(slack, SECRET, null), new BotRuntime.Parts(() -> index,
                SubscriptionCommands.notYetAvailable(), PaperActivity.inMemory(Clock.systemUTC()),
                Duration.ofSeconds(2)));
        requests = SlackRequests.toPort(bot.port(), SECRET);
    }

    @AfterAll
    static void stop() {
        bot.close();
        slack.close();
    }

    @BeforeEach
    void waitForIndex() throws InterruptedException {
        TestBots.awaitIndex(bot);
        slack.reset();
    }

    private static HttpResponse<String> command(String text) {
        return requests.send(SlackRequests.slashCommand(text, slack.responseUrl("cmd")), FORM);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void papers_quantization_answers_with_quantization_papers_in_the_ack() throws Exception {
        HttpResponse<String> response = command("quantization");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(body.at("/blocks/0/text/text").asText()).startsWith("*Papers for \u201Cquantization\u201D*");
        JsonNode firstPaper = body.at("/blocks/2/text/text");
        assertThat(firstPaper.asText()).containsIgnoringCase("quantization").contains("*quantization*");
        assertThat(response.body()).contains(ActionIds.MORE_LIKE_THIS, ActionIds.SHARE, ActionIds.NOT_INTERESTED,
                ActionIds.NEXT_PAGE);
        // Every Web API call went to the fake, with the bot token.
        assertThat(slack.calls()).allSatisfy(c -> assertThat(c.token()).isEqualTo(TestBots.BOT_TOKEN));
    }

    @Test
    void help_and_errors_are_ephemeral_and_specific() throws Exception {
        assertThat(json(command("")).at("/blocks").toString()).contains("How to use paperbot");
        assertThat(json(command("digest time 09:00 Europe/Berln")).toString())
                .contains("I don't know the timezone").contains("Europe/Berlin");
        assertThat(json(command("subscribe llm agents")).toString()).contains("not available")
                .contains("llm agents");
    }

    @Test
    void trending_without_any_upvotes_in_the_index_says_how_to_get_them() throws Exception {
        // The embedded corpus, and no Hugging Face ingestion: no popularity signal at all.
        JsonNode reply = json(command("trending"));
        assertThat(reply.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(reply.toString()).contains("No Hugging Face upvotes in my index yet", "`bin/paperbot ingest hf`",
                "`PAPERBOT_INGEST=rss,hf`");
        assertThat(json(command("trending 90")).toString()).contains("looks back 1 to 30 days", "not 90");
        assertThat(json(command("help")).toString()).contains("/papers trending");
    }

    @Test
    void a_bad_signature_a_stale_timestamp_or_a_tampered_body_get_401() {
        String body = SlackRequests.slashCommand("quantization", slack.responseUrl("x"));
        SlackRequests wrongSecret = SlackRequests.toPort(bot.port(), "not-the-secret");

        assertThat(wrongSecret.send(body, FORM).statusCode()).isEqualTo(401);
        assertThat(requests.send(body, FORM, Instant.now().minus(Duration.ofMinutes(10)), body).statusCode())
                .isEqualTo(401);
        assertThat(requests.send(body.replace("quantization", "diffusion"), FORM, Instant.now(), body).statusCode())
                .isEqualTo(401);
        assertThat(requests.post(body, FORM, Map.of()).statusCode()).isEqualTo(401);
        assertThat(slack.calls(FakeSlackApi.RESPONSE_URL)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "\u0000\u0001\u00ff", "payload=", "payload=%7Bnot-json",
            "payload=%7B%7D", "payload=%7B%22type%22%3A%22no_such_type%22%7D",
            "payload=%7B%22type%22%3A%22event_callback%22%7D", "payload=%5B1%2C2%5D",
            "command=%2Fpapers", "{\"type\":\"event_callback\"}", "{\"type\":\"mystery\"}", "[]", "{"})
    void garbage_and_unknown_payload_types_get_4xx_signed_or_not(String body) {
        for (String type : new String[] {FORM, "application/json"}) {
            int signed = requests.send(body, type).statusCode();
            int unsigned = requests.post(body, type, Map.of()).statusCode();
            assertThat(signed).as("signed %s as %s", body, type).isBetween(400, 499);
            assertThat(unsigned).as("unsigned %s as %s", body, type).isBetween(400, 499);
        }
    }

    @Test
    void slacks_url_verification_challenge_is_answered() throws Exception {
        HttpResponse<String> r = requests.send(
                "{\"token\":\"legacy\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                        + "\"type\":\"url_verification\"}", "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void share_to_channel_posts_the_paper_and_confirms_privately() throws Exception {
        String paperId = firstPaperId("quantization");
        HttpResponse<String> ack = requests.send(SlackRequests.interactionBody(SlackRequests.blockAction(
                ActionIds.SHARE, paperId, slack.responseUrl("share"))), FORM);

        assertThat(ack.statusCode()).isEqualTo(200);
        FakeSlackApi.Call post = slack.awaitCall("chat.postMessage");
        assertThat(post.param("channel")).isEqualTo(SlackRequests.CHANNEL);
        assertThat(post.allText()).contains("<@" + SlackRequests.USER + "> shared a paper").containsIgnoringCase(
                "quantization");
        assertThat(post.json("blocks").toString()).doesNotContain(ActionIds.SHARE);
        assertThat(slack.awaitCall(FakeSlackApi.RESPONSE_URL).allText()).contains("Shared");
    }

    @Test
    void a_share_slack_refuses_is_explained() throws Exception {
        String paperId = firstPaperId("quantization");
        slack.failNext("chat.postMessage", FakeSlackApi.Failure.slackError("channel_not_found"));
        requests.send(SlackRequests.interactionBody(SlackRequests.blockAction(ActionIds.SHARE, paperId,
                slack.responseUrl("share"))), FORM);

        assertThat(slack.awaitCall(FakeSlackApi.RESPONSE_URL).allText()).contains("/invite @paperbot");
    }

    @Test
    void not_interested_removes_the_paper_from_later_results() throws Exception {
        String paperId = firstPaperId("quantization");
        requests.send(SlackRequests.interactionBody(SlackRequests.blockAction(ActionIds.NOT_INTERESTED, paperId,
                slack.responseUrl("dismiss"))), FORM);
        assertThat(slack.awaitCall(FakeSlackApi.RESPONSE_URL).allText()).contains("won't show you");

        assertThat(command("quantization").body()).doesNotContain(paperId);
    }

    @Test
    void a_button_whose_response_url_expired_answers_with_chat_post_ephemeral() throws Exception {
        String paperId = firstPaperId("quantization");
        slack.failNext(FakeSlackApi.RESPONSE_URL, new FakeSlackApi.Failure(404, "expired_url", 0, null));
        requests.send(SlackRequests.interactionBody(SlackRequests.blockAction(ActionIds.SAVE, paperId,
                slack.responseUrl("expired"))), FORM);

        FakeSlackApi.Call ephemeral = slack.awaitCall("chat.postEphemeral");
        assertThat(ephemeral.param("user")).isEqualTo(SlackRequests.USER);
        assertThat(ephemeral.allText()).contains("Saved");
    }

    @Test
    void next_5_replaces_the_results_with_the_next_page() throws Exception {
        requests.send(SlackRequests.interactionBody(SlackRequests.blockAction(ActionIds.NEXT_PAGE,
                new ActionIds.Page("quantization", 5).encode(), slack.responseUrl("next"))), FORM);

        FakeSlackApi.Call reply = slack.awaitCall(FakeSlackApi.RESPONSE_URL);
        assertThat(reply.param("replace_original")).isEqualTo("true");
        assertThat(reply.allText()).contains("(6\u201310 of");
    }

    @Test
    void app_home_shows_usage_and_saved_papers() throws Exception {
        String paperId = firstPaperId("diffusion");
        requests.send(SlackRequests.interactionBody(SlackRequests.blockAction(ActionIds.SAVE, paperId,
                slack.responseUrl("save"))), FORM);
        slack.awaitCall(FakeSlackApi.RESPONSE_URL);

        HttpResponse<String> ack = requests.send(SlackRequests.eventCallback(
                SlackRequests.appHomeOpened(SlackRequests.USER)), "application/json");

        assertThat(ack.statusCode()).isEqualTo(200);
        FakeSlackApi.Call publish = slack.awaitCall("views.publish");
        assertThat(publish.param("user_id")).isEqualTo(SlackRequests.USER);
        assertThat(publish.json("view").path("type").asText()).isEqualTo("home");
        assertThat(publish.allText()).contains("How to use me", "Your saved and shared papers", "saved ");
        assertThat(publish.allText()).doesNotContain("Nothing yet");
    }

    @Test
    void slow_searches_ack_at_once_and_answer_through_response_url() throws Exception {
        FakeSlackApi slow = FakeSlackApi.start();
        // Searches take longer than the (zero) ack budget, whatever the machine's speed.
        PaperIndex index = TestIndexes.slow(TestIndexes.seeded(), Duration.ofMillis(200));
        try (BotRuntime zeroBudget = BotRuntime.start(TestBots.config(slow, SECRET, null), new BotRuntime.Parts(() -> index,
                SubscriptionCommands.notYetAvailable(), PaperActivity.inMemory(Clock.systemUTC()), Duration.ZERO))) {
            SlackRequests r = SlackRequests.toPort(zeroBudget.port(), SECRET);
            TestBots.awaitIndex(zeroBudget);
            HttpResponse<String> ack = r.send(SlackRequests.slashCommand("quantization", slow.responseUrl("late")),
                    FORM);

            assertThat(ack.statusCode()).isEqualTo(200);
            assertThat(ack.body()).isEmpty();
            FakeSlackApi.Call late = slow.awaitCall(FakeSlackApi.RESPONSE_URL);
            assertThat(late.path()).endsWith("/late");
            assertThat(late.param("response_type")).isEqualTo("ephemeral");
            assertThat(late.allText()).contains("*quantization*");

            // When response_url no longer takes replies (expired, used up), the reply goes out as chat.postEphemeral.
            slow.failNext(FakeSlackApi.RESPONSE_URL, FakeSlackApi.Failure.serverError(500));
            r.send(SlackRequests.slashCommand("diffusion", slow.responseUrl("expired")), FORM);
            FakeSlackApi.Call ephemeral = slow.awaitCall("chat.postEphemeral");
            assertThat(ephemeral.param("channel")).isEqualTo(SlackRequests.CHANNEL);
            assertThat(ephemeral.param("user")).isEqualTo(SlackRequests.USER);
            assertThat(ephemeral.token()).isEqualTo(TestBots.BOT_TOKEN);
            assertThat(ephemeral.allText()).contains("*diffusion*");
        } finally {
            slow.close();
        }
    }

    @Test
    void healthz_is_503_until_the_index_is_ready_then_200() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PaperIndex index = TestIndexes.seeded();
        try (BotRuntime starting = BotRuntime.start(TestBots.config(slack, SECRET, null), new BotRuntime.Parts(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return index;
        }, SubscriptionCommands.notYetAvailable(), PaperActivity.inMemory(Clock.systemUTC()), Duration.ofSeconds(2)))) {
            URI health = URI.create("http://127.0.0.1:" + starting.port() + "/healthz");
            assertThat(requests.get(health).statusCode()).isEqualTo(503);
            SlackRequests r = SlackRequests.toPort(starting.port(), SECRET);
            assertThat(r.send(SlackRequests.slashCommand("quantization", slack.responseUrl("early")), FORM).body())
                    .contains("still loading");

            release.countDown();
            TestBots.awaitIndex(starting);
            assertThat(requests.get(health).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void tokens_and_secrets_never_reach_the_log_even_at_debug() throws Exception {
        List<String> lines;
        try (LogCapture log = LogCapture.debug()) {
            String paperId = firstPaperId("quantization");
            requests.send(SlackRequests.interactionBody(SlackRequests.blockAction(ActionIds.SHARE, paperId,
                    slack.responseUrl("log"))), FORM);
            slack.awaitCall(FakeSlackApi.RESPONSE_URL);
            requests.send(SlackRequests.eventCallback(SlackRequests.appHomeOpened(SlackRequests.USER)),
                    "application/json");
            slack.awaitCall("views.publish");
            lines = log.lines();
        }
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain(TestBots.BOT_TOKEN, SECRET));
    }

    private static String firstPaperId(String query) throws Exception {
        JsonNode body = json(command(query));
        for (JsonNode block : body.path("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if (ActionIds.SHARE.equals(element.path("action_id").asText())) {
                    return element.path("value").asText();
                }
            }
        }
        throw new AssertionError("no paper in " + body);
    }
}
