package dev.paperbot.bot.schedule;

import dev.paperbot.bot.config.IngestSchedule;
import dev.paperbot.bot.metrics.IngestMetrics;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.index.source.http.HttpSettings;
import dev.paperbot.index.source.ingest.HighWaterMarks;
import dev.paperbot.index.source.ingest.IngestSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests papers inside {@code serve} on the configured days and time (by default arXiv's RSS for a few ML
 * categories, shortly after the daily announcement), on one background thread. Each source's last successful run is
 * recorded in the data directory, so a day missed while the bot was down or a run that failed is not lost: once the
 * index is open and this process writes it, {@link #start} catches up at once every source whose latest scheduled
 * time passed since its record (RSS back-fills older missed announcements through OAI-PMH, Hugging Face fetches
 * every day since), then the schedule goes on. {@link Gap} says what a source missed; {@link SourceRuns} runs the sources.
 */
public final class IngestScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestScheduler.class);

    private final IngestSchedule schedule;
    private final Supplier<Optional<PaperIndex>> index;
    private final Clock clock;
    private final SourceRuns runs;
    private final Consumer<List<IngestSummary>> afterRun;
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private ScheduledExecutorService timer;

    /**
     * @param index the bot's index once it is open (the holder's {@code get})
     * @param home  the data directory, for the high-water marks and the runs' records
     */
    public IngestScheduler(IngestSchedule schedule, Supplier<Optional<PaperIndex>> index, Path home, Clock clock,
            HttpSettings arxivHttp, HttpSettings hfHttp) {
        this(schedule, index, home, clock, arxivHttp, hfHttp, summaries -> { }, source -> { });
    }

    /**
     * @param afterRun told what each run did (the metrics count it)
     * @param threw    told the source ({@code arxiv-rss}, ...) whose run threw instead (the metrics count it)
     */
    public IngestScheduler(IngestSchedule schedule, Supplier<Optional<PaperIndex>> index, Path home, Clock clock,
            HttpSettings arxivHttp, HttpSettings hfHttp, Consumer<List<IngestSummary>> afterRun,
            Consumer<String> threw) {
        this.afterRun = Objects.requireNonNull(afterRun);
        this.schedule = Objects.requireNonNull(schedule);
        this.index = Objects.requireNonNull(index);
        this.clock = Objects.requireNonNull(clock);
        this.runs = new SourceRuns(schedule, HighWaterMarks.in(home), clock, arxivHttp, hfHttp, threw);
    }

    /** The scheduler {@code serve} uses: the services' own pacing, the system clock, runs counted in {@code meters}. */
    public static IngestScheduler forServe(IngestSchedule schedule, Supplier<Optional<PaperIndex>> index, Path home,
            MeterRegistry meters) {
        IngestMetrics metrics = new IngestMetrics(meters);
        return new IngestScheduler(schedule, index, home, Clock.systemUTC(), HttpSettings.arxiv(),
                HttpSettings.huggingFace(), metrics::record, metrics::threw);
    }

    /**
     * Once {@code indexReady} completes, in the background (the server and Slack do not wait for it): catches up
     * missed runs, then waits for the next one. {@code serve} passes the moment its process writes the index, which
     * for a replica that follows another's index is when it takes over: one process ingests into an index. Does
     * nothing when the schedule is off.
     *
     * @return the catch-up's summaries, once it ran
     */
    public synchronized CompletableFuture<List<IngestSummary>> start(CompletionStage<?> indexReady) {
        if (!schedule.enabled() || timer != null) {
            return CompletableFuture.completedFuture(List.of());
        }
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "paperbot-ingest");
            t.setDaemon(true);
            return t;
        });
        // On close, the next run's timer is dropped; a run under way may finish (see close).
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timer = executor;
        // The same single thread as the scheduled runs: a catch-up and a run never overlap.
        return indexReady.toCompletableFuture().thenApplyAsync(ready -> {
            Instant caughtUpTo = clock.instant();
            List<IngestSummary> summaries = guarded(this::catchUp);
            // A time that passed during a long catch-up runs at once.
            scheduleNext(caughtUpTo);
            return summaries;
        }, timer);
    }

    private synchronized void scheduleNext(Instant after) {
        if (timer == null || timer.isShutdown()) {
            return;
        }
        Instant next = IngestTimes.next(schedule, after);
        LOG.info("Next ingestion ({}) at {}", schedule.sources(), next.atZone(schedule.zone()));
        timer.schedule(() -> {
            guarded(() -> run(next, false));
            Instant now = clock.instant();
            scheduleNext(now.isAfter(next) ? now : next);
        }, Math.max(0, Duration.between(clock.instant(), next).toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Runs every configured source once, now; returns their summaries (also logged). */
    public List<IngestSummary> runNow() throws InterruptedException {
        return run(clock.instant(), false);
    }

    /** Runs now the sources whose latest scheduled time passed since their last successful run. */
    List<IngestSummary> catchUp() throws InterruptedException {
        return run(clock.instant(), true);
    }

    private List<IngestSummary> run(Instant slot, boolean onlyDue) throws InterruptedException {
        Optional<PaperIndex> open = index.get();
        if (open.isEmpty()) {
            LOG.warn("Scheduled ingestion skipped: the paper index is not open yet");
            return List.of();
        }
        List<IngestSummary> summaries = runs.run(open.get(), slot, onlyDue);
        afterRun.accept(summaries);
        return summaries;
    }

    /** A run that fails is logged; the record stays, so the next run covers the gap again. */
    private static List<IngestSummary> guarded(Run run) {
        try {
            return run.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Scheduled ingestion failed; the next one runs as scheduled", e);
        }
        return List.of();
    }

    private interface Run {
        List<IngestSummary> call() throws InterruptedException;
    }

    /**
     * Stops the timer. A run under way gets {@link #STOP_GRACE} to finish before it is interrupted: an interrupt
     * in the middle of a Lucene commit would cost the commit (never the index) and log an error for nothing.
     */
    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = timer;
            timer = null;
        }
        if (stopping == null) {
            return;
        }
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Scheduled ingestion still running after {} s; interrupting it", STOP_GRACE.toSeconds());
                stopping.shutdownNow();
            }
        } catch (InterruptedException e) {
            stopping.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
