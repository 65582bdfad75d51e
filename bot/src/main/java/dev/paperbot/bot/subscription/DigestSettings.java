package dev.paperbot.bot.subscription;

import dev.paperbot.bot.config.DigestConfig;
import dev.paperbot.bot.digest.SlackChat;
import dev.paperbot.core.recommend.RecommenderSettings;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the bot picks and posts digests; {@link #defaults()} documents the defaults.
 *
 * @param recommender what the daily picks are made of (papers per topic, window of "new", diversity...)
 * @param tickEvery   how often the scheduler looks for digests that are due (default 30 s); zero: never by itself
 *                    (tests tick by hand)
 * @param lease       how long a claimed digest is left to its poster before another process may take it over
 *                    (default 10 minutes: longer than the slowest post with Slack's Retry-After waits)
 * @param parallelism how many digests are posted at once (default 4; Slack limits each channel, not the bot)
 * @param retries     how hard one Slack call is tried
 * @param owner       this process's name in digest claims; unique per process
 */
public record DigestSettings(
        RecommenderSettings recommender,
        Duration tickEvery,
        Duration lease,
        int parallelism,
        SlackChat.Retries retries,
        String owner) {

    public DigestSettings {
        Objects.requireNonNull(recommender, "recommender");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(owner, "owner");
        if (tickEvery.isNegative()) {
            throw new IllegalArgumentException("tickEvery must not be negative, was " + tickEvery);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, was " + lease);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
    }

    public static DigestSettings defaults() {
        return new DigestSettings(RecommenderSettings.defaults(), Duration.ofSeconds(30), Duration.ofMinutes(10), 4,
                SlackChat.Retries.defaults(), processName());
    }

    /** The defaults with what operators set through {@code PAPERBOT_DIGEST_*}. */
    public static DigestSettings from(DigestConfig config) {
        DigestSettings d = defaults();
        RecommenderSettings r = d.recommender();
        RecommenderSettings configured = new RecommenderSettings(config.papersPerTopic(), config.maxPapers(),
                Duration.ofDays(config.windowDays()), Math.max(r.candidates(), config.papersPerTopic()),
                r.diversity(), r.nearDuplicate(), r.shareGranularity(), r.shareFor());
        return new DigestSettings(configured, d.tickEvery(), d.lease(), config.parallelism(), d.retries(), d.owner());
    }

    public DigestSettings withTickEvery(Duration every) {
        return new DigestSettings(recommender, every, lease, parallelism, retries, owner);
    }

    public DigestSettings withRetries(SlackChat.Retries newRetries) {
        return new DigestSettings(recommender, tickEvery, lease, parallelism, newRetries, owner);
    }

    public DigestSettings withOwner(String newOwner) {
        return new DigestSettings(recommender, tickEvery, lease, parallelism, retries, newOwner);
    }

    /** {@code pid@host} plus a random suffix, so two processes never share a name even in one container. */
    static String processName() {
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return ManagementFactory.getRuntimeMXBean().getName() + "-" + HexFormat.of().formatHex(random);
    }
}
