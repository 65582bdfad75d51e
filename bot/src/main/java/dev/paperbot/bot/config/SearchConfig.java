package dev.paperbot.bot.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How the bot ranks papers, and how it keeps up with an index another replica writes.
 *
 * @param embeddings {@code PAPERBOT_EMBEDDINGS=on|off} (default on): load the in-process embedding model, embed
 *                   papers in the background and embed queries; off (or a model that cannot load) leaves words only
 * @param hybrid     {@code PAPERBOT_SEARCH_MODE=hybrid|bm25} (default hybrid): fuse words and meaning once every
 *                   paper has its vector; bm25 ranks by words only (papers are still embedded, for
 *                   {@code More like this} and learning from feedback)
 * @param indexRefresh {@code PAPERBOT_INDEX_REFRESH_SECONDS} (1..3600, default
 *                   {@value #DEFAULT_INDEX_REFRESH_SECONDS}): when another replica writes the index in the data
 *                   directory, how often this one looks for its new papers and whether it stopped (then this one
 *                   takes over)
 */
public record SearchConfig(boolean embeddings, boolean hybrid, Duration indexRefresh) {

    public static final int DEFAULT_INDEX_REFRESH_SECONDS = 30;

    public SearchConfig {
        if (indexRefresh == null || indexRefresh.isNegative() || indexRefresh.isZero()) {
            throw new IllegalArgumentException("the index refresh interval must be positive, was " + indexRefresh);
        }
    }

    /** With the default refresh interval. */
    public SearchConfig(boolean embeddings, boolean hybrid) {
        this(embeddings, hybrid, Duration.ofSeconds(DEFAULT_INDEX_REFRESH_SECONDS));
    }

    public static SearchConfig defaults() {
        return new SearchConfig(true, true);
    }

    /** Reads the variables; an unknown value is a {@link ConfigException} naming it. */
    public static SearchConfig fromEnvironment(Map<String, String> env) {
        return new SearchConfig(
                choice(env, "PAPERBOT_EMBEDDINGS", "on", "on", "off"),
                choice(env, "PAPERBOT_SEARCH_MODE", "hybrid", "hybrid", "bm25"),
                Duration.ofSeconds(ConfigException.checkRange("PAPERBOT_INDEX_REFRESH_SECONDS",
                        PaperbotConfigLoader.number(env, "PAPERBOT_INDEX_REFRESH_SECONDS",
                                DEFAULT_INDEX_REFRESH_SECONDS), 1, 3600)));
    }

    /** True for {@code yes}, false for {@code no}, {@code fallback} when unset; anything else names the variable. */
    static boolean choice(Map<String, String> env, String name, String fallback, String yes, String no) {
        String raw = env.get(name);
        String value = raw == null || raw.isBlank() ? fallback : raw.strip().toLowerCase(Locale.ROOT);
        if (value.equals(yes)) {
            return true;
        }
        if (value.equals(no)) {
            return false;
        }
        throw new ConfigException(name + " must be " + yes + " or " + no + ", was " + raw.strip());
    }
}
