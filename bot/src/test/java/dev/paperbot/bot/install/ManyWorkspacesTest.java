package dev.paperbot.bot.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperbot.bot.config.ConfigException;
import dev.paperbot.bot.digest.DigestPoster;
import dev.paperbot.bot.slack.SlackApps;
import dev.paperbot.bot.testing.FakeSlackApi;
import dev.paperbot.bot.testing.LogCapture;
import dev.paperbot.bot.testing.SlackRequests;
import dev.paperbot.bot.testing.TestIndexes;
import dev.paperbot.bot.testing.TestPapers;
import dev.paperbot.core.store.ChannelRef;
import dev.paperbot.core.store.Installation;
import dev.paperbot.core.store.StoreConfig;
import dev.paperbot.core.store.TokenCipher;
import dev.paperbot.core.store.Topic;
import dev.paperbot.core.testing.FakeTime;
import dev.paperbot.index.search.LuceneIndex;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot installed in many workspaces, over real HTTP: the OAuth install flow against the fake Slack's
 * {@code oauth.v2.access}, the installation sealed in a real SQLite store, requests signed as Slack signs them and
 * answered with each workspace's own token, digests for every workspace, and uninstalls.
 */
class ManyWorkspacesTest {

    static final FakeSlackApi.Workspace ACME = FakeSlackApi.Workspace.of("TACME");
    static final FakeSlackApi.Workspace BETA = FakeSlackApi.Workspace.of("TBETA");
    static final String ACME_TOKEN = "xoxb-1_acme_bot_token";
    static final String BETA_TOKEN = "xoxb-2_beta_bot_token";

    @TempDir
    Path home;

    FakeTime time;
    LuceneIndex index;
    FakeSlackApi slack;
    StoreConfig db;
    ManyWorkspacesBot bot;

    @BeforeEach
    void start() {
        time = new FakeTime(Instant.parse("2026-03-02T05:00:00Z"));
        index = TestIndexes.inMemory(time);
        slack = FakeSlackApi.start();
        slack.oauthApp(ManyWorkspacesBot.CLIENT_ID, ManyWorkspacesBot.CLIENT_SECRET);
        db = StoreConfig.sqlite(home);
        index.upsert(TestPapers.about("quantization", 4));
        bot = new ManyWorkspacesBot(slack, db, index, time, ManyWorkspacesBot.KEY);
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        slack.close();
        index.close();
    }

    Installation stored(String team) {
        return bot.store.installations(TokenCipher.aesGcm(Base64.getDecoder().decode(ManyWorkspacesBot.KEY)))
                .forWorkspace(team).orElseThrow();
    }

