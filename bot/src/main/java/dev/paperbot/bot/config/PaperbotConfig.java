package dev.paperbot.bot.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code bin/paperbot serve} is configured with, read once from the environment by
 * {@link PaperbotConfigLoader} and passed down; nothing else reads the environment.
 *
 * @param botToken      {@code SLACK_BOT_TOKEN}, the bot's {@code xoxb-} token; absent in the playground
 * @param appToken      {@code SLACK_APP_TOKEN}, an app-level {@code xapp-} token: selects Socket Mode
 * @param signingSecret {@code SLACK_SIGNING_SECRET}: selects HTTP mode ({@code POST /slack/events})
 * @param slackApiUrl   {@code PAPERBOT_SLACK_API_URL}, the Web API base every call goes through; ends with {@code /}
 * @param host          {@code PAPERBOT_HOST}, the address the HTTP server binds to
 * @param port          {@code PAPERBOT_PORT}, the HTTP port (health, HTTP mode, playground); 0 picks a free one
 * @param home          {@code PAPERBOT_HOME}, the data directory (index, store)
 * @param databaseUrl   {@code PAPERBOT_DB_URL}, a {@code jdbc:postgresql:} URL for a shared store (may carry a
 *                      password, so kept as a secret); absent: SQLite in {@code home}
 * @param ingest        {@code PAPERBOT_INGEST*}: what the bot fetches by itself, and when
 * @param search        {@code PAPERBOT_EMBEDDINGS} and {@code PAPERBOT_SEARCH_MODE}: whether papers get meaning
 *                      vectors and searches fuse them with words
 * @param distribution  {@code SLACK_CLIENT_ID}, {@code SLACK_CLIENT_SECRET}, {@code PAPERBOT_TOKEN_KEY}: the bot is
 *                      installed in many workspaces through OAuth (HTTP mode); absent: one workspace
 * @param digest        {@code PAPERBOT_DIGEST_*}: what a daily digest brings
 * @param metrics       {@code PAPERBOT_METRICS=on|off}: whether {@code GET /metrics} serves the bot's meters in
 *                      Prometheus' text format (off: no route, nothing measured)
 */
public record PaperbotConfig(
        Optional<Secret> botToken,
        Optional<Secret> appToken,
        Optional<Secret> signingSecret,
        URI slackApiUrl,
        String host,
        int port,
        Path home,
        Optional<Secret> databaseUrl,
        IngestSchedule ingest,
        SearchConfig search,
        Optional<Distribution> distribution,
        DigestConfig digest,
        boolean metrics) {

    /** How the bot talks to Slack, decided by which secrets are set. */
    public enum Mode {
        /** {@code SLACK_APP_TOKEN} set: a WebSocket to Slack, no public URL needed. */
        SOCKET,
        /** {@code SLACK_SIGNING_SECRET} set: Slack POSTs signed requests to {@code /slack/events}. */
        HTTP,
        /**
         * HTTP mode for many workspaces: {@code SLACK_CLIENT_ID} and {@code SLACK_CLIENT_SECRET} set, workspaces
         * install the bot at {@code /slack/install}, each request and digest uses its workspace's own token.
         */
        DISTRIBUTED,
        /** No Slack configuration: a local web page that plays Slack, for trying the bot. */
        PLAYGROUND
    }

    public PaperbotConfig {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(appToken, "appToken");
        Objects.requireNonNull(signingSecret, "signingSecret");
        Objects.requireNonNull(slackApiUrl, "slackApiUrl");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        ingest = ingest == null ? IngestSchedule.off() : ingest;
        search = search == null ? SearchConfig.defaults() : search;
        distribution = distribution == null ? Optional.empty() : distribution;
        digest = digest == null ? DigestConfig.defaults() : digest;
        if (port < 0 || port > 65535) {
            throw new ConfigException("PAPERBOT_PORT must be between 0 and 65535, was " + port);
        }
    }

    /** Without scheduled ingestion. */
    public PaperbotConfig(Optional<Secret> botToken, Optional<Secret> appToken, Optional<Secret> signingSecret,
            URI slackApiUrl, String host, int port, Path home, Optional<Secret> databaseUrl) {
        this(botToken, appToken, signingSecret, slackApiUrl, host, port, home, databaseUrl, IngestSchedule.off());
    }

    /** With the default search settings (hybrid when the model loads). */
    public PaperbotConfig(Optional<Secret> botToken, Optional<Secret> appToken, Optional<Secret> signingSecret,
            URI slackApiUrl, String host, int port, Path home, Optional<Secret> databaseUrl, IngestSchedule ingest) {
        this(botToken, appToken, signingSecret, slackApiUrl, host, port, home, databaseUrl, ingest,
                SearchConfig.defaults());
    }

    /** For one workspace, with the default digest settings. */
    public PaperbotConfig(Optional<Secret> botToken, Optional<Secret> appToken, Optional<Secret> signingSecret,
            URI slackApiUrl, String host, int port, Path home, Optional<Secret> databaseUrl, IngestSchedule ingest,
            SearchConfig search) {
        this(botToken, appToken, signingSecret, slackApiUrl, host, port, home, databaseUrl, ingest, search,
                Optional.empty(), DigestConfig.defaults(), true);
    }

    public Mode mode() {
        if (appToken.isPresent()) {
            return Mode.SOCKET;
        }
        if (distribution.isPresent()) {
            return Mode.DISTRIBUTED;
        }
        return signingSecret.isPresent() ? Mode.HTTP : Mode.PLAYGROUND;
    }

    /** A copy listening elsewhere (tests use port 0). */
    public PaperbotConfig withPort(int newPort) {
        return new PaperbotConfig(botToken, appToken, signingSecret, slackApiUrl, host, newPort, home, databaseUrl,
                ingest, search, distribution, digest, metrics);
    }

    /** A copy installed in many workspaces through OAuth (tests). */
    public PaperbotConfig withDistribution(Distribution newDistribution) {
        return new PaperbotConfig(botToken, appToken, signingSecret, slackApiUrl, host, port, home, databaseUrl,
                ingest, search, Optional.of(newDistribution), digest, metrics);
    }

    /** A copy with {@code GET /metrics} on or off (tests). */
    public PaperbotConfig withMetrics(boolean on) {
        return new PaperbotConfig(botToken, appToken, signingSecret, slackApiUrl, host, port, home, databaseUrl,
                ingest, search, distribution, digest, on);
    }
}
