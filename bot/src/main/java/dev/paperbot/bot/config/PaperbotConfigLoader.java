package dev.paperbot.bot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

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
                databaseUrl(env));
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
