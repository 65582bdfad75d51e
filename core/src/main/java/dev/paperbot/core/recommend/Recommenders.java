package dev.paperbot.core.recommend;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.paperbot.core.search.Embedder;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.search.PaperVectors;
import dev.paperbot.core.search.PopularitySignals;
import dev.paperbot.core.store.PaperbotStore;
import java.time.Clock;

/** Builds recommenders. */
public final class Recommenders {

    /** Enough for every channel-day of a large installation; an entry is a few kilobytes. */
    public static final long DEFAULT_CACHE_SIZE = 100_000;

    private Recommenders() {
    }

    /** The bot's recommender: daily picks over the index, cached per channel and local day. */
    public static PicksCache create(PaperIndex index, PaperbotStore store, RecommenderSettings settings, Clock clock) {
        return create(index, store, settings, clock, Ticker.systemTicker());
    }

    /**
     * The same with an explicit ticker, for tests that move time: the ticker must advance with the clock (Caffeine
     * measures expiry on the ticker, the picks' midnight is computed on the clock).
     */
    public static PicksCache create(PaperIndex index, PaperbotStore store, RecommenderSettings settings, Clock clock,
            Ticker ticker) {
        return cached(uncached(index, store, settings, clock, ticker), store, clock, ticker);
    }

    /**
     * The bot's recommender with learning from feedback: each channel's likes and dismissals move its topics'
     * meaning vectors (Rocchio), embedded by {@code embedder} in the space of the index's {@code vectors}.
     */
    public static PicksCache create(PaperIndex index, PaperVectors vectors, Embedder embedder, PaperbotStore store,
            RecommenderSettings settings, Clock clock, Ticker ticker) {
        return cached(uncached(index, vectors, embedder, store, settings, clock, ticker), store, clock, ticker);
    }

    /** Daily picks computed on every call (topic searches are still shared for a few minutes). */
    public static Recommender uncached(PaperIndex index, PaperbotStore store, RecommenderSettings settings,
            Clock clock, Ticker ticker) {
        return uncached(index, PaperVectors.none(), null, store, settings, clock, ticker);
    }

    /**
     * The same, learning from feedback when {@code embedder} is not null. {@code trending} topics rank by the
     * popularity signals the index keeps ({@link PopularitySignals#of}); an index without any brings them nothing.
     */
    public static Recommender uncached(PaperIndex index, PaperVectors vectors, Embedder embedder,
            PaperbotStore store, RecommenderSettings settings, Clock clock, Ticker ticker) {
        TrendingPicks trending = new TrendingPicks(new TrendingPapers(PopularitySignals.of(index), index), settings,
                ticker);
        return new DailyPicker(store, new TopicSearches(index, settings, clock, ticker), trending,
                new FeedbackVectors(embedder, vectors, store.feedback()), settings, clock);
    }

    /** Caches any recommender's picks per (workspace, channel, local date) until the channel's local midnight. */
    public static PicksCache cached(Recommender recommender, PaperbotStore store, Clock clock, Ticker ticker) {
        return new CachingRecommender(recommender, store.subscriptions(), clock, ticker, DEFAULT_CACHE_SIZE);
    }
}
