package dev.paperbot.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A local stand-in for Slack's Web API and for {@code response_url}s, for tests: point the SDK at {@link #apiUrl()}
 * ({@code PAPERBOT_SLACK_API_URL}) and give requests a {@link #responseUrl(String)}.
 *
 * <p>It records every call ({@code POST /api/{method}}, form-encoded or JSON; {@code blocks} and {@code view} stay
 * JSON strings that {@link Call#json(String)} parses) and answers like Slack does for the methods the bot uses:
 * {@code auth.test}, {@code chat.postMessage}, {@code chat.postEphemeral}, {@code chat.update}, {@code views.publish},
 * {@code apps.connections.open}; anything else gets {@code {"ok":true}}. It plays several workspaces too:
 * {@link #installCode} makes {@code oauth.v2.access} exchange a code for a workspace's installation (checking the
 * app's client id and secret, once per code, with rotating tokens if asked), {@code auth.test} then answers for each
 * token with its own workspace, and {@link #revoke} makes a token fail everywhere. It can fail on demand, per method:
 * {@link Failure#rateLimited(int)} (429 with Retry-After), {@link Failure#serverError(int)},
 * {@link Failure#slackError(String)} ({@code ok:false}, e.g. {@code channel_not_found}) and
 * {@link Failure#slow(Duration)} (answers late, for client timeouts).
 *
 * <pre>{@code
 * try (FakeSlackApi slack = FakeSlackApi.start()) {
 *     slack.failNext("chat.postMessage", FakeSlackApi.Failure.rateLimited(1));
 *     ... run the code under test with PAPERBOT_SLACK_API_URL=slack.apiUrl() ...
 *     FakeSlackApi.Call post = slack.awaitCall("chat.postMessage");
 *     assertThat(post.param("channel")).isEqualTo("C1");
 * }
 * }</pre>
 */
public final class FakeSlackApi implements AutoCloseable {

    /** The pseudo-method under which posts to {@link #responseUrl(String)} are recorded. */
    public static final String RESPONSE_URL = "response_url";

    public static final String TEAM_ID = "T0FAKE";
    public static final String BOT_USER_ID = "U0BOT";
    public static final String BOT_ID = "B0BOT";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-slack-api");
        t.setDaemon(true);
        return t;
    });
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Failure>> nextFailures = new ConcurrentHashMap<>();
    private final Map<String, Failure> permanentFailures = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> cannedAnswers = new ConcurrentHashMap<>();
    private final AtomicLong ts = new AtomicLong(1_700_000_000_000L);
    private final Map<String, Workspace> tokenWorkspaces = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final java.util.Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final AtomicLong refreshes = new AtomicLong();
    private volatile String clientId;
    private volatile String clientSecret;
    private volatile String socketModeUrl = "ws://127.0.0.1:1/unset";

    private FakeSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a fake on 127.0.0.1 on an ephemeral port. */
    public static FakeSlackApi start() {
        try {
            return new FakeSlackApi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Web API base URL, ending in {@code /api/}, as {@code SlackConfig.setMethodsEndpointUrlPrefix} wants it. */
    public String apiUrl() {
        return baseUrl() + "/api/";
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A {@code response_url} served by this fake; posts to it are recorded as {@link #RESPONSE_URL} calls. */
    public String responseUrl(String id) {
        return baseUrl() + "/response/" + id;
    }

    /** What {@code apps.connections.open} hands out: the WebSocket URL of a fake Socket Mode server. */
    public void socketModeUrl(String url) {
        this.socketModeUrl = Objects.requireNonNull(url);
    }

    /** The next call of {@code method} fails this way (queued: call several times for several failures). */
    public void failNext(String method, Failure failure) {
        nextFailures.computeIfAbsent(method, m -> new ConcurrentLinkedDeque<>()).add(failure);
    }

    /** Every call of {@code method} fails this way until {@link #reset()}. */
    public void failAlways(String method, Failure failure) {
        permanentFailures.put(method, failure);
    }

    /** Answers {@code method} with this JSON (instead of the built-in answer) until {@link #reset()}. */
    public void answer(String method, String json) {
        try {
            cannedAnswers.put(method, JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    /**
     * A workspace the bot can be installed in.
     *
     * @param teamId       {@code T...}
     * @param name         its name
     * @param enterpriseId its Enterprise Grid org, or null
     * @param botUserId    the bot's user there
     * @param botId        the bot there
     * @param installer    who installs the app there
     */
    public record Workspace(String teamId, String name, String enterpriseId, String botUserId, String botId,
            String installer) {

        /** A workspace outside any org, with ids made from its team id. */
        public static Workspace of(String teamId) {
            return new Workspace(teamId, "Team " + teamId, null, "U" + teamId + "BOT", "B" + teamId, "U" + teamId
                    + "ADMIN");
        }
    }

    /** What one install grants. */
    private record Grant(Workspace workspace, String botToken, String scopes, String refreshToken, int expiresIn) {
    }

    /** The app's credentials: {@code oauth.v2.access} refuses any other (as Slack does). */
    public void oauthApp(String id, String secret) {
        this.clientId = id;
        this.clientSecret = secret;
    }

    /** {@code oauth.v2.access} will exchange {@code code} (once) for an installation of {@code ws} with this token. */
    public void installCode(String code, Workspace ws, String botToken, String scopes) {
        codes.put(code, new Grant(ws, botToken, scopes, null, 0));
    }

    /**
     * The same with token rotation on: the token expires in {@code expiresIn} seconds and comes with a refresh
     * token that {@code oauth.v2.access} (grant_type=refresh_token) exchanges, once, for a new pair.
     */
    public void installCodeRotating(String code, Workspace ws, String botToken, String scopes, String refreshToken,
            int expiresIn) {
        codes.put(code, new Grant(ws, botToken, scopes, refreshToken, expiresIn));
    }

    /** Every call with {@code token} fails with {@code token_revoked} from now on (the app was uninstalled). */
    public void revoke(String token) {
        revoked.add(token);
    }

    /** Forgets recorded calls, failures and canned answers. */
    public void reset() {
        calls.clear();
        nextFailures.clear();
        permanentFailures.clear();
        cannedAnswers.clear();
    }

    /** Every call recorded so far, oldest first. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Waits for the first call of {@code method}. */
    public Call awaitCall(String method) {
        return awaitCall(method, c -> true, DEFAULT_WAIT);
    }

    /** Waits for the first call of {@code method} that matches; fails with the calls seen when none comes. */
    public Call awaitCall(String method, Predicate<Call> matching, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            for (Call c : calls) {
                if (c.method().equals(method) && matching.test(c)) {
                    return c;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no matching " + method + " call within " + timeout + "; calls: "
                        + calls.stream().map(Call::method).toList());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + method, e);
            }
        }
    }

    /** Waits until {@code count} calls of {@code method} were recorded and returns them. */
    public List<Call> awaitCalls(String method, int count) {
        Instant deadline = Instant.now().plus(DEFAULT_WAIT);
        while (calls(method).size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + count + " " + method + " calls, got " + calls(method).size());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return calls(method);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String contentType = Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("Content-Type"), "");
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String method;
            if (path.startsWith("/api/")) {
                method = path.substring("/api/".length());
            } else if (path.startsWith("/response/")) {
                method = RESPONSE_URL;
            } else {
                send(exchange, 404, "{\"ok\":false,\"error\":\"unknown_path\"}", Map.of());
                return;
            }
            Map<String, String> params = contentType.startsWith("application/x-www-form-urlencoded")
                    ? parseForm(body) : parseJsonObject(body);
            String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : params.get("token");
            if (auth != null && auth.startsWith("Basic ")) {
                // oauth.v2.access sends the app's credentials as HTTP Basic authentication.
                String[] credentials = new String(java.util.Base64.getDecoder().decode(auth.substring(6)),
                        StandardCharsets.UTF_8).split(":", 2);
                params.putIfAbsent("client_id", credentials[0]);
                params.putIfAbsent("client_secret", credentials.length > 1 ? credentials[1] : "");
            }
            calls.add(new Call(method, path, params, token, body, Instant.now()));
            if (token != null && revoked.contains(token)) {
                send(exchange, 200, "{\"ok\":false,\"error\":\"token_revoked\"}", Map.of());
                return;
            }

            Failure failure = nextFailure(method);
            if (failure != null) {
                if (failure.delay() != null) {
                    sleep(failure.delay());
                }
                if (failure.status() != 200 || failure.error() != null) {
                    Map<String, String> headers = failure.retryAfterSeconds() > 0
                            ? Map.of("Retry-After", String.valueOf(failure.retryAfterSeconds())) : Map.of();
                    String error = failure.error() != null ? failure.error()
                            : failure.status() == 429 ? "ratelimited" : "internal_error";
                    send(exchange, failure.status(), "{\"ok\":false,\"error\":\"" + error + "\"}", headers);
                    return;
                }
            }
            send(exchange, 200, JSON.writeValueAsString(answerFor(method, params, token)), Map.of());
        }
    }

    private Failure nextFailure(String method) {
        Deque<Failure> queue = nextFailures.get(method);
        Failure next = queue == null ? null : queue.poll();
        return next != null ? next : permanentFailures.get(method);
    }

    private JsonNode answerFor(String method, Map<String, String> params, String token) {
        JsonNode canned = cannedAnswers.get(method);
        if (canned != null) {
            return canned;
        }
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        Workspace ws = token == null ? null : tokenWorkspaces.get(token);
        switch (method) {
            case "oauth.v2.access" -> {
                return oauthAccess(params);
            }
            case "auth.test" -> {
                if (ws != null) {
                    answer.put("url", "https://" + ws.teamId().toLowerCase() + ".slack.test/").put("team", ws.name())
                            .put("user", "paperbot").put("team_id", ws.teamId()).put("user_id", ws.botUserId())
                            .put("bot_id", ws.botId()).put("is_enterprise_install", false);
                    if (ws.enterpriseId() != null) {
                        answer.put("enterprise_id", ws.enterpriseId());
                    }
                } else {
                    answer.put("url", "https://fake.slack.test/").put("team", "Fake")
                            .put("user", "paperbot").put("team_id", TEAM_ID).put("user_id", BOT_USER_ID)
                            .put("bot_id", BOT_ID);
                }
            }
            case "chat.postMessage", "chat.update" -> answer.put("channel", params.getOrDefault("channel", "C0"))
                    .put("ts", nextTs());
            case "chat.postEphemeral" -> answer.put("message_ts", nextTs());
            case "views.publish" -> answer.putObject("view").put("id", "V" + ts.incrementAndGet())
                    .put("type", "home");
            case "apps.connections.open" -> answer.put("url", socketModeUrl);
            default -> { }
        }
        return answer;
    }

    /** oauth.v2.access: a code for an installation, or a refresh token for a new token pair. */
    private JsonNode oauthAccess(Map<String, String> params) {
        if (clientId != null && (!clientId.equals(params.get("client_id"))
                || !clientSecret.equals(params.get("client_secret")))) {
            return error(clientId.equals(params.get("client_id")) ? "bad_client_secret" : "invalid_client_id");
        }
        Grant grant;
        if ("refresh_token".equals(params.get("grant_type"))) {
            Grant old = params.get("refresh_token") == null ? null : refreshTokens.remove(params.get("refresh_token"));
            if (old == null) {
                return error("invalid_refresh_token");
            }
            long n = refreshes.incrementAndGet();
            grant = new Grant(old.workspace(), "xoxe.xoxb-refreshed_" + n + "-" + old.workspace().teamId(),
                    old.scopes(), "xoxe-1-refresh-" + n + "-" + old.workspace().teamId(), old.expiresIn());
        } else {
            grant = params.get("code") == null ? null : codes.remove(params.get("code"));
            if (grant == null) {
                return error("invalid_code");
            }
        }
        tokenWorkspaces.put(grant.botToken(), grant.workspace());
        Workspace ws = grant.workspace();
        ObjectNode answer = JSON.createObjectNode().put("ok", true).put("app_id", "A0PAPERBOT")
                .put("access_token", grant.botToken()).put("token_type", "bot").put("scope", grant.scopes())
                .put("bot_user_id", ws.botUserId()).put("is_enterprise_install", false);
        answer.putObject("team").put("id", ws.teamId()).put("name", ws.name());
        if (ws.enterpriseId() != null) {
            answer.putObject("enterprise").put("id", ws.enterpriseId()).put("name", "Org " + ws.enterpriseId());
        } else {
            answer.putNull("enterprise");
        }
        answer.putObject("authed_user").put("id", ws.installer());
        if (grant.refreshToken() != null) {
            refreshTokens.put(grant.refreshToken(), grant);
            answer.put("refresh_token", grant.refreshToken()).put("expires_in", grant.expiresIn());
        }
        return answer;
    }

    private static JsonNode error(String code) {
        return JSON.createObjectNode().put("ok", false).put("error", code);
    }

    private String nextTs() {
        long n = ts.incrementAndGet();
        return (n / 1_000_000) + "." + String.format("%06d", n % 1_000_000);
    }

    private static void send(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    /** JSON bodies (response_url posts, JSON-encoded API calls): top-level values, objects and arrays as JSON text. */
    private static Map<String, String> parseJsonObject(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                node.properties().forEach(e -> params.put(e.getKey(),
                        e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
            }
        } catch (IOException e) {
            // Not JSON: keep the raw body only.
        }
        return params;
    }

    /**
     * One recorded request.
     *
     * @param method Web API method ({@code chat.postMessage}) or {@link #RESPONSE_URL}
     * @param path   the request path
     * @param params form fields or top-level JSON fields; nested JSON stays JSON text
     * @param token  the bearer token (or {@code token} field), null when none was sent
     * @param body   the raw body
     * @param at     when it arrived
     */
    public record Call(String method, String path, Map<String, String> params, String token, String body, Instant at) {

        public String param(String name) {
            return params.get(name);
        }

        /** A parameter that carries JSON ({@code blocks}, {@code view}), parsed; a missing node when absent. */
        public JsonNode json(String name) {
            String value = params.get(name);
            if (value == null) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            try {
                return JSON.readTree(value);
            } catch (IOException e) {
                throw new AssertionError(name + " is not JSON: " + value, e);
            }
        }

        /** Every text in the call's blocks or view, concatenated: handy for "the reply mentions X". */
        public String allText() {
            StringBuilder sb = new StringBuilder(Objects.requireNonNullElse(params.get("text"), ""));
            for (String name : List.of("blocks", "view")) {
                json(name).findValues("text").forEach(t -> sb.append('\n').append(t.isTextual() ? t.asText()
                        : t.path("text").asText()));
            }
            return sb.toString();
        }
    }

    /**
     * How a call fails.
     *
     * @param status            HTTP status to answer (200 for {@code ok:false} errors)
     * @param error             Slack's {@code error} code, or null
     * @param retryAfterSeconds Retry-After header value, 0 for none
     * @param delay             wait this long before answering, or null
     */
    public record Failure(int status, String error, int retryAfterSeconds, Duration delay) {

        /** HTTP 429 with {@code Retry-After: seconds}, as Slack's rate limiter answers. */
        public static Failure rateLimited(int retryAfterSeconds) {
            return new Failure(429, "ratelimited", retryAfterSeconds, null);
        }

        /** An HTTP 5xx from Slack's side. */
        public static Failure serverError(int status) {
            if (status < 500 || status > 599) {
                throw new IllegalArgumentException("not a 5xx status: " + status);
            }
            return new Failure(status, null, 0, null);
        }

        /** HTTP 200 with {@code {"ok":false,"error":error}}, e.g. {@code channel_not_found}, {@code is_archived}. */
        public static Failure slackError(String error) {
            return new Failure(200, Objects.requireNonNull(error), 0, null);
        }

        /** Answers normally but only after {@code delay}: longer than the client's timeout, it is a timeout. */
        public static Failure slow(Duration delay) {
            return new Failure(200, null, 0, Objects.requireNonNull(delay));
        }
    }

    /** Copies of the recorded calls as a list, for debugging output. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        calls.forEach(c -> lines.add(c.method() + " " + c.params()));
        return "FakeSlackApi" + lines;
    }
}
