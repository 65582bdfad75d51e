package dev.paperbot.index.embed;

import dev.paperbot.core.search.Embedding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passage vectors on disk, keyed by a hash of the passage's text, in a small Lucene index of their own (one
 * sub-folder per model): lookups are term seeks, nothing is held in memory, and each batch is one atomic commit.
 * Losing it only costs time: it is a cache of what the model computes.
 *
 * <p>A process that finds the cache locked by another reads it, and tries the lock again on each write, so that it
 * keeps its vectors once that process stops (a follower that took over the index, say).
 */
final class VectorCache implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VectorCache.class);
    private static final String KEY = "key";
    private static final String VECTOR = "vector";
    private static final java.util.Set<String> VECTOR_ONLY = java.util.Set.of(VECTOR);

    private final FSDirectory directory;
    private final int dimension;
    /** Null while another process writes the cache: then it is only read. Set once at most, under the lock. */
    private volatile IndexWriter writer;
    /**
     * Null while the folder holds no cache yet. Created at most once and never replaced (also when this process
     * takes the writer's place), so that a reader never meets a closed one.
     */
    private volatile SearcherManager searchers;
    /** Guarded by this object's monitor: a closed cache takes no lock again. */
    private boolean closed;

    private VectorCache(FSDirectory directory, int dimension, IndexWriter writer, SearcherManager searchers) {
        this.directory = directory;
        this.dimension = dimension;
        this.writer = writer;
        this.searchers = searchers;
    }

    static VectorCache open(Path root, String model, int dimension) {
        Path dir = root.resolve(model.replaceAll("[^A-Za-z0-9._-]", "_"));
        try {
            Files.createDirectories(dir);
            FSDirectory fs = FSDirectory.open(dir);
            try {
                IndexWriter writer = newWriter(fs);
                return new VectorCache(fs, dimension, writer, new SearcherManager(writer, null));
            } catch (LockObtainFailedException locked) {
                log.info("The vector cache in {} is in use by another process: reading it, adding to it once that"
                        + " process lets go", dir);
                if (!DirectoryReader.indexExists(fs)) {
                    return new VectorCache(fs, dimension, null, null);
                }
                return new VectorCache(fs, dimension, null, new SearcherManager(fs, null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the vector cache in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** @throws LockObtainFailedException when another process writes the cache */
    private static IndexWriter newWriter(FSDirectory fs) throws IOException {
        IndexWriter writer = new IndexWriter(fs, new IndexWriterConfig()
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setCommitOnClose(false));
        try {
            if (!DirectoryReader.indexExists(fs)) {
                writer.commit();
            }
        } catch (IOException | RuntimeException e) {
            writer.rollback();
            throw e;
        }
        return writer;
    }

    /**
     * Takes the write lock if the process that held it has let go; true when this cache writes now. The caller
     * holds this object's monitor. Trying costs a file lock attempt, little next to embedding a batch.
     */
    private boolean writable() throws IOException {
        if (writer != null) {
            return true;
        }
        IndexWriter taken;
        try {
            taken = newWriter(directory);
        } catch (LockObtainFailedException stillHeld) {
            return false;
        }
        if (searchers == null) {
            try {
                searchers = new SearcherManager(directory, null);
            } catch (IOException | RuntimeException e) {
                taken.rollback();
                throw e;
            }
        }
        // The existing manager reads commits from the folder: each put refreshes it after committing.
        writer = taken;
        log.info("The vector cache in {} is free again: this process adds to it now", directory.getDirectory());
        return true;
    }

    /** The cached vectors of those keys that have one. */
    Map<String, Embedding> get(List<String> keys) {
        Map<String, Embedding> found = new HashMap<>();
        SearcherManager searchers = this.searchers;
        if (searchers == null || keys.isEmpty()) {
            return found;
        }
        try {
            if (writer == null) {
                // Read-only: another process adds vectors; see its latest commit (cheap when there is none).
                searchers.maybeRefresh();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
                TermsEnum[] terms = new TermsEnum[leaves.size()];
                for (int i = 0; i < leaves.size(); i++) {
                    Terms t = leaves.get(i).reader().terms(KEY);
                    terms[i] = t == null ? null : t.iterator();
                }
                StoredFields stored = searcher.storedFields();
                PostingsEnum postings = null;
                for (String key : keys) {
                    BytesRef term = new BytesRef(key);
                    for (int i = 0; i < leaves.size() && !found.containsKey(key); i++) {
                        if (terms[i] == null || !terms[i].seekExact(term)) {
                            continue;
                        }
                        postings = terms[i].postings(postings, PostingsEnum.NONE);
                        int doc = postings.nextDoc();
                        if (doc != DocIdSetIterator.NO_MORE_DOCS) {
                            BytesRef bytes = stored.document(leaves.get(i).docBase + doc, VECTOR_ONLY)
                                    .getBinaryValue(VECTOR);
                            decode(bytes).ifPresent(e -> found.put(key, e));
                        }
                    }
                }
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            // A cache that cannot be read is a cache miss, not a failure.
            log.warn("Reading the vector cache in {} failed: {}", directory.getDirectory(), e.toString());
        }
        return found;
    }

    /** Keeps vectors, in one commit; does nothing while another process writes the cache. */
    synchronized void put(Map<String, Embedding> vectors) {
        if (closed || vectors.isEmpty()) {
            return;
        }
        try {
            if (!writable()) {
                return;
            }
            for (Map.Entry<String, Embedding> e : vectors.entrySet()) {
                Document doc = new Document();
                doc.add(new StringField(KEY, e.getKey(), Field.Store.NO));
                doc.add(new StoredField(VECTOR, encode(e.getValue())));
                writer.updateDocument(new Term(KEY, e.getKey()), doc);
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            log.warn("Writing to the vector cache in {} failed: {}", directory.getDirectory(), e.toString());
        }
    }

    private static BytesRef encode(Embedding e) {
        ByteBuffer buffer = ByteBuffer.allocate(e.dimension() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < e.dimension(); i++) {
            buffer.putFloat(e.get(i));
        }
        return new BytesRef(buffer.array());
    }

    private java.util.Optional<Embedding> decode(BytesRef bytes) {
        if (bytes == null || bytes.length != dimension * Float.BYTES) {
            return java.util.Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            values[i] = buffer.getFloat();
        }
        return java.util.Optional.of(Embedding.of(values));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
            directory.close();
        } catch (IOException e) {
            log.warn("Closing the vector cache failed: {}", e.toString());
        }
    }
}
