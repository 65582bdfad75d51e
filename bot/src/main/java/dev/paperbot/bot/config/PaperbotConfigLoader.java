package dev.paperbot.bot.config;

import dev.paperbot.index.source.arxiv.ArxivCategories;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@link PaperbotConfig} from environment variables, validating each one at this edge.
 *
 * <table>
 * <caption>Variables and defaults</caption>
 * <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 * <tr><td>SLACK_BOT_TOKEN</td><td>none</td><td>bot token {@code xoxb-...}; needed in Socket Mode and HTTP mode</td></tr>
 * <tr><td>SLACK_APP_TOKEN</td><td>none</td><td>app-level token {@code xapp-...} (connections:write): Socket Mode</td></tr>
 * <tr><td>SLACK_SIGNING_SECRET</td><td>none</td><td>signing secret: HTTP mode</td></tr>
 * <tr><td>PAPERBOT_SLACK_API_URL</td><td>{@value #DEFAULT_SLACK_API_URL}</td><td>Web API base URL</td></tr>
 * <tr><td>PAPERBOT_HOST</td><td>{@code 127.0.0.1} for the playground, {@code 0.0.0.0} otherwise</td>
 *     <td>address to listen on</td></tr>
 * <tr><td>PAPERBOT_PORT</td><td>{@value #DEFAULT_PORT}</td><td>HTTP port</td></tr>
 * <tr><td>PAPERBOT_HOME</td><td>{@code ~/.paperbot}</td><td>data directory (resolved by {@code Main})</td></tr>
 * <tr><td>PAPERBOT_DB_URL</td><td>SQLite file {@code paperbot.db} in the data directory</td>
 *     <td>JDBC URL of a PostgreSQL store shared by several bot processes</td></tr>
 * <tr><td>PAPERBOT_INGEST</td><td>{@code rss} with Slack, {@code off} in the playground</td>
 *     <td>sources the bot ingests by itself: {@code rss}, {@code hf}, {@code oai} (comma-separated) or {@code off}</td></tr>
 * <tr><td>PAPERBOT_INGEST_CATEGORIES</td><td>{@code cs.LG,cs.CL,cs.AI,cs.CV,stat.ML}</td><td>arXiv categories or
 *     archives ({@code math}, {@code hep-th}), checked against arXiv's taxonomy; any case</td></tr>
 * <tr><td>PAPERBOT_INGEST_TIME</td><td>{@code 20:30}</td><td>time of day (after arXiv's 20:00 announcement)</td></tr>
 * <tr><td>PAPERBOT_INGEST_ZONE</td><td>{@code America/New_York}</td><td>zone of that time and of the days</td></tr>
 * <tr><td>PAPERBOT_INGEST_DAYS</td><td>{@code SUN,MON,TUE,WED,THU}</td><td>days to ingest on</td></tr>
 * <tr><td>PAPERBOT_INGEST_CATCHUP_DAYS</td><td>{@value IngestSchedule#DEFAULT_CATCH_UP_DAYS}</td><td>how far back
 *     missed runs are caught up (1..30)</td></tr>
 * <tr><td>PAPERBOT_ARXIV_RSS_URL, PAPERBOT_ARXIV_OAI_URL, PAPERBOT_HF_URL</td><td>the public services</td>
 *     <td>base URLs of the sources (a mirror, or a local server in tests)</td></tr>
 * <tr><td>SLACK_CLIENT_ID, SLACK_CLIENT_SECRET</td><td>none</td><td>install the bot in many workspaces through
 *     OAuth (HTTP mode, with SLACK_SIGNING_SECRET and without SLACK_BOT_TOKEN)</td></tr>
 * <tr><td>PAPERBOT_TOKEN_KEY</td><td>none; required with SLACK_CLIENT_ID</td><td>32 bytes in base64 that seal the
 *     workspaces' tokens in the store; several comma-separated: the first seals, all open</td></tr>
 * <tr><td>SLACK_REDIRECT_URI</td><td>the app's one redirect URL</td><td>public
 *     {@code https://.../slack/oauth/callback}</td></tr>
 * <tr><td>PAPERBOT_DIGEST_WINDOW_DAYS</td><td>7</td><td>how far back a paper counts as new (1..90)</td></tr>
 * <tr><td>PAPERBOT_DIGEST_PAPERS_PER_TOPIC</td><td>3</td><td>papers per topic and digest (1..20)</td></tr>
 * <tr><td>PAPERBOT_DIGEST_MAX_PAPERS</td><td>10</td><td>papers per digest (1..50)</td></tr>
 * <tr><td>PAPERBOT_DIGEST_PARALLELISM</td><td>4</td><td>digests posted at once (1..32)</td></tr>
 * <tr><td>PAPERBOT_EMBEDDINGS</td><td>{@code on}</td><td>{@code off}: no embedding model, words only</td></tr>
 * <tr><td>PAPERBOT_SEARCH_MODE</td><td>{@code hybrid}</td><td>{@code bm25}: rank by words only</td></tr>
 * <tr><td>PAPERBOT_INDEX_REFRESH_SECONDS</td><td>{@value SearchConfig#DEFAULT_INDEX_REFRESH_SECONDS}</td><td>how
 * often a replica that follows another's index looks for its new papers and whether it stopped (1..3600)</td></tr>
 * <tr><td>PAPERBOT_METRICS</td><td>{@code on}</td><td>{@code off}: no {@code GET /metrics}, nothing measured</td></tr>
 * </table>
 *
 * <p>With no Slack variable set, the bot starts the local playground.
 */
public final class PaperbotConfigLoader {

    public static final String DEFAULT_SLACK_API_URL = "https://slack.com/api/";
    public static final int DEFAULT_PORT = 3000;

    private PaperbotConfigLoader() {
    }

    /**
     * Reads the configuration from {@code env} (pass {@code System.getenv()} in production, a map in tests);
     * {@code home} is the data directory {@code Main} resolved from {@code PAPERBOT_HOME}.
     */
    public static PaperbotConfig load(Map<String, String> env, Path home) {
        Optional<Secret> botToken = secret(env, "SLACK_BOT_TOKEN", "xoxb-");
        Optional<Secret> appToken = secret(env, "SLACK_APP_TOKEN", "xapp-");
        Optional<Secret> signingSecret = secret(env, "SLACK_SIGNING_SECRET", null);
        Optional<Distribution> distribution = distribution(env, botToken, appToken, signingSecret);
        if (distribution.isEmpty() && (appToken.isPresent() || signingSecret.isPresent()) && botToken.isEmpty()) {
            throw new ConfigException((appToken.isPresent() ? "SLACK_APP_TOKEN" : "SLACK_SIGNING_SECRET")
                    + " is set but SLACK_BOT_TOKEN is not: set the bot token (xoxb-...) from the app's"
                    + " \"OAuth & Permissions\" page too"
                    + (appToken.isPresent() ? "" : " (or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET to install the bot"
                    + " in many workspaces)"));
        }
        if (botToken.isPresent() && appToken.isEmpty() && signingSecret.isEmpty()) {
            throw new ConfigException("SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor"
                    + " SLACK_SIGNING_SECRET (HTTP mode) is: set one of them");
        }
        boolean playground = botToken.isEmpty() && distribution.isEmpty();
        String host = value(env, "PAPERBOT_HOST").orElse(playground ? "127.0.0.1" : "0.0.0.0");
        return new PaperbotConfig(botToken, appToken, signingSecret,
                apiUrl(value(env, "PAPERBOT_SLACK_API_URL").orElse(DEFAULT_SLACK_API_URL)),
                host,
                port(value(env, "PAPERBOT_PORT").orElse(String.valueOf(DEFAULT_PORT))),
                home.toAbsolutePath().normalize(),
                databaseUrl(env),
                ingest(env, playground),
                SearchConfig.fromEnvironment(env),
                distribution,
                digest(env),
                SearchConfig.choice(env, "PAPERBOT_METRICS", "on", "on", "off"));
    }

    /**
     * Installing in many workspaces: {@code SLACK_CLIENT_ID} and {@code SLACK_CLIENT_SECRET}, in HTTP mode (with
     * {@code SLACK_SIGNING_SECRET}), never with one workspace's {@code SLACK_BOT_TOKEN}, and never without
     * {@code PAPERBOT_TOKEN_KEY} to seal the workspaces' tokens in the store.
     */
    static Optional<Distribution> distribution(Map<String, String> env, Optional<Secret> botToken,
            Optional<Secret> appToken, Optional<Secret> signingSecret) {
        Optional<String> clientId = value(env, "SLACK_CLIENT_ID");
        Optional<Secret> clientSecret = secret(env, "SLACK_CLIENT_SECRET", null);
        if (clientId.isEmpty() && clientSecret.isEmpty()) {
            return Optional.empty();
        }
        if (clientId.isEmpty() || clientSecret.isEmpty()) {
            throw new ConfigException((clientId.isEmpty() ? "SLACK_CLIENT_SECRET is set but SLACK_CLIENT_ID is not"
                    : "SLACK_CLIENT_ID is set but SLACK_CLIENT_SECRET is not")
                    + ": copy both from the app's \"Basic Information\" page");
        }
        if (appToken.isPresent()) {
            throw new ConfigException("SLACK_CLIENT_ID is set together with SLACK_APP_TOKEN: a bot installed in many"
                    + " workspaces runs in HTTP mode, not Socket Mode; unset SLACK_APP_TOKEN");
        }
        if (botToken.isPresent()) {
            throw new ConfigException("SLACK_CLIENT_ID and SLACK_BOT_TOKEN are both set: with SLACK_CLIENT_ID every"
                    + " workspace's token comes from its install at /slack/install; unset SLACK_BOT_TOKEN (or unset"
                    + " SLACK_CLIENT_ID and SLACK_CLIENT_SECRET to serve only the workspace of SLACK_BOT_TOKEN)");
        }
        if (signingSecret.isEmpty()) {
            throw new ConfigException("SLACK_CLIENT_ID is set but SLACK_SIGNING_SECRET is not: copy the Signing"
                    + " Secret from the app's \"Basic Information\" page");
        }
        return Optional.of(new Distribution(clientId.get(), clientSecret.get(), tokenKeys(env),
                value(env, "SLACK_REDIRECT_URI").map(PaperbotConfigLoader::redirectUri)));
    }

    /** {@code PAPERBOT_TOKEN_KEY}: one or more base64 keys of 32 bytes, comma-separated. Never echoed. */
    private static List<Secret> tokenKeys(Map<String, String> env) {
        String raw = value(env, "PAPERBOT_TOKEN_KEY").orElseThrow(() -> new ConfigException(
                "PAPERBOT_TOKEN_KEY is not set: a bot installed in many workspaces keeps their tokens encrypted"
                        + " with it; set it to 32 random bytes in base64 (openssl rand -base64 32) and keep it safe"));
        List<Secret> keys = new java.util.ArrayList<>();
        String[] parts = raw.split(",");
        for (int i = 0; i < parts.length; i++) {
            String key = parts[i].strip();
            String which = parts.length == 1 ? "PAPERBOT_TOKEN_KEY" : "key " + (i + 1) + " of PAPERBOT_TOKEN_KEY";
            byte[] bytes;
            try {
                bytes = java.util.Base64.getDecoder().decode(key);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(which + " is not base64: make one with openssl rand -base64 32");
            }
            if (bytes.length != 32) {
                throw new ConfigException(which + " must be 32 bytes in base64 (openssl rand -base64 32), has "
                        + bytes.length + " bytes");
            }
            keys.add(new Secret(key));
        }
        return keys;
    }

    private static URI redirectUri(String raw) {
        URI uri = httpUrl("SLACK_REDIRECT_URI", raw);
        if (!Distribution.CALLBACK_PATH.equals(uri.getPath()) || uri.getQuery() != null) {
            throw new ConfigException("SLACK_REDIRECT_URI must be the public address of the bot followed by "
                    + Distribution.CALLBACK_PATH + " (https://paperbot.example.com" + Distribution.CALLBACK_PATH
                    + "), was " + raw);
        }
        return uri;
    }

    /** {@code PAPERBOT_DIGEST_*}, each a whole number within its range. */
    static DigestConfig digest(Map<String, String> env) {
        DigestConfig d = DigestConfig.defaults();
        return new DigestConfig(
                number(env, "PAPERBOT_DIGEST_WINDOW_DAYS", d.windowDays()),
                number(env, "PAPERBOT_DIGEST_PAPERS_PER_TOPIC", d.papersPerTopic()),
                number(env, "PAPERBOT_DIGEST_MAX_PAPERS", d.maxPapers()),
                number(env, "PAPERBOT_DIGEST_PARALLELISM", d.parallelism()));
    }

    static int number(Map<String, String> env, String name, int fallback) {
        Optional<String> raw = value(env, name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, was " + raw.get());
        }
    }

    /** The scheduled ingestion; off by default in the playground, which runs without network. */
    static IngestSchedule ingest(Map<String, String> env, boolean playground) {
        IngestSchedule defaults = IngestSchedule.defaults();
        Optional<String> sources = value(env, "PAPERBOT_INGEST");
        Set<IngestSchedule.Source> chosen = EnumSet.noneOf(IngestSchedule.Source.class);
        if (sources.isEmpty()) {
            if (!playground) {
                chosen.addAll(defaults.sources());
            }
        } else if (!sources.get().equalsIgnoreCase("off") && !sources.get().equalsIgnoreCase("none")) {
            for (String s : sources.get().split(",")) {
                try {
                    chosen.add(IngestSchedule.Source.valueOf(s.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("PAPERBOT_INGEST names an unknown source '" + s.strip()
                            + "': use rss, hf, oai (comma-separated) or off");
                }
            }
        }
        List<String> categories = value(env, "PAPERBOT_INGEST_CATEGORIES")
                .map(c -> Arrays.stream(c.split(",")).map(String::strip).filter(x -> !x.isEmpty())
                        .map(PaperbotConfigLoader::category).toList())
                .orElse(defaults.categories());
        LocalTime at;
        try {
            at = value(env, "PAPERBOT_INGEST_TIME").map(LocalTime::parse).orElse(defaults.at());
        } catch (DateTimeParseException e) {
            throw new ConfigException("PAPERBOT_INGEST_TIME must be a time of day like 20:30, was "
                    + env.get("PAPERBOT_INGEST_TIME"));
        }
        ZoneId zone;
        try {
            zone = value(env, "PAPERBOT_INGEST_ZONE").map(ZoneId::of).orElse(defaults.zone());
        } catch (DateTimeException e) {
            throw new ConfigException("PAPERBOT_INGEST_ZONE must be a zone like America/New_York, was "
                    + env.get("PAPERBOT_INGEST_ZONE"));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Optional<String> dayList = value(env, "PAPERBOT_INGEST_DAYS");
        if (dayList.isEmpty()) {
            days.addAll(defaults.days());
        } else {
            for (String d : dayList.get().split(",")) {
                days.add(day(d.strip()));
            }
        }
        return new IngestSchedule(chosen, categories, at, zone, days,
                number(env, "PAPERBOT_INGEST_CATCHUP_DAYS", defaults.catchUpDays()),
                value(env, "PAPERBOT_ARXIV_RSS_URL").map(v -> httpUrl("PAPERBOT_ARXIV_RSS_URL", v)).orElse(null),
                value(env, "PAPERBOT_ARXIV_OAI_URL").map(v -> httpUrl("PAPERBOT_ARXIV_OAI_URL", v)).orElse(null),
                value(env, "PAPERBOT_HF_URL").map(v -> httpUrl("PAPERBOT_HF_URL", v)).orElse(null));
    }

    /** A category or archive known to arXiv, in its spelling ({@code cs.lg -> cs.LG}). */
    private static String category(String name) {
        try {
            return ArxivCategories.categoryOrArchive(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PAPERBOT_INGEST_CATEGORIES: " + e.getMessage());
        }
    }

    private static DayOfWeek day(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (n.length() >= 3 && d.name().startsWith(n)) {
                return d;
            }
        }
        throw new ConfigException("PAPERBOT_INGEST_DAYS: '" + name + "' is not a day (SUN,MON,TUE,WED,THU,...)");
    }

    private static URI httpUrl(String name, String raw) {
        try {
            URI uri = new URI(raw);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException(name + " must be an http(s) URL, was " + raw);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(name + " is not a URL: " + raw);
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    private static Optional<Secret> secret(Map<String, String> env, String name, String prefix) {
        Optional<String> v = value(env, name);
        if (v.isPresent() && prefix != null && !v.get().startsWith(prefix)) {
            // Name the expected shape, never the value.
            throw new ConfigException(name + " does not look right: it should start with " + prefix);
        }
        return v.map(Secret::new);
    }

    static URI apiUrl(String raw) {
        String url = raw.endsWith("/") ? raw : raw + "/";
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException("PAPERBOT_SLACK_API_URL must be an http(s) URL like "
                        + DEFAULT_SLACK_API_URL + ", was " + raw);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException("PAPERBOT_SLACK_API_URL is not a URL: " + raw);
        }
    }

    private static int port(String raw) {
        try {
            int port = Integer.parseInt(raw);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigException("PAPERBOT_PORT must be a port number (0-65535), was " + raw);
        }
    }

    private static Optional<Secret> databaseUrl(Map<String, String> env) {
        Optional<String> url = value(env, "PAPERBOT_DB_URL");
        if (url.isPresent() && !url.get().startsWith("jdbc:postgresql:") && !url.get().startsWith("jdbc:sqlite:")) {
            throw new ConfigException("PAPERBOT_DB_URL must start with jdbc:postgresql: (or jdbc:sqlite:)");
        }
        return url.map(Secret::new);
    }
}
