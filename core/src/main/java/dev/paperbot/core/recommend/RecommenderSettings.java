package dev.paperbot.core.recommend;

import java.time.Duration;

/**
 * How the daily picks are chosen; {@link #defaults()} documents the defaults.
 *
 * @param perTopic          papers per topic and day (default 3)
 * @param maxPerDigest      papers per digest in all (default 10)
 * @param window            how far back "new" reaches when the channel had no digest recently (default 7 days)
 * @param candidates        how many hits one shared topic search keeps for all channels (default 40)
 * @param diversity         MMR trade-off between relevance (1.0) and novelty (0.0) (default 0.7)
 * @param nearDuplicate     term-set similarity (Jaccard) from which two papers count as near-copies (default 0.6)
 * @param shareGranularity  window starts are rounded down to this, so channels whose previous digests went out at
 *                          slightly different times share one search; rounding down can only widen a window
 *                          (default 1 hour)
 * @param shareFor          how long one topic search is reused by other channels (default 10 minutes)
 */
public record RecommenderSettings(
        int perTopic,
        int maxPerDigest,
        Duration window,
        int candidates,
        double diversity,
        double nearDuplicate,
        Duration shareGranularity,
        Duration shareFor) {

    public RecommenderSettings {
        require(perTopic >= 1 && perTopic <= 20, "perTopic must be 1..20, was " + perTopic);
        require(maxPerDigest >= 1 && maxPerDigest <= 50, "maxPerDigest must be 1..50, was " + maxPerDigest);
        require(!window.isNegative() && !window.isZero(), "window must be positive, was " + window);
        require(candidates >= perTopic && candidates <= 1000,
                "candidates must be perTopic..1000, was " + candidates);
        require(diversity >= 0 && diversity <= 1, "diversity must be 0..1, was " + diversity);
        require(nearDuplicate > 0 && nearDuplicate <= 1, "nearDuplicate must be in (0, 1], was " + nearDuplicate);
        require(!shareGranularity.isNegative() && !shareGranularity.isZero(),
                "shareGranularity must be positive, was " + shareGranularity);
        require(!shareFor.isNegative(), "shareFor must not be negative, was " + shareFor);
    }

    public static RecommenderSettings defaults() {
        return new RecommenderSettings(3, 10, Duration.ofDays(7), 40, 0.7, 0.6, Duration.ofHours(1),
                Duration.ofMinutes(10));
    }

    public RecommenderSettings withWindow(Duration newWindow) {
        return new RecommenderSettings(perTopic, maxPerDigest, newWindow, candidates, diversity, nearDuplicate,
                shareGranularity, shareFor);
    }

    public RecommenderSettings withPerTopic(int n) {
        return new RecommenderSettings(n, maxPerDigest, window, Math.max(candidates, n), diversity, nearDuplicate,
                shareGranularity, shareFor);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
