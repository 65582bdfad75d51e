package dev.paperbot.bot.subscription;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.paperbot.bot.digest.DigestPoster;
import dev.paperbot.bot.digest.SlackAccess;
import dev.paperbot.bot.digest.SlackChat;
import dev.paperbot.bot.metrics.DigestMetrics;
import dev.paperbot.bot.metrics.SlackApiCalls;
import dev.paperbot.bot.schedule.DigestScheduler;
import dev.paperbot.core.recommend.PicksCache;
import dev.paperbot.core.recommend.Recommender;
import dev.paperbot.core.recommend.Recommenders;
import dev.paperbot.core.search.Embedder;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.search.PaperVectors;
import dev.paperbot.core.store.PaperbotStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;

/**
 * The digest machinery over one open index: the picks cache (what today's digest and {@code digest preview} show),
 * an uncached recommender for looking at days ahead, the poster and the scheduler. Built once the index is ready.
 */
final class Digests implements AutoCloseable {

    final PaperIndex index;
    final PicksCache picks;
    /** Picks of a later day, "so far": not cached, so the day's digest still sees papers added until it goes out. */
    final Recommender upcoming;
    final DigestPoster poster;
    final DigestScheduler scheduler;

    private Digests(PaperIndex index, PicksCache picks, Recommender upcoming, DigestPoster poster,
            DigestScheduler scheduler) {
        this.index = index;
        this.picks = picks;
        this.upcoming = upcoming;
        this.poster = poster;
        this.scheduler = scheduler;
    }

    static Digests start(PaperIndex index, PaperbotStore store, DigestSettings settings, SlackAccess slack,
            MeterRegistry meters, Clock clock, Ticker ticker) {
        // With an embedding model, picks learn from the channel's likes and dismissals (Rocchio on topic vectors).
        PaperVectors vectors = index instanceof PaperVectors v ? v : PaperVectors.none();
        Embedder embedder = vectors.embedder().orElse(null);
        PicksCache picks = Recommenders.create(index, vectors, embedder, store, settings.recommender(), clock,
                ticker);
        CaffeineCacheMetrics.monitor(meters, picks.caffeine(), "picks");
        Recommender upcoming = Recommenders.uncached(index, vectors, embedder, store, settings.recommender(), clock,
                ticker);
        SlackChat chat = new SlackChat(slack.apiUrl(), settings.retries(), SlackChat.Sleeper.REAL,
                new SlackApiCalls(meters)::slack);
        DigestPoster poster = new DigestPoster(store, picks, index, chat, slack.tokens(), clock, settings.owner(),
                settings.lease(), new DigestMetrics(meters));
        DigestScheduler scheduler = new DigestScheduler(store.subscriptions(), poster, clock, settings.parallelism());
        if (!settings.tickEvery().isZero()) {
            scheduler.start(settings.tickEvery());
        }
        return new Digests(index, picks, upcoming, poster, scheduler);
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
