package dev.paperbot.index.search;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.search.PaperIndex.UpsertSummary;

/**
 * Loads many papers into a {@link LuceneIndex}. Papers with an id already in the index replace it (keeping the
 * instant it was first added). Each periodic commit is atomic, and so is the final one in {@link #close()}: after
 * a crash the index holds the papers of the last commit. {@link #add} may be called from several threads at once
 * (Lucene indexes each thread's documents in parallel); {@link #finish()} once, after every {@code add} returned.
 */
public interface BulkLoader extends AutoCloseable {

    void add(Paper paper);

    /** Papers given to {@link #add} so far. */
    long count();

    /** Commits what was added since the last commit and makes it searchable. */
    void commit();

    /** Commits and ends the load; what it added and replaced in total. */
    UpsertSummary finish();

    /** Ends the load like {@link #finish()} unless it was already finished. */
    @Override
    void close();
}
