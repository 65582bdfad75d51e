package dev.paperbot.index.search;

import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.search.PaperVectors;
import dev.paperbot.core.search.PopularitySignals;
import dev.paperbot.core.search.SearchQuery;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The Lucene paper index: the {@link PaperIndex} port, the {@link PopularitySignals} port (doc values on the papers'
 * documents), plus what only the index module's users need.
 */
public interface LuceneIndex extends PaperIndex, PopularitySignals, PaperVectors {

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

    /**
     * Merges the index down to at most {@code maxSegments} segments and commits, waiting for the merge (~8 s for a
     * million papers on 2 cores; it rewrites the index and needs up to its size again on disk meanwhile). Fewer
     * segments search faster (BENCHMARKS.md). Searches go on during the merge; writes wait for it.
     *
     * @return the number of segments afterwards
     * @throws IllegalArgumentException when {@code maxSegments} is below 1
     * @throws IllegalStateException    when the index is read-only
     */
    int forceMerge(int maxSegments);

    /**
     * How far the index is with embedding its papers; empty when it has no embedding model (it then ranks by words
     * only). While papers wait, searches that do not ask for a mode use words only.
     */
    Optional<EmbeddingProgress> embedding();

    /**
     * Embeds every paper that waits for its vector, in the calling thread (evaluation, tests, the CLI; the bot lets
     * the index's background thread do it).
     *
     * @param progress told how many papers were embedded so far, after each batch
     * @return how many papers were embedded
     * @throws IllegalStateException when the index has no embedding model or is read-only
     */
    long embedPending(java.util.function.LongConsumer progress);

    /** Whether this index writes, follows another process that writes it, or is a snapshot (see {@link Role}). */
    Role role();

    /**
     * Completes once this index is the writer: at once for an index opened for writing, at takeover for a
     * {@linkplain Role#FOLLOWER follower}, never for a read-only snapshot. Cancelled when the index closes first.
     */
    CompletionStage<Void> whenWriter();

    /** What an index does with the papers of its directory. */
    enum Role {
        /** Holds the write lock: adds papers, and embeds them when it has a model and embeds in the background. */
        WRITER("writer"),
        /**
         * Another process on this machine writes the index ({@link PaperIndexes#openOrFollow}): this one searches
         * the writer's commits, seen within the refresh interval, and becomes the writer in place when it stops.
         */
        FOLLOWER("follower (another process writes it; this one takes over when it stops)"),
        /** Searches the commit it was opened on ({@link PaperIndexes#openReadOnly}). */
        READ_ONLY("read-only");

        private final String description;

        Role(String description) {
            this.description = description;
        }

        /** One line for {@code /status} and logs. */
        public String describe() {
            return description;
        }
    }

    /** A paper's place in a ranking. */
    record Ranked(PaperId id, float score) {
    }
}
