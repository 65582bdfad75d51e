package dev.paperbot.bot.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperbot.bot.activity.PaperActivity;
import dev.paperbot.bot.config.ConfigException;
import dev.paperbot.bot.slack.view.ActionIds;
import dev.paperbot.bot.subscription.SubscriptionCommands;
import dev.paperbot.bot.testing.FakeSlackApi;
import dev.paperbot.bot.testing.FakeSlackSocket;
import dev.paperbot.bot.testing.MetricsPage;
import dev.paperbot.bot.testing.SlackRequests;
import dev.paperbot.bot.testing.TestBots;
import dev.paperbot.bot.testing.TestIndexes;
import dev.paperbot.core.search.PaperIndex;
import java.time.Clock;
import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Socket Mode end to end: the app connects to a local WebSocket server that plays Slack, and acks its envelopes. */
class SocketModeTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final ObjectMapper JSON = new ObjectMapper();

    static FakeSlackApi slack;
    static FakeSlackSocket socket;
    static BotRuntime bot;

    @BeforeAll
    static void start() {
        slack = FakeSlackApi.start();
        socket = FakeSlackSocket.start();
        slack.socketModeUrl(socket.url());
        PaperIndex index = TestIndexes.seeded();
        bot = BotRuntime.start(TestBots.config(slack, null, "xapp-1-A0TEST-1-0123456789abcdef"),
                new BotRuntime.Parts(() -> index, SubscriptionCommands.notYetAvailable(),
                        PaperActivity.inMemory(Clock.systemUTC()), Duration.ofSeconds(2)));
        socket.awaitClient(WAIT);
    }

    @AfterAll
    static void stop() {
        bot.close();
        socket.close();
        slack.close();
    }

    private static ObjectNode command(String text) {
        return JSON.createObjectNode().put("token", "legacy").put("team_id", SlackRequests.TEAM)
                .put("team_domain", "test").put("channel_id", SlackRequests.CHANNEL).put("channel_name", "general")
                .put("user_id", SlackRequests.USER).put("user_name", "tester").put("command", "/papers")
                .put("text", text).put("api_app_id", "A0TESTAPP").put("is_enterprise_install", "false")
                .put("response_url", slack.responseUrl("socket")).put("trigger_id", "1.2.3");
    }

    @Test
    void connects_with_the_app_token_through_the_configured_web_api() {
        FakeSlackApi.Call open = slack.awaitCall("apps.connections.open");
        assertThat(open.token()).isEqualTo("xapp-1-A0TEST-1-0123456789abcdef");
        assertThat(slack.calls("auth.test")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.token()).isEqualTo(TestBots.BOT_TOKEN));
    }

    @Test
    void healthz_answers_in_socket_mode_too() throws Exception {
        TestBots.awaitIndex(bot);
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + bot.port() + "/healthz")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void metrics_are_served_in_socket_mode_too_with_the_connections_web_api_calls() {
        slack.awaitCall("apps.connections.open");

        MetricsPage page = MetricsPage.await(bot.port(), p -> p.sum("paperbot_slack_api_calls_total",
                "method", "apps.connections.open", "result", "ok") >= 1);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.sum("paperbot_slack_api_calls_total", "method", "auth.test", "result", "ok")).isPositive();
    }

    @Test
    void a_slash_command_envelope_is_acked_with_the_results() {
        TestBots.awaitIndex(bot);
        String id = socket.send("slash_commands", command("quantization"));

        JsonNode ack = socket.awaitAck(id, WAIT);
        assertThat(ack.at("/payload/response_type").asText()).isEqualTo("ephemeral");
        assertThat(ack.at("/payload/blocks/0/text/text").asText()).contains("Papers for \u201Cquantization\u201D");
        assertThat(ack.path("payload").toString()).contains("*quantization*");
    }

    @Test
    void a_button_envelope_is_acked_and_its_work_goes_through_the_web_api() {
        TestBots.awaitIndex(bot);
        String results = socket.send("slash_commands", command("diffusion"));
        String paperId = null;
        for (JsonNode block : socket.awaitAck(results, WAIT).at("/payload/blocks")) {
            for (JsonNode e : block.path("elements")) {
                if (ActionIds.SHARE.equals(e.path("action_id").asText())) {
                    paperId = e.path("value").asText();
                }
            }
        }
        Assertions.assertThat(paperId).isNotNull();

        String id = socket.send("interactive", SlackRequests.blockAction(ActionIds.SHARE, paperId,
                slack.responseUrl("socket-share")));

        assertThat(socket.awaitAck(id, WAIT).has("payload")).isFalse();
        FakeSlackApi.Call post = slack.awaitCall("chat.postMessage");
        assertThat(post.param("channel")).isEqualTo(SlackRequests.CHANNEL);
        assertThat(post.allText()).contains("shared a paper");
    }

    @Test
    void an_app_home_event_is_acked_and_publishes_the_home_view() {
        ObjectNode envelope = (ObjectNode) readTree(SlackRequests.eventCallback(SlackRequests.appHomeOpened("U0HOME")));
        String id = socket.send("events_api", envelope);

        socket.awaitAck(id, WAIT);
        FakeSlackApi.Call publish = slack.awaitCall("views.publish", c -> "U0HOME".equals(c.param("user_id")), WAIT);
        assertThat(publish.allText()).contains("How to use me");
    }

    @Test
    void a_refused_bot_token_stops_start_up_with_a_clear_message() {
        try (FakeSlackApi refusing = FakeSlackApi.start()) {
            refusing.failAlways("auth.test", FakeSlackApi.Failure.slackError("invalid_auth"));
            Assertions.assertThatThrownBy(() -> BotRuntime.start(
                            TestBots.config(refusing, null, "xapp-1-A0TEST-1-0123456789abcdef"),
                            new BotRuntime.Parts(TestIndexes::seeded, SubscriptionCommands.notYetAvailable(),
                                    PaperActivity.inMemory(Clock.systemUTC()), Duration.ofSeconds(2))))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("SLACK_BOT_TOKEN")
                    .hasMessageContaining("invalid_auth").hasMessageNotContaining("xoxb-");
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
