package dev.paperbot.index.search;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.search.PaperIndex.UpsertSummary;
import dev.paperbot.index.document.PaperDocuments;
import dev.paperbot.index.document.PaperFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
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
    /** Null when the index was empty at the start: nothing to look up. One per feeding thread (not thread-safe). */
    private final ThreadLocal<IdLookup> lookup;
    private final long docsAtStart;
    private final double previousRamBufferMb;
    private final boolean previousCompoundFile;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong sinceCommit = new AtomicLong();
    private volatile boolean closed;

    LuceneBulkLoader(LucenePaperIndex index, IndexWriter writer, BulkOptions options, Instant now)
            throws IOException {
        this.index = index;
        this.writer = writer;
        this.options = options;
        this.addedAt = options.addedAt() == null ? now : options.addedAt();
        this.snapshot = index.acquire();
        this.docsAtStart = snapshot.getIndexReader().numDocs();
        this.lookup = docsAtStart == 0 ? null : ThreadLocal.withInitial(() -> {
            try {
                return new IdLookup(snapshot.getIndexReader());
            } catch (IOException e) {
                throw new UncheckedIOException("reading the index failed", e);
            }
        });
        this.previousRamBufferMb = writer.getConfig().getRAMBufferSizeMB();
        writer.getConfig().setRAMBufferSizeMB(options.ramBufferMb());
        // Flushed segments skip the compound-file copy during a load (merges still decide for themselves).
        this.previousCompoundFile = writer.getConfig().getUseCompoundFile();
        writer.getConfig().setUseCompoundFile(false);
    }

    @Override
    public void add(Paper paper) {
        ensureOpen();
        try {
            Optional<Instant> previous = lookup == null ? Optional.empty() : lookup.get().addedAt(paper.id());
            Document doc = previous.isPresent()
                    ? LucenePaperIndex.replacement(snapshot.getIndexReader(), lookup.get().docId(paper.id()), paper,
                            previous.get())
                    : PaperDocuments.toDocument(paper, addedAt);
            if (lookup == null && options.uniqueIds()) {
                writer.addDocument(doc);
            } else {
                writer.updateDocument(new Term(PaperFields.ID, paper.id().value()), doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("adding paper " + paper.id() + " failed", e);
        }
        count.incrementAndGet();
        if (sinceCommit.incrementAndGet() >= options.commitEvery()) {
            commitIfStillDue();
        }
    }

    @Override
    public long count() {
        return count.get();
    }

    /** With several feeding threads, the first one past the threshold commits; the others find it done. */
    private synchronized void commitIfStillDue() {
        if (sinceCommit.get() >= options.commitEvery()) {
            commit();
        }
    }

    @Override
    public synchronized void commit() {
        ensureOpen();
        sinceCommit.set(0);
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("bulk commit failed", e);
        }
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
            return new UpsertSummary((int) added, (int) (count.get() - added));
        } catch (RuntimeException e) {
            index.discardUncommitted(e);
            throw e;
        } finally {
            closed = true;
            writer.getConfig().setRAMBufferSizeMB(previousRamBufferMb);
            writer.getConfig().setUseCompoundFile(previousCompoundFile);
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
