package dev.paperbot.bot.schedule;

import dev.paperbot.bot.digest.DigestPoster;
import dev.paperbot.core.store.ChannelRef;
import dev.paperbot.core.store.ChannelSettings;
import dev.paperbot.core.store.Subscription;
import dev.paperbot.core.store.SubscriptionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each channel's digest at its own local time. Every tick it looks at every subscribed channel and posts the
 * digests that are owed today (local date in the channel's zone; see {@link DigestTimes}) and not done; the store's
 * claims make this safe to run in several processes at once. A digest missed while the bot was down goes out at the
 * first tick of the same local day; a day missed entirely is not posted late, and its papers come with the next
 * digest instead (its window starts where the previous digest's search stopped). A channel that subscribes after
 * its digest time gets its first digest the next day.
 */
public final class DigestScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DigestScheduler.class);

    private static final Set<DigestPoster.Outcome> DONE_FOR_THE_DAY = Set.of(
            DigestPoster.Outcome.POSTED, DigestPoster.Outcome.EMPTY, DigestPoster.Outcome.QUIET,
            DigestPoster.Outcome.ALREADY_DONE, DigestPoster.Outcome.FAILED, DigestPoster.Outcome.PAUSED,
            DigestPoster.Outcome.NO_TOPICS, DigestPoster.Outcome.NOT_INSTALLED);

    private static final Duration DRAIN = Duration.ofSeconds(10);

    private record ChannelDay(ChannelRef channel, LocalDate day) {
    }

    private final SubscriptionStore subscriptions;
    private final DigestPoster poster;
    private final Clock clock;
    private final int parallelism;
    /** Channel-days this process knows are settled, so ticks do not ask the database again. */
    private final Set<ChannelDay> settled = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService timer;
    private ExecutorService workers;

    /**
     * @param parallelism how many digests are posted at once (Slack limits each channel, not the bot, to ~1/s)
     */
    public DigestScheduler(SubscriptionStore subscriptions, DigestPoster poster, Clock clock, int parallelism) {
        this.subscriptions = Objects.requireNonNull(subscriptions);
        this.poster = Objects.requireNonNull(poster);
        this.clock = Objects.requireNonNull(clock);
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /** Ticks every {@code every} on a background thread until {@link #close()}. */
    public synchronized void start(Duration every) {
        if (timer != null) {
            return;
        }
        workers = Executors.newFixedThreadPool(parallelism, r -> daemon(r, "digest-poster"));
        timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "digest-scheduler"));
        timer.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("digest tick failed; trying again at the next one", e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The channels whose digest is owed now and not settled in this process. */
    public List<ChannelRef> due() {
        Instant now = clock.instant();
        List<ChannelRef> due = new ArrayList<>();
        for (ChannelSettings s : candidates(now)) {
            if (owed(s, DigestTimes.localDay(now, s.zone()), now)) {
                due.add(s.channel());
            }
        }
        return due;
    }

    /** Posts every digest that is owed now; returns what happened to each. */
    public List<DigestPoster.Result> tick() throws InterruptedException {
        Instant now = clock.instant();
        List<Callable<DigestPoster.Result>> jobs = new ArrayList<>();
        for (ChannelSettings s : candidates(now)) {
            LocalDate today = DigestTimes.localDay(now, s.zone());
            jobs.add(() -> {
                if (!owed(s, today, now)) {
                    // Subscribed after today's digest time: the first digest is tomorrow's.
                    settled.add(new ChannelDay(s.channel(), today));
                    return null;
                }
                return poster.post(s.channel(), today);
            });
        }
        List<DigestPoster.Result> results = new ArrayList<>();
        if (jobs.isEmpty()) {
            return results;
        }
        ExecutorService pool = workers != null ? workers : Executors.newFixedThreadPool(parallelism);
        try {
            for (Future<DigestPoster.Result> f : pool.invokeAll(jobs)) {
                try {
                    DigestPoster.Result r = f.get();
                    if (r == null) {
                        continue;
                    }
                    results.add(r);
                    if (DONE_FOR_THE_DAY.contains(r.outcome())) {
                        settled.add(new ChannelDay(r.channel(), r.day()));
                    }
                } catch (ExecutionException e) {
                    LOG.error("a digest failed unexpectedly", e.getCause());
                }
            }
        } finally {
            if (pool != workers) {
                pool.shutdown();
            }
        }
        forgetOldDays(now);
        return results;
    }

    /** Channels whose digest time has come today, not paused and not settled: cheap checks on the settings only. */
    private List<ChannelSettings> candidates(Instant now) {
        List<ChannelSettings> out = new ArrayList<>();
        for (ChannelSettings s : subscriptions.allSubscribedChannels()) {
            LocalDate today = DigestTimes.localDay(now, s.zone());
            if (!s.paused() && !settled.contains(new ChannelDay(s.channel(), today))
                    && !now.isBefore(DigestTimes.dueAt(today, s.digestTime(), s.zone()))) {
                out.add(s);
            }
        }
        return out;
    }

    /** Whether the channel followed topics by the day's digest time (one query, only for channels that are due). */
    private boolean owed(ChannelSettings s, LocalDate day, Instant now) {
        return subscriptions.subscriptions(s.channel()).stream().map(Subscription::subscribedAt)
                .min(Comparator.naturalOrder())
                .map(since -> DigestTimes.owed(day, s.digestTime(), s.zone(), since, now))
                .orElse(false);
    }

    /** Keeps the settled set to about two days. */
    private void forgetOldDays(Instant now) {
        LocalDate cutoff = DigestTimes.localDay(now, java.time.ZoneOffset.UTC).minusDays(2);
        settled.removeIf(cd -> cd.day().isBefore(cutoff));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Stops ticking and lets digests being posted finish for a few seconds; one still posting after that is
     * interrupted, and its claim lets this or another process finish it once the lease runs out.
     */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            workers.shutdown();
            try {
                if (!workers.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                    workers.shutdownNow();
                }
            } catch (InterruptedException e) {
                workers.shutdownNow();
                Thread.currentThread().interrupt();
            }
            timer = null;
            workers = null;
        }
    }
}
