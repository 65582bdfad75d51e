package dev.paperbot.bot.testing;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.util.http.SlackHttpClient;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake answers the real SDK client the way Slack does, and fails on demand. */
class FakeSlackApiTest {

    private final FakeSlackApi slack = FakeSlackApi.start();

    @AfterEach
    void stop() {
        slack.close();
    }

    private MethodsClient client(SlackHttpClient http) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        config.setStatsEnabled(false);
        Slack sdk = http == null ? Slack.getInstance(config) : Slack.getInstance(config, http);
        return sdk.methods("xoxb-0000_fake_bot_token");
    }

    @Test
    void records_calls_with_their_token_and_json_blocks() throws Exception {
        ChatPostMessageResponse response = client(null).chatPostMessage(r -> r.channel("C1").text("hi")
                .blocks(asBlocks(section(s -> s.text(markdownText("*bold* text"))))));

        assertThat(response.isOk()).isTrue();
        assertThat(response.getTs()).isNotBlank();
        FakeSlackApi.Call call = slack.awaitCall("chat.postMessage");
        assertThat(call.token()).isEqualTo("xoxb-0000_fake_bot_token");
        assertThat(call.param("channel")).isEqualTo("C1");
        assertThat(call.json("blocks").get(0).at("/text/text").asText()).isEqualTo("*bold* text");
        assertThat(call.allText()).contains("hi", "*bold* text");
    }

    @Test
    void rate_limits_with_retry_after() {
        slack.failNext("chat.postMessage", FakeSlackApi.Failure.rateLimited(7));

        assertThatThrownBy(() -> client(null).chatPostMessage(r -> r.channel("C1").text("x")))
                .isInstanceOfSatisfying(SlackApiException.class, e -> {
                    assertThat(e.getResponse().code()).isEqualTo(429);
                    assertThat(e.getResponse().header("Retry-After")).isEqualTo("7");
                });
    }

    @Test
    void queued_failures_come_one_per_call_then_calls_succeed() throws Exception {
        slack.failNext("chat.postMessage", FakeSlackApi.Failure.serverError(503));
        slack.failNext("chat.postMessage", FakeSlackApi.Failure.slackError("channel_not_found"));
        MethodsClient client = client(null);

        assertThatThrownBy(() -> client.chatPostMessage(r -> r.channel("C1").text("x")))
                .isInstanceOfSatisfying(SlackApiException.class,
                        e -> assertThat(e.getResponse().code()).isEqualTo(503));
        assertThat(client.chatPostMessage(r -> r.channel("C1").text("x")).getError()).isEqualTo("channel_not_found");
        assertThat(client.chatPostMessage(r -> r.channel("C1").text("x")).isOk()).isTrue();
        assertThat(slack.calls("chat.postMessage")).hasSize(3);
    }

    @Test
    void a_slow_answer_is_a_client_timeout() {
        slack.failNext("views.publish", FakeSlackApi.Failure.slow(Duration.ofSeconds(2)));
        SlackHttpClient http = new SlackHttpClient(new OkHttpClient.Builder()
                .readTimeout(Duration.ofMillis(200)).build());

        assertThatThrownBy(() -> client(http).viewsPublish(r -> r.userId("U1")))
                .isInstanceOfAny(InterruptedIOException.class, IOException.class);
    }

    @Test
    void socket_mode_url_is_handed_out_by_apps_connections_open() throws Exception {
        slack.socketModeUrl("ws://127.0.0.1:9/link");

        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        assertThat(Slack.getInstance(config).methods().appsConnectionsOpen(r -> r.token("xapp-1-A0FAKE-1-0123456789abcdef")).getUrl())
                .isEqualTo("ws://127.0.0.1:9/link");
    }

    @Test
    void exchanges_an_install_code_once_for_the_app_it_knows_and_answers_auth_test_per_workspace() throws Exception {
        slack.oauthApp("1.2", "secret");
        FakeSlackApi.Workspace acme = FakeSlackApi.Workspace.of("TACME");
        slack.installCode("c1", acme, "xoxb-acme", "commands,chat:write");
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        config.setStatsEnabled(false);
        Slack sdk = Slack.getInstance(config);

        assertThat(sdk.methods().oauthV2Access(r -> r.clientId("1.2").clientSecret("wrong").code("c1")).getError())
                .isEqualTo("bad_client_secret");
        var access = sdk.methods().oauthV2Access(r -> r.clientId("1.2").clientSecret("secret").code("c1"));
        assertThat(access.isOk()).isTrue();
        assertThat(access.getAccessToken()).isEqualTo("xoxb-acme");
        assertThat(access.getTeam().getId()).isEqualTo("TACME");
        assertThat(access.getScope()).isEqualTo("commands,chat:write");
        assertThat(access.getAuthedUser().getId()).isEqualTo(acme.installer());
        assertThat(sdk.methods().oauthV2Access(r -> r.clientId("1.2").clientSecret("secret").code("c1")).getError())
                .as("a code works once").isEqualTo("invalid_code");

        assertThat(sdk.methods("xoxb-acme").authTest(r -> r).getTeamId()).isEqualTo("TACME");
        assertThat(sdk.methods("xoxb-other").authTest(r -> r).getTeamId()).isEqualTo(FakeSlackApi.TEAM_ID);
        slack.revoke("xoxb-acme");
        assertThat(sdk.methods("xoxb-acme").authTest(r -> r).getError()).isEqualTo("token_revoked");
    }

    @Test
    void rotating_tokens_refresh_once_per_refresh_token() throws Exception {
        slack.installCodeRotating("c1", FakeSlackApi.Workspace.of("TACME"), "xoxe.xoxb-1", "commands", "xoxe-1-r",
                43_200);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        config.setStatsEnabled(false);
        MethodsClient methods = Slack.getInstance(config).methods();
        assertThat(methods.oauthV2Access(r -> r.clientId("a").clientSecret("b").code("c1")).getRefreshToken())
                .isEqualTo("xoxe-1-r");

        var refreshed = methods.oauthV2Access(r -> r.clientId("a").clientSecret("b").grantType("refresh_token")
                .refreshToken("xoxe-1-r"));
        assertThat(refreshed.getAccessToken()).startsWith("xoxe.xoxb-refreshed_");
        assertThat(refreshed.getExpiresIn()).isEqualTo(43_200);
        assertThat(methods.oauthV2Access(r -> r.clientId("a").clientSecret("b").grantType("refresh_token")
                .refreshToken("xoxe-1-r")).getError()).isEqualTo("invalid_refresh_token");
    }
}
