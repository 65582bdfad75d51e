package dev.paperbot.index.search;

import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.PaperIndex;
import java.util.Optional;

/** The Lucene paper index: the {@link PaperIndex} port plus what only the index module's users need. */
public interface LuceneIndex extends PaperIndex {

    /** A paper with what the index keeps about it: when it was first added and the hash of its text. */
    Optional<IndexedPaper> indexed(PaperId id);

    /**
     * Starts a bulk load: many papers, large buffers, a commit every {@link BulkOptions#commitEvery()} papers and
     * one at the end. Ordinary upserts wait until it is closed.
     */
    BulkLoader bulkLoader(BulkOptions options);

    IndexSettings settings();
}
