package dev.paperbot.core.recommend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

/**
 * A recommender that computes a channel's picks once per local day and serves them from a Caffeine cache keyed by
 * (workspace, channel, local date), so {@code digest preview} and the scheduled digest show the same papers. An
 * entry expires at the channel's local midnight and is dropped when the channel's topics change (locally through
 * {@link #invalidate}, and from any process through the store's topics version, checked on every read).
 */
public interface PicksCache extends Recommender {

    CacheStats stats();

    /** How many channel-days are cached. */
    long size();

    /**
     * The Caffeine cache underneath (it records statistics), for a metrics binder to read its hits, misses, size
     * and evictions; nothing should change entries through it.
     */
    Cache<?, ?> caffeine();
}
