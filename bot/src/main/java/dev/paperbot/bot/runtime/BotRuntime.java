package dev.paperbot.bot.runtime;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.socket_mode.SocketModeClient;
import dev.paperbot.bot.activity.PaperActivity;
import dev.paperbot.bot.config.ConfigException;
import dev.paperbot.bot.config.PaperbotConfig;
import dev.paperbot.bot.config.Secret;
import dev.paperbot.bot.config.Distribution;
import dev.paperbot.bot.digest.OneWorkspaceToken;
import dev.paperbot.bot.digest.SlackAccess;
import dev.paperbot.bot.digest.SlackChat;
import dev.paperbot.bot.digest.TeamTokens;
import dev.paperbot.bot.install.Workspaces;
import dev.paperbot.bot.http.BoltBridge;
import dev.paperbot.bot.http.BotServer;
import dev.paperbot.bot.http.SlackEventsRoute;
import dev.paperbot.bot.index.IndexHolder;
import dev.paperbot.bot.metrics.BotMetrics;
import dev.paperbot.bot.metrics.IndexGauges;
import dev.paperbot.bot.metrics.SlackApiCalls;
import dev.paperbot.bot.playground.Playground;
import dev.paperbot.bot.slack.BotServices;
import dev.paperbot.bot.slack.SlackApps;
import dev.paperbot.bot.subscription.SubscriptionCommands;
import dev.paperbot.bot.subscription.Subscriptions;
import dev.paperbot.core.search.PaperIndex;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: the HTTP server ({@code /healthz} always, and {@code /metrics} unless turned off;
 * {@code /slack/events} in HTTP mode, plus
 * {@code /slack/install} and {@code /slack/oauth/callback} when installed in many workspaces; the playground
 * without Slack), the Socket Mode connection when configured, the worker pool, the index and the digests (which
 * start once the index is open, posting through the configured Web API, or into the playground). {@link #close()}
 * stops them in order: no new Slack requests, requests in flight finish, queued work finishes, the digest scheduler
 * stops, the index closes, the meters close. The meters ({@link #meters()}) are made here, from the configuration,
 * and handed to every part that counts something.
 */
public final class BotRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BotRuntime.class);
    private static final int WORKERS = 8;
    private static final int SOCKET_MODE_CONCURRENCY = 4;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    /**
     * What the runtime is built from besides configuration.
     *
     * @param indexOpener   opens the paper index (called once, in the background)
     * @param subscriptions the subscription commands and the digests behind them; the runtime starts and stops them
     * @param activity      where saved / shared / not-interested papers are recorded
     * @param ackBudget     how long a slash command may take before answering through response_url instead
     * @param workspaces    the installations, when the bot is installed in many workspaces (needed then)
     * @param clock         what the Slack listeners take today's date from (the system's, UTC, unless a test says)
     */
    public record Parts(Supplier<PaperIndex> indexOpener, Subscriptions subscriptions, PaperActivity activity,
            Duration ackBudget, Optional<Workspaces> workspaces, Clock clock) {
        public Parts {
            Objects.requireNonNull(indexOpener, "indexOpener");
            Objects.requireNonNull(subscriptions, "subscriptions");
            Objects.requireNonNull(activity, "activity");
            Objects.requireNonNull(ackBudget, "ackBudget");
            workspaces = workspaces == null ? Optional.empty() : workspaces;
            Objects.requireNonNull(clock, "clock");
        }

        /** Parts on the system's clock. */
        public Parts(Supplier<PaperIndex> indexOpener, Subscriptions subscriptions, PaperActivity activity,
                Duration ackBudget, Optional<Workspaces> workspaces) {
            this(indexOpener, subscriptions, activity, ackBudget, workspaces, Clock.systemUTC());
        }

        /** The same parts on another clock (tests that set the date). */
        public Parts withClock(Clock other) {
            return new Parts(indexOpener, subscriptions, activity, ackBudget, workspaces, other);
        }

        /** Parts of a bot that serves one workspace. */
        public Parts(Supplier<PaperIndex> indexOpener, Subscriptions subscriptions, PaperActivity activity,
                Duration ackBudget) {
            this(indexOpener, subscriptions, activity, ackBudget, Optional.empty());
        }

        /** Parts with fixed subscription commands and no digests (tests of the Slack layer). */
        public Parts(Supplier<PaperIndex> indexOpener, SubscriptionCommands commands, PaperActivity activity,
                Duration ackBudget) {
            this(indexOpener, Subscriptions.fixed(commands), activity, ackBudget, Optional.empty());
        }
    }

    private final PaperbotConfig.Mode mode;
    private final ExecutorService worker;
    private final IndexHolder index;
    private final BotServer server;
    private final SocketModeApp socketMode;
    private final App app;
    private final Subscriptions subscriptions;
    private final BotMetrics metrics;

    private BotRuntime(PaperbotConfig.Mode mode, ExecutorService worker, IndexHolder index, BotServer server,
            SocketModeApp socketMode, App app, Subscriptions subscriptions, BotMetrics metrics) {
        this.mode = mode;
        this.metrics = metrics;
        this.worker = worker;
        this.index = index;
        this.server = server;
        this.socketMode = socketMode;
        this.app = app;
        this.subscriptions = subscriptions;
    }

    /** Starts the bot in the mode the configuration selects; throws {@link ConfigException} for unusable config. */
    public static BotRuntime start(PaperbotConfig config, Parts parts) {
        if (config.mode() == PaperbotConfig.Mode.DISTRIBUTED) {
            // Before anything opens: stored tokens nobody can read would fail every request from their workspace.
            parts.workspaces().orElseThrow(() -> new IllegalStateException(
                    "a bot installed in many workspaces needs the store's installations")).checkKeys();
        }
        ExecutorService worker = Executors.newFixedThreadPool(WORKERS, daemonThreads("paperbot-worker"));
        IndexHolder index = IndexHolder.opening(parts.indexOpener(), worker);
        Subscriptions subscriptions = parts.subscriptions();
        BotMetrics metrics = BotMetrics.of(config.metrics());
        new IndexGauges(index).bindTo(metrics.registry());
        BotServices services = new BotServices(index, subscriptions.commands(), parts.activity(), worker,
                parts.ackBudget(), parts.clock(), metrics.registry());
        try {
            return switch (config.mode()) {
                case PLAYGROUND -> playground(config, services, worker, index, subscriptions, metrics);
                case HTTP -> http(config, services, worker, index, subscriptions, metrics);
                case DISTRIBUTED -> distributed(config, services, worker, index, subscriptions, metrics,
                        parts.workspaces().orElseThrow(() -> new IllegalStateException(
                                "a bot installed in many workspaces needs the store's installations")));
                case SOCKET -> socket(config, services, worker, index, subscriptions, metrics);
            };
        } catch (RuntimeException e) {
            subscriptions.close();
            worker.shutdownNow();
            index.close();
            metrics.close();
            throw e;
        }
    }

    private static BotRuntime playground(PaperbotConfig config, BotServices services, ExecutorService worker,
            IndexHolder index, Subscriptions subscriptions, BotMetrics metrics) {
        Playground playground = new Playground(services);
        BotServer server = server(config, index, metrics, playground::routes);
        playground.connect(server.port());
        // Digests go to the page's pretend Slack: `digest now` shows up in the visitor's channel.
        subscriptions.start(index.ready(), playground.digestSlack(), services.meters());
        return new BotRuntime(PaperbotConfig.Mode.PLAYGROUND, worker, index, server, null, null, subscriptions,
                metrics);
    }

    private static BotRuntime http(PaperbotConfig config, BotServices services, ExecutorService worker,
            IndexHolder index, Subscriptions subscriptions, BotMetrics metrics) {
        String botToken = reveal(config.botToken());
        App app = SlackApps.app(SlackApps.slack(config.slackApiUrl(), services.meters()), botToken,
                reveal(config.signingSecret()), services);
        SlackEventsRoute events = new SlackEventsRoute(new BoltBridge(app));
        BotServer server = server(config, index, metrics, routes -> routes.post(SlackEventsRoute.PATH, events));
        subscriptions.start(index.ready(), new SlackAccess(config.slackApiUrl().toString(),
                oneWorkspace(config, botToken, Optional.empty(), services)), services.meters());
        return new BotRuntime(PaperbotConfig.Mode.HTTP, worker, index, server, null, app, subscriptions, metrics);
    }

    /**
     * HTTP mode for many workspaces: Bolt serves the install flow ({@code /slack/install}, Slack's redirect to
     * {@code /slack/oauth/callback}) besides {@code /slack/events}, and finds each request's token in the store.
     */
    private static BotRuntime distributed(PaperbotConfig config, BotServices services, ExecutorService worker,
            IndexHolder index, Subscriptions subscriptions, BotMetrics metrics, Workspaces workspaces) {
        Distribution distribution = config.distribution().orElseThrow();
        Slack slack = SlackApps.slack(config.slackApiUrl(), services.meters());
        App app = SlackApps.distributedApp(slack, distribution, reveal(config.signingSecret()), services, workspaces);
        SlackEventsRoute bolt = new SlackEventsRoute(new BoltBridge(app));
        BotServer server = server(config, index, metrics, routes -> {
            routes.post(SlackEventsRoute.PATH, bolt);
            routes.get(Distribution.INSTALL_PATH, bolt);
            routes.get(Distribution.CALLBACK_PATH, bolt);
            // Bolt's usual name for the install page, for links made from its documentation.
            routes.get("/slack/oauth/start", ctx -> ctx.redirect(Distribution.INSTALL_PATH));
        });
        subscriptions.start(index.ready(), new SlackAccess(config.slackApiUrl().toString(),
                workspaces.teamTokens(slack, distribution)), services.meters());
        return new BotRuntime(PaperbotConfig.Mode.DISTRIBUTED, worker, index, server, null, app, subscriptions,
                metrics);
    }

    private static TeamTokens oneWorkspace(PaperbotConfig config, String botToken, Optional<String> teamId,
            BotServices services) {
        SlackChat chat = new SlackChat(config.slackApiUrl().toString(), SlackChat.Retries.defaults(),
                SlackChat.Sleeper.REAL, new SlackApiCalls(services.meters())::slack);
        return new OneWorkspaceToken(botToken, teamId, chat, Clock.systemUTC());
    }

    /** The HTTP server: the routes every mode has, {@code /metrics} unless it is off, and the mode's own. */
    private static BotServer server(PaperbotConfig config, IndexHolder index, BotMetrics metrics,
            Consumer<RoutesConfig> modeRoutes) {
        return BotServer.start(config.host(), config.port(), index, modeRoutes.andThen(metrics::routes));
    }

    private static BotRuntime socket(PaperbotConfig config, BotServices services, ExecutorService worker,
            IndexHolder index, Subscriptions subscriptions, BotMetrics metrics) {
        Slack slack = SlackApps.slack(config.slackApiUrl(), services.meters());
        String botToken = reveal(config.botToken());
        String teamId = checkBotToken(slack, botToken);
        App app = SlackApps.app(slack, botToken, null, services);
        BotServer server = server(config, index, metrics, routes -> { });
        try {
            SocketModeApp socketMode = new SocketModeApp(reveal(config.appToken()), app,
                    SocketModeClient.Backend.JavaWebSocket, SOCKET_MODE_CONCURRENCY);
            socketMode.startAsync();
            subscriptions.start(index.ready(), new SlackAccess(config.slackApiUrl().toString(),
                    oneWorkspace(config, botToken, Optional.ofNullable(teamId), services)), services.meters());
            return new BotRuntime(PaperbotConfig.Mode.SOCKET, worker, index, server, socketMode, app,
                    subscriptions, metrics);
        } catch (Exception e) {
            server.close();
            // The SDK reports a refused app token as a missing client: say what to check instead.
            log.debug("Socket Mode start failed", e);
            throw new ConfigException("could not open a Socket Mode connection to Slack with SLACK_APP_TOKEN ("
                    + e.getClass().getSimpleName() + "): check that the token is an app-level token with"
                    + " connections:write and that Socket Mode is enabled for the app");
        }
    }

    /** Fails fast, with a clear message, when Slack refuses the bot token; returns the token's workspace. */
    private static String checkBotToken(Slack slack, String botToken) {
        try {
            AuthTestResponse auth = slack.methods(botToken).authTest(r -> r);
            if (!auth.isOk()) {
                throw new ConfigException("Slack refused SLACK_BOT_TOKEN (" + auth.getError() + "): copy the bot"
                        + " token from the app's \"OAuth & Permissions\" page");
            }
            log.info("Connected to workspace {} as {}", auth.getTeam(), auth.getUser());
            return auth.getTeamId();
        } catch (IOException | SlackApiException e) {
            throw new ConfigException("could not reach Slack's Web API to check SLACK_BOT_TOKEN: " + e.getMessage());
        }
    }

    private static String reveal(Optional<Secret> secret) {
        return secret.map(Secret::reveal).orElseThrow(() -> new ConfigException("a Slack secret is missing"));
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public PaperbotConfig.Mode mode() {
        return mode;
    }

    public int port() {
        return server.port();
    }

    public IndexHolder index() {
        return index;
    }

    /** Where the running bot's meters are; ingestion running beside it counts its runs here too. */
    public MeterRegistry meters() {
        return metrics.registry();
    }

    @Override
    public void close() {
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                log.warn("Closing the Socket Mode connection failed: {}", e.toString());
            }
        }
        server.close();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Work still running after {}; stopping it", DRAIN_TIMEOUT);
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        subscriptions.close();
        if (app != null) {
            try {
                app.stop();
            } catch (Exception e) {
                log.debug("Stopping the Bolt app failed", e);
            }
        }
        index.close();
        metrics.close();
    }
}
