package dev.paperbot.index.source.ingest;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.index.search.BulkLoader;
import dev.paperbot.index.search.BulkOptions;
import dev.paperbot.index.search.LuceneIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a batch of source items into the index: each is merged with what the index knows ({@link PaperMerge}),
 * papers that did not change are left alone, and the rest go in with one atomic upsert. So running any ingestion
 * twice adds nothing the second time, and a crash mid-batch leaves the index as it was before the batch.
 *
 * <p>Historical papers that are new to the index go in through the Lucene index's bulk path with the epoch as the
 * instant they were added, so a back-fill never fills a digest (other index implementations add them as new).
 */
public final class PaperUpdater {

    static final String UNKNOWN_REPLACEMENT = "replacement of a paper not in the index (not a new paper)";

    private final PaperIndex index;

    public PaperUpdater(PaperIndex index) {
        this.index = index;
    }

    /** Applies one batch (a feed, a page) and counts what happened in {@code summary}. */
    public void apply(List<IngestItem> items, IngestSummary summary) {
        // One entry per id: a joined feed or several sets may repeat a paper within a batch.
        Map<PaperId, IngestItem> byId = new LinkedHashMap<>();
        for (IngestItem item : items) {
            byId.merge(item.paper().id(), item, (a, b) -> new IngestItem(
                    PaperMerge.merge(a.paper(), b.paper()), a.kind().or(b.kind()), a.where()));
        }
        List<Paper> writes = new ArrayList<>();
        List<Paper> historical = new ArrayList<>();
        long added = 0;
        long updated = 0;
        for (IngestItem item : byId.values()) {
            Optional<Paper> known = index.find(item.paper().id());
            if (known.isEmpty()) {
                if (item.kind() == IngestItem.Kind.UPDATE_ONLY) {
                    summary.skip(item.where(), UNKNOWN_REPLACEMENT);
                    continue;
                }
                (item.kind() == IngestItem.Kind.HISTORICAL && index instanceof LuceneIndex ? historical : writes)
                        .add(item.paper());
                added++;
                continue;
            }
            Paper merged = PaperMerge.merge(known.get(), item.paper());
            if (merged.equals(known.get())) {
                summary.unchanged(1);
            } else {
                writes.add(merged);
                updated++;
            }
        }
        if (!writes.isEmpty()) {
            index.upsert(writes);
        }
        if (!historical.isEmpty()) {
            // One commit at the end of the load: atomic like an upsert for a batch this size.
            try (BulkLoader loader = ((LuceneIndex) index).bulkLoader(BulkOptions.defaults()
                    .withAddedAt(Instant.EPOCH).withCommitEvery(Math.max(1, historical.size())))) {
                historical.forEach(loader::add);
            }
        }
        summary.added(added);
        summary.updated(updated);
    }
}
