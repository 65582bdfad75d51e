package dev.paperbot.core.recommend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.paperbot.core.store.ChannelRef;
import dev.paperbot.core.store.ChannelSettings;
import dev.paperbot.core.store.SubscriptionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

final class CachingRecommender implements PicksCache {

    record Key(ChannelRef channel, LocalDate day) {
    }

    private final Recommender delegate;
    private final SubscriptionStore subscriptions;
    private final Cache<Key, DailyPicks> cache;

    CachingRecommender(Recommender delegate, SubscriptionStore subscriptions, Clock clock, Ticker ticker,
            long maximumSize) {
        this.delegate = delegate;
        this.subscriptions = subscriptions;
        this.cache = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfter(new UntilLocalMidnight(clock))
                .maximumSize(maximumSize)
                .recordStats()
                .build();
    }

    @Override
    public DailyPicks picks(ChannelRef channel, LocalDate day) {
        Key key = new Key(channel, day);
        DailyPicks picks = cache.get(key, k -> delegate.picks(k.channel(), k.day()));
        // Another process may have changed the topics (or the time zone): then the entry is stale.
        ChannelSettings now = subscriptions.settings(channel);
        if (picks.topicsVersion() != now.topicsVersion() || !picks.zone().equals(now.zone())) {
            cache.asMap().remove(key, picks);
            picks = cache.get(key, k -> delegate.picks(k.channel(), k.day()));
        }
        return picks;
    }

    @Override
    public void invalidate(ChannelRef channel) {
        cache.asMap().keySet().removeIf(k -> k.channel().equals(channel));
        delegate.invalidate(channel);
    }

    @Override
    public CacheStats stats() {
        return cache.stats();
    }

    @Override
    public Cache<?, ?> caffeine() {
        return cache;
    }

    @Override
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** An entry lives until midnight of its day in the channel's zone, whenever it was computed. */
    private record UntilLocalMidnight(Clock clock) implements Expiry<Key, DailyPicks> {

        @Override
        public long expireAfterCreate(Key key, DailyPicks picks, long currentTime) {
            Instant midnight = picks.day().plusDays(1).atStartOfDay(picks.zone()).toInstant();
            Duration left = Duration.between(clock.instant(), midnight);
            return left.isNegative() ? 0 : left.toNanos();
        }

        @Override
        public long expireAfterUpdate(Key key, DailyPicks picks, long currentTime, long currentDuration) {
            return expireAfterCreate(key, picks, currentTime);
        }

        @Override
        public long expireAfterRead(Key key, DailyPicks picks, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
