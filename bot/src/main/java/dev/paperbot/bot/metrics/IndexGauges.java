package dev.paperbot.bot.metrics;

import dev.paperbot.bot.index.IndexHolder;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.index.search.EmbeddingProgress;
import dev.paperbot.index.search.LuceneIndex;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.Optional;

/**
 * The index as gauges, read at each scrape: {@code paperbot.index.papers} (papers in the index) and
 * {@code paperbot.index.papers.pending.vectors} (papers still waiting for their meaning vector; searches use words
 * only until it is 0). NaN while the index opens, and for the vectors when there is no embedding model.
 */
public final class IndexGauges implements MeterBinder {

    private final IndexHolder index;

    public IndexGauges(IndexHolder index) {
        this.index = Objects.requireNonNull(index, "index");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("paperbot.index.papers", index, h -> h.get().map(i -> (double) i.size()).orElse(Double.NaN))
                .description("Papers in the index").strongReference(true).register(registry);
        Gauge.builder("paperbot.index.papers.pending.vectors", index,
                        h -> h.get().flatMap(IndexGauges::embedding).map(p -> (double) p.pending()).orElse(Double.NaN))
                .description("Papers waiting for their meaning vector").strongReference(true).register(registry);
    }

    private static Optional<EmbeddingProgress> embedding(PaperIndex index) {
        return index instanceof LuceneIndex lucene ? lucene.embedding() : Optional.empty();
    }
}
