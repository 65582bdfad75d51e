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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the scheduled sources once, each over its {@link Gap}, and records when each one last succeeded
 * ({@code scheduled.rss}, ... in the data directory's high-water marks). A run with any failure records nothing, so
 * the next run covers the same gap again.
 */
final class SourceRuns {

    private static final Logger LOG = LoggerFactory.getLogger(SourceRuns.class);

    private final IngestSchedule schedule;
    private final HighWaterMarks marks;
    private final Clock clock;
    private final HttpSettings arxivHttp;
    private final HttpSettings hfHttp;
    private final Consumer<String> threw;

    /** @param threw told the source (as its summaries name it) whose run threw; the exception goes on */
    SourceRuns(IngestSchedule schedule, HighWaterMarks marks, Clock clock, HttpSettings arxivHttp,
            HttpSettings hfHttp, Consumer<String> threw) {
        this.threw = Objects.requireNonNull(threw);
        this.schedule = Objects.requireNonNull(schedule);
        this.marks = Objects.requireNonNull(marks);
        this.clock = Objects.requireNonNull(clock);
        this.arxivHttp = Objects.requireNonNull(arxivHttp);
        this.hfHttp = Objects.requireNonNull(hfHttp);
    }

    /**
     * Runs every source, or with {@code onlyDue} only those that missed a scheduled time.
     *
     * @param slot the scheduled time the run stands for (a timer may fire a little early)
     */
    List<IngestSummary> run(PaperIndex index, Instant slot, boolean onlyDue) throws InterruptedException {
        PaperUpdater updater = new PaperUpdater(index);
        List<IngestSummary> all = new ArrayList<>();
        for (IngestSchedule.Source source : schedule.sources()) {
            String key = "scheduled." + source.name().toLowerCase(Locale.ROOT);
            Instant started = later(clock.instant(), slot);
            Gap gap = new Gap(schedule, marks.instant(key), started);
            if (onlyDue) {
                if (!gap.due()) {
                    continue;
                }
                LOG.info("Catching up {}: last successful scheduled run {}", source,
                        gap.lastRun().map(Object::toString).orElse("not recorded"));
            }
            try {
                all.addAll(runOne(source, key, gap, started, index, updater));
            } catch (RuntimeException e) {
                threw.accept(name(source));
                throw e;
            }
        }
        return all;
    }

    /** One source: its summaries, logged, and its record when nothing failed; none when the index is read-only. */
    private List<IngestSummary> runOne(IngestSchedule.Source source, String key, Gap gap, Instant started,
            PaperIndex index, PaperUpdater updater) throws InterruptedException {
        List<IngestSummary> summaries;
        try {
            summaries = fetch(source, gap, index, updater);
        } catch (IllegalStateException e) {
            // The index was opened read-only because another process holds it.
            LOG.warn("Scheduled ingestion of {} skipped: {}", source, e.getMessage());
            return List.of();
        }
        summaries.forEach(SourceRuns::log);
        if (!summaries.isEmpty() && summaries.stream().noneMatch(IngestSummary::failed)) {
            marks.put(key, started);
        }
        return summaries;
    }

    private List<IngestSummary> fetch(IngestSchedule.Source source, Gap gap, PaperIndex index, PaperUpdater updater)
            throws InterruptedException {
        return switch (source) {
            case RSS -> rss(gap, updater);
            // Its own marks say where the last complete harvest got to: they cover any gap.
            case OAI -> List.of(oai().harvest(schedule.categories(), Optional.empty(), Optional.empty(), updater));
            case HF -> hf(gap, index, updater);
        };
    }

    /**
     * The latest announcement from the feeds; announcements missed before it are no longer in them, so they come
     * from OAI-PMH for the same categories, as new papers (an OAI source in the schedule covers them itself).
     */
    private List<IngestSummary> rss(Gap gap, PaperUpdater updater) throws InterruptedException {
        List<IngestSummary> summaries = new ArrayList<>();
        if (gap.missedEarlierRuns() && !schedule.sources().contains(IngestSchedule.Source.OAI)) {
            // Bounded (until today): the OAI source's own marks stay where they are.
            IngestSummary backfill = oai().harvest(schedule.categories(), Optional.of(gap.since()),
                    Optional.of(gap.today()), updater);
            backfill.note("back-fill of the RSS announcements missed since " + gap.since());
            gap.capNote().ifPresent(backfill::note);
            summaries.add(backfill);
        }
        summaries.add(new ArxivRss(new PoliteHttpClient(arxivHttp), url(schedule.rssUrl()))
                .ingest(schedule.categories(), updater));
        return summaries;
    }

    /** Every day since the last run, not only today: missed days, and the upvotes a day gathered after its run. */
    private List<IngestSummary> hf(Gap gap, PaperIndex index, PaperUpdater updater) throws InterruptedException {
        if (!(index instanceof PopularitySignals signals)) {
            LOG.warn("Hugging Face ingestion skipped: this index keeps no popularity signals");
            return List.of();
        }
        IngestSummary summary = new HuggingFaceDailyPapers(new PoliteHttpClient(hfHttp), url(schedule.hfUrl()))
                .ingest(gap.since(), gap.today(), updater, signals);
        gap.capNote().ifPresent(summary::note);
        return List.of(summary);
    }

    private ArxivOai oai() {
        return new ArxivOai(new PoliteHttpClient(arxivHttp), url(schedule.oaiUrl()), marks, clock);
    }

    /** The source as its summaries name it. */
    static String name(IngestSchedule.Source source) {
        return switch (source) {
            case RSS -> "arxiv-rss";
            case OAI -> "arxiv-oai";
            case HF -> "huggingface";
        };
    }

    private static void log(IngestSummary summary) {
        if (summary.failed()) {
            LOG.warn("Scheduled ingestion: {}", summary.render().strip());
        } else {
            LOG.info("Scheduled ingestion: {}", summary.render().strip());
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String url(URI uri) {
        return uri == null ? null : uri.toString();
    }
}
