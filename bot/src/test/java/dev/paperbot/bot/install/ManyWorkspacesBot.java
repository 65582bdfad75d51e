package dev.paperbot.bot.install;

import dev.paperbot.bot.activity.PaperActivity;
import dev.paperbot.bot.config.Distribution;
import dev.paperbot.bot.config.PaperbotConfig;
import dev.paperbot.bot.config.Secret;
import dev.paperbot.bot.digest.DigestPoster;
import dev.paperbot.bot.runtime.BotRuntime;
import dev.paperbot.bot.slack.SlackApps;
import dev.paperbot.bot.subscription.DigestTicks;
import dev.paperbot.bot.subscription.Subscriptions;
import dev.paperbot.bot.testing.FakeSlackApi;
import dev.paperbot.bot.testing.SlackRequests;
import dev.paperbot.bot.testing.TestBots;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.store.PaperbotStore;
import dev.paperbot.core.store.StoreConfig;
import dev.paperbot.core.store.Stores;
import dev.paperbot.core.testing.FakeTime;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One replica of the bot installed in many workspaces, over real HTTP: its own store connections (SQLite file or
 * PostgreSQL database), the fake Slack as Web API, digests ticked by hand on a fake clock.
 */
final class ManyWorkspacesBot implements AutoCloseable {

    static final String CLIENT_ID = "1111.2222";
    static final String CLIENT_SECRET = "client-secret-for-tests";
    static final String SIGNING_SECRET = "0123456789abcdef0123456789abcdef";
    static final String KEY = key(7);
    static final URI REDIRECT = URI.create("https://paperbot.example.com/slack/oauth/callback");
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    private static final Pattern STATE_COOKIE = Pattern.compile("slack-app-oauth-state=([^;]+)");

    final FakeSlackApi slack;
    final PaperbotStore store;
    final Subscriptions subscriptions;
    final BotRuntime runtime;
    final SlackRequests requests;
    final String base;

    ManyWorkspacesBot(FakeSlackApi slack, StoreConfig db, PaperIndex index, FakeTime time, String tokenKey) {
        this(slack, db, index, time, tokenKey, Duration.ofSeconds(20));
    }

    /** With {@code ackBudget} zero every slash command answers late, through response_url or the Web API. */
    ManyWorkspacesBot(FakeSlackApi slack, StoreConfig db, PaperIndex index, FakeTime time, String tokenKey,
            Duration ackBudget) {
        this.slack = slack;
        this.store = Stores.open(db);
        Distribution distribution = distribution(tokenKey);
        PaperbotConfig config = new PaperbotConfig(Optional.empty(), Optional.empty(),
                Optional.of(new Secret(SIGNING_SECRET)), URI.create(slack.apiUrl()), "127.0.0.1", 0, Path.of("unused"),
                Optional.empty()).withDistribution(distribution);
        this.subscriptions = Subscriptions.withDigests(store, TestBots.digestsTickedByHand(), time, time);
        try {
            this.runtime = BotRuntime.start(config, new BotRuntime.Parts(() -> index, subscriptions,
                    PaperActivity.store(store.feedback(), time), ackBudget,
                    Optional.of(Workspaces.over(store, distribution, time))));
        } catch (RuntimeException e) {
            subscriptions.close();
            store.close();
            throw e;
        }
        this.base = "http://127.0.0.1:" + runtime.port();
        this.requests = SlackRequests.toPort(runtime.port(), SIGNING_SECRET);
    }

    static String key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }

    static Distribution distribution(String tokenKey) {
        return new Distribution(CLIENT_ID, new Secret(CLIENT_SECRET),
                Arrays.stream(tokenKey.split(",")).map(Secret::new).toList(), Optional.of(REDIRECT));
    }

    /** What {@code GET /slack/install} handed the browser: the page, the state value and its cookie. */
    record Started(HttpResponse<String> page, String state, String cookie) {
    }

    Started startInstall() {
        HttpResponse<String> page = requests.get(URI.create(base + "/slack/install"));
        String setCookie = page.headers().firstValue("Set-Cookie").orElseThrow(() ->
                new AssertionError("no state cookie from /slack/install: " + page.headers().map()));
        Matcher m = STATE_COOKIE.matcher(setCookie);
        if (!m.find()) {
            throw new AssertionError("no state in " + setCookie);
        }
        return new Started(page, m.group(1), "slack-app-oauth-state=" + m.group(1));
    }

    /** Slack's redirect back to the bot after the installer approved, as the installer's browser makes it. */
    HttpResponse<String> callback(String code, String state, String cookie) {
        URI uri = URI.create(base + "/slack/oauth/callback?code=" + enc(code) + "&state=" + enc(state));
        return requests.get(uri, cookie == null ? Map.of() : Map.of("Cookie", cookie));
    }

    /** The whole install of {@code ws}: install page, Slack's approval (a code for {@code token}), the callback. */
    HttpResponse<String> install(FakeSlackApi.Workspace ws, String code, String token) {
        Started started = startInstall();
        slack.installCode(code, ws, token, SlackApps.BOT_SCOPES);
        return callback(code, started.state(), started.cookie());
    }

    /** {@code /papers <text>} typed in {@code channel} of {@code team}, signed as Slack signs it. */
    HttpResponse<String> command(String team, String channel, String text) {
        return requests.send(SlackRequests.slashCommand(team, channel, "U" + team + "USER", text,
                slack.responseUrl(team + "-" + channel)), FORM);
    }

    HttpResponse<String> event(String body) {
        return requests.send(body, JSON);
    }

    List<DigestPoster.Result> tick() throws InterruptedException {
        return DigestTicks.tick(subscriptions);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        runtime.close();
        store.close();
    }
}
