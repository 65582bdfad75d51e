package dev.paperbot.bot.metrics;

import dev.paperbot.index.source.ingest.IngestSummary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Objects;

/**
 * Counts scheduled ingestion by {@code source} ({@code arxiv-rss}, {@code arxiv-oai}, {@code huggingface}):
 * {@code paperbot.ingest.runs} by {@code result} ({@code ok}, {@code failed} when a part of the run failed for
 * good, or {@code error} when the run threw, e.g. the index or the data directory could not be written) and {@code paperbot.ingest.papers} by {@code change} ({@code added}, {@code updated}, {@code unchanged},
 * {@code skipped}).
 */
public final class IngestMetrics {

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Counts what one scheduled run (each source's summary) did. */
    public void record(List<IngestSummary> summaries) {
        for (IngestSummary s : summaries) {
            run(s.source(), s.failed() ? "failed" : "ok");
            papers(s.source(), "added", s.added());
            papers(s.source(), "updated", s.updated());
            papers(s.source(), "unchanged", s.unchanged());
            papers(s.source(), "skipped", s.skipped());
        }
    }

    /** Counts a run of {@code source} that threw instead of returning a summary. */
    public void threw(String source) {
        run(source, "error");
    }

    private void run(String source, String result) {
        Counter.builder("paperbot.ingest.runs").description("Scheduled ingestion runs by source and result")
                .tags("source", source, "result", result).register(registry).increment();
    }

    private void papers(String source, String change, long n) {
        Counter.builder("paperbot.ingest.papers").description("Papers seen by scheduled ingestion, by what changed")
                .tags("source", source, "change", change).register(registry).increment(n);
    }
}
