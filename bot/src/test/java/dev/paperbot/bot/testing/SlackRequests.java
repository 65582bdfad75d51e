package dev.paperbot.bot.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Requests as Slack sends them to an HTTP-mode app: form-encoded slash commands, {@code payload=} interactions and
 * JSON events, signed with {@link SlackSignature.Generator} (HMAC-SHA256 over {@code v0:timestamp:body}) and sent
 * over real HTTP.
 */
public final class SlackRequests {

    public static final String TEAM = FakeSlackApi.TEAM_ID;
    public static final String CHANNEL = "C0TESTCHAN";
    public static final String USER = "U0TESTUSER";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI events;
    private final String signingSecret;

    public SlackRequests(URI events, String signingSecret) {
        this.events = events;
        this.signingSecret = signingSecret;
    }

    /** Requests to the {@code /slack/events} of a bot running on {@code port} of 127.0.0.1. */
    public static SlackRequests toPort(int port, String signingSecret) {
        return new SlackRequests(URI.create("http://127.0.0.1:" + port + "/slack/events"), signingSecret);
    }

    /** The form body of {@code /papers <text>} typed by {@link #USER} in {@link #CHANNEL}. */
    public static String slashCommand(String text, String responseUrl) {
        return slashCommand(TEAM, CHANNEL, USER, text, responseUrl);
    }

    /** The form body of {@code /papers <text>} typed by {@code user} in {@code channel} of workspace {@code team}. */
    public static String slashCommand(String team, String channel, String user, String text, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", team);
        form.put("team_domain", "test");
        form.put("channel_id", channel);
        form.put("channel_name", "general");
        form.put("user_id", user);
        form.put("user_name", "tester");
        form.put("command", "/papers");
        form.put("text", text);
        form.put("api_app_id", "A0TESTAPP");
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", "123.456.abc");
        return form(form);
    }

    /** A {@code block_actions} payload (as the JSON object, before form encoding) for one button press. */
    public static ObjectNode blockAction(String actionId, String value, String responseUrl) {
        ObjectNode p = JSON.createObjectNode().put("type", "block_actions").put("api_app_id", "A0TESTAPP")
                .put("token", "legacy").put("trigger_id", "123.456.abc").put("response_url", responseUrl);
        p.putObject("team").put("id", TEAM).put("domain", "test");
        p.putObject("user").put("id", USER).put("username", "tester").put("team_id", TEAM);
        p.putObject("channel").put("id", CHANNEL).put("name", "general");
        p.putObject("container").put("type", "message").put("message_ts", "1700000000.000100")
                .put("channel_id", CHANNEL).put("is_ephemeral", true);
        ObjectNode action = p.putArray("actions").addObject().put("type", "button").put("action_id", actionId)
                .put("block_id", "b1").put("value", value).put("action_ts", "1700000001.000200");
        action.putObject("text").put("type", "plain_text").put("text", "button");
        return p;
    }

    public static String interactionBody(ObjectNode payload) {
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    /** An {@code event_callback} envelope around {@code event}. */
    public static String eventCallback(ObjectNode event) {
        return eventCallback(TEAM, FakeSlackApi.BOT_USER_ID, event);
    }

    /** An {@code event_callback} envelope around {@code event} from workspace {@code team}, for its bot user. */
    public static String eventCallback(String team, String botUserId, ObjectNode event) {
        ObjectNode e = JSON.createObjectNode().put("token", "legacy").put("team_id", team).put("api_app_id", "A0TESTAPP")
                .put("type", "event_callback").put("event_id", "Ev0" + team).put("event_time", 1700000000);
        e.set("event", event);
        if (botUserId != null) {
            e.putArray("authorizations").addObject().put("team_id", team).put("user_id", botUserId)
                    .put("is_bot", true);
        }
        return e.toString();
    }

    /** {@code app_uninstalled} from workspace {@code team}, as Slack sends it: no authorizations. */
    public static String appUninstalled(String team) {
        return eventCallback(team, null, JSON.createObjectNode().put("type", "app_uninstalled")
                .put("event_ts", "1700000000.000400"));
    }

    /** {@code tokens_revoked} for the bot user of workspace {@code team}. */
    public static String tokensRevoked(String team, String botUserId) {
        ObjectNode event = JSON.createObjectNode().put("type", "tokens_revoked").put("event_ts", "1700000000.000500");
        ObjectNode tokens = event.putObject("tokens");
        tokens.putArray("bot").add(botUserId);
        return eventCallback(team, null, event);
    }

    public static ObjectNode appHomeOpened(String user) {
        return JSON.createObjectNode().put("type", "app_home_opened").put("user", user).put("channel", "D0TEST")
                .put("tab", "home").put("event_ts", "1700000000.000300");
    }

    public static String form(Map<String, String> fields) {
        StringJoiner joiner = new StringJoiner("&");
        fields.forEach((k, v) -> joiner.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joiner.toString();
    }

    /** Signed now, exactly as Slack signs. */
    public HttpResponse<String> send(String body, String contentType) {
        return send(body, contentType, Instant.now(), body);
    }

    /**
     * Sends {@code body} with a signature computed over {@code signedBody} at {@code signedAt}: tests pass a
     * different body, an old instant or a wrong secret to see the request refused.
     */
    public HttpResponse<String> send(String body, String contentType, Instant signedAt, String signedBody) {
        String timestamp = String.valueOf(signedAt.getEpochSecond());
        String signature = new SlackSignature.Generator(signingSecret).generate(timestamp, signedBody);
        return post(body, contentType, Map.of(
                SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp,
                SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signature));
    }

    /** Sends without any Slack headers, or with the given ones. */
    public HttpResponse<String> post(String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request.build());
    }

    public HttpResponse<String> get(URI uri) {
        return get(uri, Map.of());
    }

    /** A GET with these headers (a {@code Cookie}, say); redirects are not followed. */
    public HttpResponse<String> get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
