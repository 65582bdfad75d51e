package dev.paperbot.bot.config;

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
 * <tr><td>PAPERBOT_INGEST_CATEGORIES</td><td>{@code cs.LG,cs.CL,cs.AI,cs.CV,stat.ML}</td><td>arXiv categories</td></tr>
 * <tr><td>PAPERBOT_INGEST_TIME</td><td>{@code 20:30}</td><td>time of day (after arXiv's 20:00 announcement)</td></tr>
 * <tr><td>PAPERBOT_INGEST_ZONE</td><td>{@code America/New_York}</td><td>zone of that time and of the days</td></tr>
 * <tr><td>PAPERBOT_INGEST_DAYS</td><td>{@code SUN,MON,TUE,WED,THU}</td><td>days to ingest on</td></tr>
 * <tr><td>PAPERBOT_ARXIV_RSS_URL, PAPERBOT_ARXIV_OAI_URL, PAPERBOT_HF_URL</td><td>the public services</td>
 *     <td>base URLs of the sources (a mirror, or a local server in tests)</td></tr>
 * <tr><td>PAPERBOT_EMBEDDINGS</td><td>{@code on}</td><td>{@code off}: no embedding model, words only</td></tr>
 * <tr><td>PAPERBOT_SEARCH_MODE</td><td>{@code hybrid}</td><td>{@code bm25}: rank by words only</td></tr>
 * </table>
 *
 * <p>With none of the three Slack variables set, the bot starts the local playground.
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
        if ((appToken.isPresent() || signingSecret.isPresent()) && botToken.isEmpty()) {
            throw new ConfigException((appToken.isPresent() ? "SLACK_APP_TOKEN" : "SLACK_SIGNING_SECRET")
                    + " is set but SLACK_BOT_TOKEN is not: set the bot token (xoxb-...) from the app's"
                    + " \"OAuth & Permissions\" page too");
        }
        if (botToken.isPresent() && appToken.isEmpty() && signingSecret.isEmpty()) {
            throw new ConfigException("SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor"
                    + " SLACK_SIGNING_SECRET (HTTP mode) is: set one of them");
        }
        boolean playground = botToken.isEmpty();
        String host = value(env, "PAPERBOT_HOST").orElse(playground ? "127.0.0.1" : "0.0.0.0");
        return new PaperbotConfig(botToken, appToken, signingSecret,
                apiUrl(value(env, "PAPERBOT_SLACK_API_URL").orElse(DEFAULT_SLACK_API_URL)),
                host,
                port(value(env, "PAPERBOT_PORT").orElse(String.valueOf(DEFAULT_PORT))),
                home.toAbsolutePath().normalize(),
                databaseUrl(env),
                ingest(env, playground),
                SearchConfig.fromEnvironment(env));
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
                .map(c -> Arrays.stream(c.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList())
                .orElse(defaults.categories());
        for (String c : categories) {
            if (!c.matches("[a-z][a-z-]*(\\.[A-Za-z][A-Za-z-]*)?")) {
                throw new ConfigException("PAPERBOT_INGEST_CATEGORIES: '" + c + "' is not an arXiv category (cs.LG)");
            }
        }
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
                value(env, "PAPERBOT_ARXIV_RSS_URL").map(v -> httpUrl("PAPERBOT_ARXIV_RSS_URL", v)).orElse(null),
                value(env, "PAPERBOT_ARXIV_OAI_URL").map(v -> httpUrl("PAPERBOT_ARXIV_OAI_URL", v)).orElse(null),
                value(env, "PAPERBOT_HF_URL").map(v -> httpUrl("PAPERBOT_HF_URL", v)).orElse(null));
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
