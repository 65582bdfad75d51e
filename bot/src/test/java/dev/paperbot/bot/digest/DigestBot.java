package dev.paperbot.bot.digest;

import dev.paperbot.bot.metrics.DigestMetrics;
import dev.paperbot.bot.schedule.DigestScheduler;
import dev.paperbot.core.recommend.PicksCache;
import dev.paperbot.core.recommend.RecommenderSettings;
import dev.paperbot.core.recommend.Recommenders;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.store.PaperbotStore;
import dev.paperbot.core.store.StoreConfig;
import dev.paperbot.core.store.Stores;
import dev.paperbot.core.testing.FakeTime;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** One bot instance for tests: its own store connections, recommender, Slack client, poster and scheduler. */
final class DigestBot implements AutoCloseable {

    static final Duration LEASE = Duration.ofMinutes(2);

    final PaperbotStore store;
    final PicksCache picks;
    final DigestPoster poster;
    final DigestScheduler scheduler;
    /** What the poster counted: {@code paperbot.digests}. */
    final MeterRegistry meters = new SimpleMeterRegistry();
    /** Waits the Slack client asked for, instead of sleeping. */
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    DigestBot(String name, StoreConfig storeConfig, PaperIndex index, String slackApiUrl, FakeTime time,
            SlackChat.Retries retries) {
        this(name, storeConfig, index, slackApiUrl, time, retries, 4);
    }

    DigestBot(String name, StoreConfig storeConfig, PaperIndex index, String slackApiUrl, FakeTime time,
            SlackChat.Retries retries, int parallelism) {
        store = Stores.open(storeConfig);
        picks = Recommenders.create(index, store, RecommenderSettings.defaults(), time, time);
        SlackChat slack = new SlackChat(slackApiUrl, retries, waits::add);
        poster = new DigestPoster(store, picks, index, slack, team -> new TeamTokens.Found("xoxb-test-" + team), time,
                name, LEASE, new DigestMetrics(meters));
        scheduler = new DigestScheduler(store.subscriptions(), poster, time, parallelism);
    }

    DigestBot(String name, StoreConfig storeConfig, PaperIndex index, String slackApiUrl, FakeTime time) {
        this(name, storeConfig, index, slackApiUrl, time, FAST_RETRIES);
    }

    static final SlackChat.Retries FAST_RETRIES =
            new SlackChat.Retries(4, Duration.ofSeconds(1), 5, Duration.ofMinutes(2), Duration.ofSeconds(2));

    @Override
    public void close() {
        scheduler.close();
        store.close();
    }
}
