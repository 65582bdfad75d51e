package dev.paperbot.bot.config;

/**
 * What a daily digest brings, as operators may set it ({@code PAPERBOT_DIGEST_*}); {@link #defaults()} gives the
 * defaults, which the README lists. The finer knobs of the recommender stay in code.
 *
 * @param windowDays     {@code PAPERBOT_DIGEST_WINDOW_DAYS}: how many days back a paper still counts as new for a
 *                       channel whose previous digest is older than that, or that never had one (1..90, default 7)
 * @param papersPerTopic {@code PAPERBOT_DIGEST_PAPERS_PER_TOPIC}: papers per topic and day (1..20, default 3)
 * @param maxPapers      {@code PAPERBOT_DIGEST_MAX_PAPERS}: papers per digest in all (1..50, default 10)
 * @param parallelism    {@code PAPERBOT_DIGEST_PARALLELISM}: digests this process posts at once (1..32, default 4;
 *                       Slack limits each channel, not the bot)
 */
public record DigestConfig(int windowDays, int papersPerTopic, int maxPapers, int parallelism) {

    public DigestConfig {
        ConfigException.checkRange("PAPERBOT_DIGEST_WINDOW_DAYS", windowDays, 1, 90);
        ConfigException.checkRange("PAPERBOT_DIGEST_PAPERS_PER_TOPIC", papersPerTopic, 1, 20);
        ConfigException.checkRange("PAPERBOT_DIGEST_MAX_PAPERS", maxPapers, 1, 50);
        ConfigException.checkRange("PAPERBOT_DIGEST_PARALLELISM", parallelism, 1, 32);
    }

    public static DigestConfig defaults() {
        return new DigestConfig(7, 3, 10, 4);
    }
}
