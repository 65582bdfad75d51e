package dev.paperbot.bot.schedule;

import dev.paperbot.bot.config.IngestSchedule;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.search.PopularitySignals;
import dev.paperbot.index.source.arxiv.ArxivOai;
import dev.paperbot.index.source.arxiv.ArxivRss;
import dev.paperbot.index.source.http.HttpSettings;
import dev.paperbot.index.source.http.PoliteHttpClient;
import dev.paperbot.index.source.huggingface.HuggingFaceDailyPapers;
import dev.paperbot.index.source.ingest.HighWaterMarks;
import dev.paperbot.index.source.ingest.IngestSummary;
import dev.paperbot.index.source.ingest.PaperUpdater;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests papers inside {@code serve} on the configured days and time (by default arXiv's RSS for a few ML
 * categories, shortly after the daily announcement). One background thread; each run logs its summary; a failed run
 * is logged and the next one comes at the next scheduled time. A day missed while the bot was down is not fetched
 * later (the feeds only carry the latest day): {@code bin/paperbot ingest oai} back-fills such gaps.
 */
public final class IngestScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestScheduler.class);

    private final IngestSchedule schedule;
    private final Supplier<Optional<PaperIndex>> index;
    private final Path home;
    private final Clock clock;
    private final HttpSettings arxivHttp;
    private final HttpSettings hfHttp;
    private ScheduledExecutorService timer;

    /**
     * @param index the bot's index once it is open (the holder's {@code get})
     * @param home  the data directory, for the OAI high-water marks
     */
    public IngestScheduler(IngestSchedule schedule, Supplier<Optional<PaperIndex>> index, Path home, Clock clock,
            HttpSettings arxivHttp, HttpSettings hfHttp) {
        this.schedule = Objects.requireNonNull(schedule);
        this.index = Objects.requireNonNull(index);
        this.home = Objects.requireNonNull(home);
        this.clock = Objects.requireNonNull(clock);
        this.arxivHttp = Objects.requireNonNull(arxivHttp);
        this.hfHttp = Objects.requireNonNull(hfHttp);
    }

    /** The scheduler {@code serve} uses: the services' own pacing, the system clock. */
    public static IngestScheduler forServe(IngestSchedule schedule, Supplier<Optional<PaperIndex>> index, Path home) {
        return new IngestScheduler(schedule, index, home, Clock.systemUTC(), HttpSettings.arxiv(),
                HttpSettings.huggingFace());
    }

    /** Starts waiting for the next run; does nothing when the schedule is off. */
    public synchronized void start() {
        if (!schedule.enabled() || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "paperbot-ingest");
            t.setDaemon(true);
            return t;
        });
        scheduleNext();
    }

    private synchronized void scheduleNext() {
        if (timer == null || timer.isShutdown()) {
            return;
        }
        Instant next = IngestTimes.next(schedule, clock.instant());
        LOG.info("Next ingestion ({}) at {}", schedule.sources(), next.atZone(schedule.zone()));
        timer.schedule(() -> {
            try {
                runNow();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Scheduled ingestion failed; the next one runs as scheduled", e);
            }
            scheduleNext();
        }, Math.max(0, Duration.between(clock.instant(), next).toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Runs every configured source once, now; returns their summaries (also logged). */
    public List<IngestSummary> runNow() throws InterruptedException {
        Optional<PaperIndex> open = index.get();
        if (open.isEmpty()) {
            LOG.warn("Scheduled ingestion skipped: the paper index is not open yet");
            return List.of();
        }
        PaperUpdater updater = new PaperUpdater(open.get());
        List<IngestSummary> summaries = new ArrayList<>();
        for (IngestSchedule.Source source : schedule.sources()) {
            IngestSummary summary;
            try {
                summary = switch (source) {
                    case RSS -> new ArxivRss(new PoliteHttpClient(arxivHttp), url(schedule.rssUrl()))
                            .ingest(schedule.categories(), updater);
                    case OAI -> new ArxivOai(new PoliteHttpClient(arxivHttp), url(schedule.oaiUrl()),
                            new HighWaterMarks(home.resolve("ingest-state.properties")), clock)
                            .harvest(schedule.categories(), Optional.empty(), Optional.empty(), updater);
                    case HF -> {
                        if (!(open.get() instanceof PopularitySignals signals)) {
                            LOG.warn("Hugging Face ingestion skipped: this index keeps no popularity signals");
                            yield null;
                        }
                        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
                        yield new HuggingFaceDailyPapers(new PoliteHttpClient(hfHttp), url(schedule.hfUrl()))
                                .ingest(today, today, updater, signals);
                    }
                };
            } catch (IllegalStateException e) {
                // The index was opened read-only because another process holds it.
                LOG.warn("Scheduled ingestion of {} skipped: {}", source, e.getMessage());
                continue;
            }
            if (summary != null) {
                if (summary.failed()) {
                    LOG.warn("Scheduled ingestion: {}", summary.render().strip());
                } else {
                    LOG.info("Scheduled ingestion: {}", summary.render().strip());
                }
                summaries.add(summary);
            }
        }
        return summaries;
    }

    private static String url(URI uri) {
        return uri == null ? null : uri.toString();
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
