package dev.paperbot.bot.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import dev.paperbot.bot.digest.SlackAccess;
import dev.paperbot.bot.digest.TeamTokens;
import dev.paperbot.bot.http.BoltBridge;
import dev.paperbot.bot.slack.BotServices;
import dev.paperbot.bot.slack.SlackApps;
import dev.paperbot.bot.slack.SlackListeners;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The local playground: a web page that plays Slack, so the bot can be tried without a workspace.
 *
 * <p>It drives the very same Bolt app and listeners as Slack does. A command typed on the page becomes a slash
 * command request signed with a secret made up at start, exactly as Slack would sign it, and goes through Bolt's
 * signature check; button clicks become {@code block_actions} payloads and opening the Home tab an
 * {@code app_home_opened} event. The bot's answers come back the way they come from Slack's side: in the ack body,
 * through {@code response_url}s and through Web API calls ({@code chat.postMessage}, {@code chat.postEphemeral},
 * {@code views.publish}), all served by this class under {@code /playground/slack/} instead of by Slack. The page
 * polls the feed and renders the Block Kit it finds there.
 */
public final class Playground {

    public static final String TEAM_ID = "T0PLAYGRND";
    public static final String APP_ID = "A0PLAYGRND";
    static final String BOT_USER_ID = "U0PAPERBOT";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Visitor ids come from the page; they also name the pretend user and channel. */
    private static final Pattern VISITOR = Pattern.compile("[a-z0-9]{4,24}");
    private static final int MAX_COMMAND_CHARS = 4000;

    private final PlaygroundFeed feed = new PlaygroundFeed();
    private final String signingSecret = randomHex(32);
    private final String botToken = "xoxb-local_playground_" + randomHex(12);
    private final BotServices services;
    private volatile BoltBridge bolt;
    private volatile String baseUrl;

    public Playground(BotServices services) {
        this.services = services;
    }

    /** Registers the page and the pretend Slack; call {@link #connect(int)} once the server listens. */
    public void routes(RoutesConfig routes) {
        routes.get("/", ctx -> resource(ctx, "index.html", "text/html; charset=utf-8"));
        routes.get("/playground/app.js", ctx -> resource(ctx, "app.js", "text/javascript; charset=utf-8"));
        routes.get("/playground/app.css", ctx -> resource(ctx, "app.css", "text/css; charset=utf-8"));
        routes.get("/playground/feed", ctx -> json(ctx, feed.snapshot(visitor(ctx.queryParam("visitor")))));
        routes.post("/playground/command", this::command);
        routes.post("/playground/action", this::action);
        routes.post("/playground/home", this::home);
        routes.post("/playground/slack/api/{method}", this::webApi);
        routes.post("/playground/slack/respond/{visitor}/{message}", this::respond);
    }

    /** Builds the Bolt app once the port is known: its Web API base URL is this server. */
    public void connect(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
        App app = SlackApps.app(SlackApps.slack(URI.create(baseUrl + "/playground/slack/api/"), services.meters()),
                botToken, signingSecret, services);
        this.bolt = new BoltBridge(app);
    }

    /** How the digests post here: to this page's pretend Slack, as the playground's workspace. */
    public SlackAccess digestSlack() {
        if (baseUrl == null) {
            throw new IllegalStateException("playground used before connect()");
        }
        return new SlackAccess(baseUrl + "/playground/slack/api/", TeamTokens.fixed(TEAM_ID, botToken));
    }

    // ---- the page's requests -------------------------------------------------------------------------------

