package dev.paperbot.index.search;

import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.search.PopularitySignals;
import dev.paperbot.core.search.SearchQuery;
import java.util.List;
import java.util.Optional;

/**
 * The Lucene paper index: the {@link PaperIndex} port, the {@link PopularitySignals} port (doc values on the papers'
 * documents), plus what only the index module's users need.
 */
public interface LuceneIndex extends PaperIndex, PopularitySignals {

    /** A paper with what the index keeps about it: when it was first added and the hash of its text. */
    Optional<IndexedPaper> indexed(PaperId id);

    /**
     * Starts a bulk load: many papers, large buffers, a commit every {@link BulkOptions#commitEvery()} papers and
     * one at the end. Ordinary upserts wait until it is closed.
     */
    BulkLoader bulkLoader(BulkOptions options);

    /**
     * The ranking {@link #search} would return, as ids and scores only (no stored papers, no snippets): for
     * evaluation and benchmarks. Empty when the query has nothing searchable.
     */
    List<Ranked> rank(SearchQuery query);

    IndexSettings settings();

    /** A paper's place in a ranking. */
    record Ranked(PaperId id, float score) {
    }
}
