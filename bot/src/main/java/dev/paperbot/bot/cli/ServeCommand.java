package dev.paperbot.bot.cli;

import dev.paperbot.bot.config.ConfigException;
import dev.paperbot.bot.config.PaperbotConfig;
import dev.paperbot.bot.config.PaperbotConfigLoader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code paperbot serve}: runs the bot until stopped (Ctrl-C or SIGTERM), then shuts down gracefully. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the Slack bot.",
                "With SLACK_APP_TOKEN and SLACK_BOT_TOKEN: Socket Mode. With SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN:"
                        + " HTTP mode, Slack posts to /slack/events. With SLACK_SIGNING_SECRET, SLACK_CLIENT_ID,"
                        + " SLACK_CLIENT_SECRET and PAPERBOT_TOKEN_KEY: HTTP mode for many workspaces, each installs"
                        + " the bot at /slack/install.",
                "With none: a local playground at http://localhost:3000 (PAPERBOT_PORT) to open in a browser.",
                "GET /healthz answers 200 once the index is ready; GET /metrics serves the bot's metrics for"
                        + " Prometheus (PAPERBOT_METRICS=off turns it off).",
                "Subscribed channels get their daily digest at their own local time while the bot runs; the state"
                        + " lives in $PAPERBOT_HOME/paperbot.db, or in PostgreSQL when PAPERBOT_DB_URL is set.",
                "Replicas on one machine may share PAPERBOT_HOME: one writes the index (and ingests), the others"
                        + " follow it (PAPERBOT_INDEX_REFRESH_SECONDS) and one takes over when it stops."})
public final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    private Cli.Context context;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PaperbotConfig config;
        try {
            config = PaperbotConfigLoader.load(context.environment(), context.home());
        } catch (ConfigException e) {
            throw new Cli.UserError(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        Serving serving;
        try {
            serving = Serving.start(config, context.indexDirectory());
        } catch (ConfigException e) {
            throw new Cli.UserError(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C / SIGTERM: stop taking requests, let those in flight finish, then close the index and the store.
        StopSignals.onStop(() -> {
            err.println("paperbot: stopping...");
            err.flush();
            try {
                serving.close();
            } finally {
                stopped.countDown();
            }
        });
        err.println(banner(config, serving.runtime().port()));
        err.flush();
        stopped.await();
        return 0;
    }

    private static String banner(PaperbotConfig config, int port) {
        String local = "http://localhost:" + port;
        return switch (config.mode()) {
            case PLAYGROUND -> "paperbot: no Slack configuration, so here is the playground: open " + local
                    + " and type /papers quantization (health: " + local + "/healthz). Ctrl-C stops.";
            case HTTP -> "paperbot: HTTP mode, Slack requests on " + local + "/slack/events (health: " + local
                    + "/healthz). Ctrl-C stops.";
            case DISTRIBUTED -> "paperbot: HTTP mode for many workspaces, Slack requests on " + local
                    + "/slack/events; workspaces install it at " + config.distribution().orElseThrow().installUrl()
                    .map(Object::toString).orElse("https://<your public address>/slack/install")
                    + " (health: " + local + "/healthz). Ctrl-C stops.";
            case SOCKET -> "paperbot: Socket Mode, connected to Slack (health: " + local + "/healthz). Ctrl-C stops.";
        };
    }
}