    private void command(Context ctx) throws IOException {
        JsonNode in = JSON.readTree(ctx.body());
        String visitor = visitor(in.path("visitor").asText());
        String typed = in.path("text").asText("").strip();
        if (typed.length() > MAX_COMMAND_CHARS) {
            typed = typed.substring(0, MAX_COMMAND_CHARS);
        }
        // Accept "/papers quantization" as typed in Slack, or just "quantization".
        String text = typed.toLowerCase(Locale.ROOT).startsWith(SlackListeners.COMMAND)
                ? typed.substring(SlackListeners.COMMAND.length()).strip() : typed;
        feed.add(visitor, "command", SlackListeners.COMMAND + (text.isEmpty() ? "" : " " + text), null);

        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "playground");
        form.put("team_id", TEAM_ID);
        form.put("team_domain", "playground");
        form.put("channel_id", channel(visitor));
        form.put("channel_name", "playground");
        form.put("user_id", user(visitor));
        form.put("user_name", "you");
        form.put("command", SlackListeners.COMMAND);
        form.put("text", text);
        form.put("api_app_id", APP_ID);
        form.put("is_enterprise_install", "false");
        form.put("response_url", respondUrl(visitor, "new"));
        form.put("trigger_id", "trigger." + randomHex(6));
        Response response = signedPost(formEncode(form), "application/x-www-form-urlencoded");
        addAckBody(visitor, response);
        json(ctx, JSON.createObjectNode().put("ok", response.getStatusCode() == 200));
    }

    private void action(Context ctx) throws IOException {
        JsonNode in = JSON.readTree(ctx.body());
        String visitor = visitor(in.path("visitor").asText());
        String message = in.path("message").asText("none").replaceAll("[^a-z0-9]", "");
        ObjectNode payload = JSON.createObjectNode().put("type", "block_actions");
        payload.putObject("team").put("id", TEAM_ID).put("domain", "playground");
        payload.putObject("user").put("id", user(visitor)).put("username", "you").put("name", "you")
                .put("team_id", TEAM_ID);
        payload.put("api_app_id", APP_ID).put("token", "playground").put("trigger_id", "trigger." + randomHex(6));
        payload.putObject("container").put("type", "message").put("message_ts", message)
                .put("channel_id", channel(visitor)).put("is_ephemeral", true);
        payload.putObject("channel").put("id", channel(visitor)).put("name", "playground");
        payload.put("response_url", respondUrl(visitor, message));
        ObjectNode action = payload.putArray("actions").addObject()
                .put("type", "button")
                .put("action_id", in.path("action_id").asText(""))
                .put("block_id", in.path("block_id").asText(""))
                .put("value", in.path("value").asText(""))
                .put("action_ts", String.valueOf(System.currentTimeMillis() / 1000.0));
        action.putObject("text").put("type", "plain_text").put("text", in.path("label").asText(""));
        Response response = signedPost("payload=" + URLEncoder.encode(JSON.writeValueAsString(payload),
                StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
        json(ctx, JSON.createObjectNode().put("ok", response.getStatusCode() == 200));
    }

    private void home(Context ctx) throws IOException {
        JsonNode in = JSON.readTree(ctx.body());
        String visitor = visitor(in.path("visitor").asText());
        ObjectNode envelope = JSON.createObjectNode().put("token", "playground").put("team_id", TEAM_ID)
                .put("api_app_id", APP_ID).put("type", "event_callback").put("event_id", "Ev" + randomHex(5))
                .put("event_time", System.currentTimeMillis() / 1000);
        envelope.putObject("event").put("type", "app_home_opened").put("user", user(visitor))
                .put("channel", "D" + visitor.toUpperCase(Locale.ROOT)).put("tab", "home")
                .put("event_ts", String.valueOf(System.currentTimeMillis() / 1000.0));
        envelope.putArray("authorizations").addObject().put("team_id", TEAM_ID).put("user_id", BOT_USER_ID)
                .put("is_bot", true);
        Response response = signedPost(JSON.writeValueAsString(envelope), "application/json");
        json(ctx, JSON.createObjectNode().put("ok", response.getStatusCode() == 200));
    }

    /** Signs the body as Slack does and runs it through Bolt, signature check included. */
    private Response signedPost(String body, String contentType) {
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        String signature = new SlackSignature.Generator(signingSecret).generate(timestamp, body);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(contentType));
        headers.put(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, List.of(timestamp));
        headers.put(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, List.of(signature));
        BoltBridge b = bolt;
        if (b == null) {
            throw new IllegalStateException("playground used before connect()");
        }
        return b.run(new BoltBridge.RawRequest("/slack/events", Map.of(), body, headers, "127.0.0.1"));
    }

    /** A slash command's answer in the ack body shows up like Slack shows it: as an ephemeral message. */
    private void addAckBody(String visitor, Response response) throws IOException {
        String body = response.getBody();
        if (response.getStatusCode() != 200 || body == null || body.isBlank()) {
            return;
        }
        if (response.getContentType() != null && response.getContentType().startsWith("application/json")) {
            JsonNode message = JSON.readTree(body);
            feed.add(visitor, kind(message), message.path("text").asText(""), message.path("blocks"));
        } else {
            feed.add(visitor, "ephemeral", body, null);
        }
    }

    // ---- the pretend Slack -----------------------------------------------------------------------------------

    private void webApi(Context ctx) throws IOException {
        String method = ctx.pathParam("method");
        Map<String, String> params = ctx.contentType() != null && ctx.contentType().startsWith("application/json")
                ? flatten(JSON.readTree(ctx.body())) : formDecode(ctx.body());
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        switch (method) {
            case "auth.test" -> answer.put("url", baseUrl + "/").put("team", "Playground").put("user", "paperbot")
                    .put("team_id", TEAM_ID).put("user_id", BOT_USER_ID).put("bot_id", "B0PAPERBOT");
            case "chat.postMessage", "chat.postEphemeral" -> {
                String visitor = visitorOfChannel(params.getOrDefault("channel", ""));
                if (visitor == null) {
                    answer.put("ok", false).put("error", "channel_not_found");
                } else {
                    String id = feed.add(visitor, method.equals("chat.postMessage") ? "message" : "ephemeral",
                            params.get("text"), parse(params.get("blocks")));
                    answer.put("channel", params.get("channel")).put("ts", id).put("message_ts", id);
                }
            }
            case "views.publish" -> {
                String visitor = visitorOfUser(params.getOrDefault("user_id", ""));
                if (visitor == null) {
                    answer.put("ok", false).put("error", "user_not_found");
                } else {
                    feed.home(visitor, parse(params.get("view")));
                    answer.putObject("view").put("id", "V" + randomHex(4)).put("type", "home");
                }
            }
            default -> answer.put("ok", false).put("error", "unknown_method");
        }
        json(ctx, answer);
    }

    private void respond(Context ctx) throws IOException {
        String visitor = visitor(ctx.pathParam("visitor"));
        String message = ctx.pathParam("message");
        JsonNode body = JSON.readTree(ctx.body());
        if (body.path("delete_original").asBoolean(false)) {
            feed.delete(visitor, message);
        } else if (body.path("replace_original").asBoolean(false)) {
            feed.replace(visitor, message, kind(body), body.path("text").asText(""), body.path("blocks"));
        } else {
            feed.add(visitor, kind(body), body.path("text").asText(""), body.path("blocks"));
        }
        ctx.result("ok");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static String kind(JsonNode message) {
        return "in_channel".equals(message.path("response_type").asText()) ? "message" : "ephemeral";
    }

    private String respondUrl(String visitor, String message) {
        return baseUrl + "/playground/slack/respond/" + visitor + "/" + message;
    }

    private static String visitor(String raw) {
        String v = raw == null ? "" : raw.toLowerCase(Locale.ROOT);
        if (!VISITOR.matcher(v).matches()) {
            throw new io.javalin.http.BadRequestResponse("visitor must be 4-24 lower-case letters or digits");
        }
        return v;
    }

    private static String user(String visitor) {
        return "U" + visitor.toUpperCase(Locale.ROOT);
    }

    private static String channel(String visitor) {
        return "C" + visitor.toUpperCase(Locale.ROOT);
    }

    private static String visitorOfChannel(String channel) {
        String v = channel.length() > 1 ? channel.substring(1).toLowerCase(Locale.ROOT) : "";
        return channel.startsWith("C") && VISITOR.matcher(v).matches() ? v : null;
    }

    private static String visitorOfUser(String user) {
        String v = user.length() > 1 ? user.substring(1).toLowerCase(Locale.ROOT) : "";
        return user.startsWith("U") && VISITOR.matcher(v).matches() ? v : null;
    }

    private static JsonNode parse(String json) throws IOException {
        return json == null || json.isBlank() ? null : JSON.readTree(json);
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(),
                e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return out;
    }

    private static Map<String, String> formDecode(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String formEncode(Map<String, String> form) {
        StringJoiner joiner = new StringJoiner("&");
        form.forEach((k, v) -> joiner.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joiner.toString();
    }

    private static void json(Context ctx, JsonNode node) throws IOException {
        ctx.contentType("application/json").result(JSON.writeValueAsString(node));
    }

    private static void resource(Context ctx, String name, String contentType) {
        try (InputStream in = Playground.class.getResourceAsStream("/playground/" + name)) {
            if (in == null) {
                ctx.status(404).result("missing " + name);
                return;
            }
            ctx.contentType(contentType).result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
