package dev.paperbot.index.search;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.search.PaperIndex.UpsertSummary;
import dev.paperbot.index.document.PaperDocuments;
import dev.paperbot.index.document.PaperFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;

/**
 * The bulk path into the index: one writer with a large buffer, a commit every so many papers, and id lookups only
 * when they can matter. Lookups go to the snapshot taken when the load started: papers the load itself adds get
 * the load's instant anyway, and replacement inside the load is left to {@link IndexWriter#updateDocument}.
 */
final class LuceneBulkLoader implements BulkLoader {

    private final LucenePaperIndex index;
    private final IndexWriter writer;
    private final BulkOptions options;
    private final Instant addedAt;
    private final IndexSearcher snapshot;
    /** Null when the index was empty at the start: nothing to look up. */
    private final IdLookup lookup;
    private final long docsAtStart;
    private final double previousRamBufferMb;
    private long count;
    private long sinceCommit;
    private boolean closed;

    LuceneBulkLoader(LucenePaperIndex index, IndexWriter writer, BulkOptions options, Instant now)
            throws IOException {
        this.index = index;
        this.writer = writer;
        this.options = options;
        this.addedAt = options.addedAt() == null ? now : options.addedAt();
        this.snapshot = index.acquire();
        this.docsAtStart = snapshot.getIndexReader().numDocs();
        this.lookup = docsAtStart == 0 ? null : new IdLookup(snapshot.getIndexReader());
        this.previousRamBufferMb = writer.getConfig().getRAMBufferSizeMB();
        writer.getConfig().setRAMBufferSizeMB(options.ramBufferMb());
    }

    @Override
    public void add(Paper paper) {
        ensureOpen();
        try {
            Optional<Instant> previous = lookup == null ? Optional.empty() : lookup.addedAt(paper.id());
            Document doc = PaperDocuments.toDocument(paper, previous.orElse(addedAt));
            if (previous.isPresent()) {
                PopularityValues.carryOver(snapshot.getIndexReader(), paper.id(), doc);
            }
            if (lookup == null && options.uniqueIds()) {
                writer.addDocument(doc);
            } else {
                writer.updateDocument(new Term(PaperFields.ID, paper.id().value()), doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("adding paper " + paper.id() + " failed", e);
        }
        count++;
        if (++sinceCommit >= options.commitEvery()) {
            commit();
        }
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void commit() {
        ensureOpen();
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("bulk commit failed", e);
        }
        sinceCommit = 0;
        index.refresh();
    }

    @Override
    public void close() {
        if (!closed) {
            finish();
        }
    }

    @Override
    public UpsertSummary finish() {
        ensureOpen();
        try {
            commit();
            long added = writer.getDocStats().numDocs - docsAtStart;
            return new UpsertSummary((int) added, (int) (count - added));
        } catch (RuntimeException e) {
            index.discardUncommitted(e);
            throw e;
        } finally {
            closed = true;
            writer.getConfig().setRAMBufferSizeMB(previousRamBufferMb);
            LucenePaperIndex.release(snapshot);
            index.releaseWriting();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("bulk load already closed");
        }
    }
}