    void installBoth() {
        assertThat(bot.install(ACME, "code-acme", ACME_TOKEN).statusCode()).isEqualTo(200);
        assertThat(bot.install(BETA, "code-beta", BETA_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void the_install_page_sets_a_state_cookie_and_links_to_slacks_authorize_page_with_the_bots_scopes() {
        ManyWorkspacesBot.Started started = bot.startInstall();

        assertThat(started.page().statusCode()).isEqualTo(200);
        assertThat(started.page().headers().firstValue("Set-Cookie").orElseThrow())
                .contains("Secure", "HttpOnly", "Max-Age=600");
        assertThat(started.page().body().replace("&amp;", "&")).contains("https://slack.com/oauth/v2/authorize?client_id="
                + ManyWorkspacesBot.CLIENT_ID + "&scope=" + URLEncoder.encode(SlackApps.BOT_SCOPES,
                StandardCharsets.UTF_8) + "&user_scope=&state=" + started.state() + "&redirect_uri="
                + URLEncoder.encode(ManyWorkspacesBot.REDIRECT.toString(), StandardCharsets.UTF_8));
        // Bolt's usual name for the page leads here too.
        HttpResponse<String> start = bot.requests.get(URI.create(bot.base + "/slack/oauth/start"));
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location")).contains("/slack/install");
    }

    @Test
    void the_callback_exchanges_the_code_and_stores_the_installation_with_its_token_sealed() throws Exception {
        HttpResponse<String> done = bot.install(ACME, "code-acme", ACME_TOKEN);

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Thank you!").contains("slack://app?team=TACME");
        FakeSlackApi.Call exchange = slack.calls("oauth.v2.access").getFirst();
        assertThat(exchange.param("code")).isEqualTo("code-acme");
        assertThat(exchange.param("client_id")).isEqualTo(ManyWorkspacesBot.CLIENT_ID);
        assertThat(exchange.param("redirect_uri")).isEqualTo(ManyWorkspacesBot.REDIRECT.toString());

        Installation acme = stored("TACME");
        assertThat(acme.botToken()).isEqualTo(ACME_TOKEN);
        assertThat(acme.botUserId()).contains(ACME.botUserId());
        assertThat(acme.botId()).contains(ACME.botId()); // from auth.test with the new token
        assertThat(acme.appId()).contains("A0PAPERBOT");
        assertThat(acme.installerUserId()).contains(ACME.installer());
        assertThat(String.join(",", acme.botScopes())).isEqualTo(SlackApps.BOT_SCOPES);
        assertThat(acme.enterpriseInstall()).isFalse();
        assertThat(acme.rotates()).isFalse();

        // The database row holds the token sealed, never in clear text.
        try (Connection c = DriverManager.getConnection(db.jdbcUrl());
                ResultSet rs = c.createStatement().executeQuery("SELECT * FROM installation")) {
            assertThat(rs.next()).isTrue();
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(rs.getString(i)).append('|');
            }
            assertThat(row.toString()).contains("TACME").doesNotContain(ACME_TOKEN).doesNotContain("acme-bot");
            assertThat(rs.getString("bot_token")).startsWith("v1:");
        }
    }

    @Test
    void two_workspaces_are_each_answered_with_their_own_token() throws Exception {
        installBoth();
        slack.reset();

        for (FakeSlackApi.Workspace ws : List.of(ACME, BETA)) {
            HttpResponse<String> reply = bot.command(ws.teamId(), "C" + ws.teamId(), "quantization");
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(reply.body()).contains("Papers for").contains("quantization");
            HttpResponse<String> home = bot.event(SlackRequests.eventCallback(ws.teamId(), ws.botUserId(),
                    SlackRequests.appHomeOpened("U" + ws.teamId() + "USER")));
            assertThat(home.statusCode()).isEqualTo(200);
        }

        List<FakeSlackApi.Call> published = slack.awaitCalls("views.publish", 2);
        assertThat(published).extracting(c -> c.param("user_id") + "=" + c.token()).containsExactlyInAnyOrder(
                "UTACMEUSER=" + ACME_TOKEN, "UTBETAUSER=" + BETA_TOKEN);
        // Every Web API call went out with the token of the workspace it was for.
        assertThat(slack.calls()).isNotEmpty().allSatisfy(c ->
                assertThat(c.token()).isIn(ACME_TOKEN, BETA_TOKEN));
    }

    @Test
    void a_slash_commands_late_reply_goes_out_with_its_own_workspaces_token() {
        installBoth();
        bot.close(); // closes the index too
        index = TestIndexes.inMemory(time);
        index.upsert(TestPapers.about("quantization", 2));
        bot = new ManyWorkspacesBot(slack, db, index, time, ManyWorkspacesBot.KEY, Duration.ZERO);
        slack.reset();
        // response_url refuses: the reply falls back to chat.postEphemeral with the request's own client.
        slack.failAlways(FakeSlackApi.RESPONSE_URL, FakeSlackApi.Failure.serverError(500));

        for (FakeSlackApi.Workspace ws : List.of(ACME, BETA)) {
            assertThat(bot.command(ws.teamId(), "C" + ws.teamId(), "quantization").statusCode()).isEqualTo(200);
        }

        assertThat(slack.awaitCalls("chat.postEphemeral", 2)).extracting(c -> c.param("channel") + "=" + c.token())
                .containsExactlyInAnyOrder("CTACME=" + ACME_TOKEN, "CTBETA=" + BETA_TOKEN);
        assertThat(slack.calls("chat.postEphemeral")).allSatisfy(c -> assertThat(c.allText()).contains("Papers for"));
    }

    @Test
    void digests_go_to_each_workspace_with_its_own_token() throws Exception {
        installBoth();
        assertThat(bot.command("TACME", "CACME", "subscribe quantization").statusCode()).isEqualTo(200);
        assertThat(bot.command("TBETA", "CBETA", "subscribe quantization").statusCode()).isEqualTo(200);
        slack.reset();

        time.set(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(bot.tick()).extracting(DigestPoster.Result::outcome)
                .containsExactly(DigestPoster.Outcome.POSTED, DigestPoster.Outcome.POSTED);

        assertThat(slack.calls("chat.postMessage")).extracting(c -> c.param("channel") + "=" + c.token())
                .containsExactlyInAnyOrder("CACME=" + ACME_TOKEN, "CBETA=" + BETA_TOKEN);
    }

    @Test
    void an_uninstalled_workspace_is_removed_its_digests_stop_and_a_reinstall_brings_them_back() throws Exception {
        installBoth();
        bot.command("TACME", "CACME", "subscribe quantization");
        bot.command("TBETA", "CBETA", "subscribe quantization");

        HttpResponse<String> uninstalled = bot.event(SlackRequests.appUninstalled("TBETA"));
        slack.revoke(BETA_TOKEN);

        assertThat(uninstalled.statusCode()).isEqualTo(200);
        assertThat(bot.store.installations(TokenCipher.aesGcm(Base64.getDecoder().decode(ManyWorkspacesBot.KEY)))
                .forWorkspace("TBETA")).isEmpty();
        assertThat(stored("TACME").botToken()).isEqualTo(ACME_TOKEN);
        assertThat(bot.store.subscriptions().settings(ChannelRef.of("TBETA", "CBETA")).pause().orElseThrow().reason())
                .isEqualTo("app_uninstalled");
        assertThat(bot.store.subscriptions().subscriptions(ChannelRef.of("TBETA", "CBETA"))).hasSize(1);

        slack.reset();
        time.set(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(bot.tick()).extracting(r -> r.channel().teamId() + ":" + r.outcome())
                .containsExactly("TACME:POSTED");
        assertThat(slack.calls("chat.postMessage")).extracting(FakeSlackApi.Call::token).containsOnly(ACME_TOKEN);

        // Its requests are refused from now on: events with 401, commands with a line about installing.
        assertThat(bot.event(SlackRequests.eventCallback("TBETA", BETA.botUserId(),
                SlackRequests.appHomeOpened("UTBETAUSER"))).statusCode()).isEqualTo(401);
        HttpResponse<String> command = bot.command("TBETA", "CBETA", "quantization");
        assertThat(command.statusCode()).isEqualTo(200);
        assertThat(command.body()).doesNotContain("Papers for");
        assertThat(slack.awaitCall(FakeSlackApi.RESPONSE_URL).param("text"))
                .contains("not installed in this workspace", "https://paperbot.example.com/slack/install");
        assertThat(slack.calls()).noneMatch(c -> BETA_TOKEN.equals(c.token()));

        // Installed again (a new token): its paused digest resumes and goes out with the new token.
        String newToken = "xoxb-3_beta_again";
        assertThat(bot.install(BETA, "code-beta-2", newToken).statusCode()).isEqualTo(200);
        assertThat(bot.store.subscriptions().settings(ChannelRef.of("TBETA", "CBETA")).paused()).isFalse();
        slack.reset();
        assertThat(bot.tick()).extracting(r -> r.channel().teamId() + ":" + r.outcome())
                .containsExactly("TBETA:POSTED");
        assertThat(slack.calls("chat.postMessage")).extracting(FakeSlackApi.Call::token).containsOnly(newToken);
    }

    @Test
    void revoked_bot_tokens_remove_the_installation_too() {
        installBoth();
        bot.command("TBETA", "CBETA", "subscribe quantization");

        assertThat(bot.event(SlackRequests.tokensRevoked("TBETA", BETA.botUserId())).statusCode()).isEqualTo(200);

        assertThat(bot.store.installations(TokenCipher.aesGcm(Base64.getDecoder().decode(ManyWorkspacesBot.KEY)))
                .count()).isEqualTo(1);
        assertThat(bot.store.subscriptions().settings(ChannelRef.of("TBETA", "CBETA")).pause().orElseThrow().reason())
                .isEqualTo("tokens_revoked");
    }

    @Test
    void a_workspace_that_never_installed_the_bot_is_refused_and_its_channels_get_no_digest() throws Exception {
        installBoth();
        slack.reset();

        assertThat(bot.event(SlackRequests.eventCallback("TSTRANGER", "USTRANGERBOT",
                SlackRequests.appHomeOpened("USTRANGER"))).statusCode()).isEqualTo(401);
        assertThat(slack.calls("views.publish")).isEmpty();

        // A channel of it in the store (say, from a database restored elsewhere) is paused, not posted to.
        ChannelRef stranger = ChannelRef.of("TSTRANGER", "C1");
        bot.store.subscriptions().subscribe(stranger, Topic.keyword("quantization"), "U1", time.instant());
        time.set(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(bot.tick()).extracting(DigestPoster.Result::outcome)
                .containsExactly(DigestPoster.Outcome.NOT_INSTALLED);
        assertThat(bot.store.subscriptions().settings(stranger).pause().orElseThrow().reason())
                .isEqualTo("not_installed");
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void a_state_value_works_once_only_before_it_expires_and_only_with_the_browsers_cookie() {
        slack.installCode("code-1", ACME, ACME_TOKEN, SlackApps.BOT_SCOPES);
        ManyWorkspacesBot.Started first = bot.startInstall();
        assertThat(bot.callback("code-1", first.state(), first.cookie()).statusCode()).isEqualTo(200);
        // The same redirect again (a replay): refused before Slack is asked.
        HttpResponse<String> replay = bot.callback("code-1", first.state(), first.cookie());
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains("expired or was already used", "/slack/install");

        ManyWorkspacesBot.Started second = bot.startInstall();
        assertThat(bot.callback("code-2", second.state(), null).statusCode()).as("no cookie").isEqualTo(400);
        assertThat(bot.callback("code-2", second.state(), "slack-app-oauth-state=another").statusCode())
                .as("another browser's cookie").isEqualTo(400);
        assertThat(bot.callback("code-2", "never-issued", "slack-app-oauth-state=never-issued").statusCode())
                .as("a state this app never issued").isEqualTo(400);

        time.advance(Duration.ofMinutes(11));
        assertThat(bot.callback("code-2", second.state(), second.cookie()).statusCode()).as("expired").isEqualTo(400);

        assertThat(slack.calls("oauth.v2.access")).hasSize(1);
        assertThat(bot.store.installations(TokenCipher.aesGcm(Base64.getDecoder().decode(ManyWorkspacesBot.KEY)))
                .count()).isEqualTo(1);
    }

    @Test
    void a_code_slack_refuses_installs_nothing() {
        ManyWorkspacesBot.Started started = bot.startInstall();
        HttpResponse<String> refused = bot.callback("code-nobody-issued", started.state(), started.cookie());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_code");
        assertThat(bot.store.installations(TokenCipher.aesGcm(Base64.getDecoder().decode(ManyWorkspacesBot.KEY)))
                .count()).isZero();
    }

    @Test
    void a_rotating_token_is_refreshed_before_a_digest_and_stored_sealed_again() throws Exception {
        slack.installCodeRotating("code-r", ACME, "xoxe.xoxb-1_first", SlackApps.BOT_SCOPES, "xoxe-1-refresh-first",
                3600);
        ManyWorkspacesBot.Started started = bot.startInstall();
        assertThat(bot.callback("code-r", started.state(), started.cookie()).statusCode()).isEqualTo(200);
        Installation installed = stored("TACME");
        assertThat(installed.rotates()).isTrue();
        assertThat(installed.refreshToken()).contains("xoxe-1-refresh-first");

        // The next morning (past the token's expiry): the digest refreshes the token first.
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        time.set(tomorrow.atTime(8, 0).toInstant(ZoneOffset.UTC));
        ChannelRef channel = ChannelRef.of("TACME", "CACME");
        bot.store.subscriptions().subscribe(channel, Topic.keyword("quantization"), "U1", time.instant());
        index.upsert(TestPapers.about("quantization", 3));
        slack.reset();
        time.set(tomorrow.atTime(9, 0).toInstant(ZoneOffset.UTC));
        assertThat(bot.tick()).extracting(DigestPoster.Result::outcome).containsExactly(DigestPoster.Outcome.POSTED);

        FakeSlackApi.Call refresh = slack.calls("oauth.v2.access").getFirst();
        assertThat(refresh.param("grant_type")).isEqualTo("refresh_token");
        assertThat(refresh.param("refresh_token")).isEqualTo("xoxe-1-refresh-first");
        Installation refreshed = stored("TACME");
        assertThat(refreshed.botToken()).startsWith("xoxe.xoxb-refreshed_");
        assertThat(refreshed.refreshToken().orElseThrow()).startsWith("xoxe-1-refresh-");
        assertThat(refreshed.tokenVersion()).isEqualTo(installed.tokenVersion() + 1);
        assertThat(slack.calls("chat.postMessage")).extracting(FakeSlackApi.Call::token)
                .containsOnly(refreshed.botToken());
    }

    @Test
    void tokens_appear_in_no_log_line() {
        List<String> lines;
        try (LogCapture log = LogCapture.debug()) {
            installBoth();
            bot.command("TACME", "CACME", "quantization");
            bot.event(SlackRequests.appUninstalled("TBETA"));
            bot.callback("code-x", "replayed", "slack-app-oauth-state=replayed");
            lines = log.lines();
        }
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain(ACME_TOKEN, BETA_TOKEN,
                ManyWorkspacesBot.CLIENT_SECRET, ManyWorkspacesBot.KEY, ManyWorkspacesBot.SIGNING_SECRET));
    }

    @Test
    void the_bot_refuses_to_start_with_a_key_that_cannot_open_the_stored_tokens() {
        installBoth();
        bot.close(); // closes the index too
        bot = null;
        index = TestIndexes.inMemory(time);
        index.upsert(TestPapers.about("quantization", 2));

        assertThatThrownBy(() -> new ManyWorkspacesBot(slack, db, index, time, ManyWorkspacesBot.key(9)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PAPERBOT_TOKEN_KEY cannot open the tokens of 2 of 2 installed workspaces");
        // With the old key second (a rotation), it starts and reads them.
        String rotated = ManyWorkspacesBot.key(9) + "," + ManyWorkspacesBot.KEY;
        bot = new ManyWorkspacesBot(slack, db, index, time, rotated);
        assertThat(bot.command("TACME", "CACME", "quantization").body()).contains("Papers for");
    }
}
