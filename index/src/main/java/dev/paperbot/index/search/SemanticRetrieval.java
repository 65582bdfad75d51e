package dev.paperbot.index.search;

import dev.paperbot.core.search.Embedder;
import dev.paperbot.core.search.Embedding;
import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.index.document.PaperFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meaning half of search: whether a query uses vectors, which vector it looks for, the nearest papers to it
 * (HNSW), and their fusion with the BM25 ranking. Kept apart from {@link LucenePaperIndex}, which only calls
 * {@link #retrieve}.
 */
final class SemanticRetrieval {

    private static final Logger log = LoggerFactory.getLogger(SemanticRetrieval.class);

    /**
     * A ranking.
     *
     * @param ranked    documents, best first, with their scores
     * @param totalHits how many documents the words matched (a lower bound), plus those only the vector found
     * @param semantic  documents (by doc id) found by meaning more than by words (see {@link RankFusion.Fused});
     *                  empty for words only, all of them for meaning only
     */
    record Retrieved(ScoreDoc[] ranked, long totalHits, BitSet semantic) {
    }

    /** How many more nearest-neighbour candidates the graph search explores than it keeps. */
    static final int EXPLORE = 4;
    private static final int MAX_EXPLORE = 10_000;

    private final Embedder embedder;
    private final boolean hybridByDefault;
    private final int fusionK;
    private final int depth;
    private final java.util.concurrent.atomic.AtomicBoolean queryFailureLogged =
            new java.util.concurrent.atomic.AtomicBoolean();
    /** Whether the last reader seen had every paper embedded: counted once per reader, not per search. */
    private volatile Completeness completeness;

    private record Completeness(IndexReader reader, boolean complete) {
    }

    SemanticRetrieval(SemanticSettings settings) {
        this.embedder = settings.embedder().orElse(null);
        this.hybridByDefault = settings.hybrid();
        this.fusionK = settings.fusionK();
        this.depth = settings.depth();
    }

    Optional<Embedder> embedder() {
        return Optional.ofNullable(embedder);
    }

    /** Closes the model with the index when it holds resources (a vector cache on disk). */
    void close() {
        if (embedder instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("Closing the embedding model failed: {}", e.toString());
            }
        }
    }

    /**
     * Whether a search is ranked with vectors: never for {@code BM25}, author topics or without a model; always
     * for {@code HYBRID}; for {@code AUTO}, when hybrid is the default and every paper has its vector (while the
     * background embedding runs, a half-embedded index would favour the papers it already did).
     */
    boolean usesVectors(SearchQuery query, IndexSearcher searcher) throws IOException {
        if (embedder == null || query.mode() == SearchQuery.Mode.BM25 || query.field() == SearchQuery.Field.AUTHORS) {
            return false;
        }
        return query.mode() == SearchQuery.Mode.HYBRID || hybridByDefault && complete(searcher);
    }

    private boolean complete(IndexSearcher searcher) throws IOException {
        Completeness known = completeness;
        IndexReader reader = searcher.getIndexReader();
        if (known == null || known.reader() != reader) {
            boolean complete = reader.numDocs() > 0
                    && searcher.count(DocumentVectors.pending(embedder.model())) == 0;
            known = new Completeness(reader, complete);
            completeness = known;
        }
        return known.complete();
    }

    /**
     * The meaning to look for: the query's own vector when it brings one; otherwise the embedding of its text and
     * the centroid of its example papers' vectors (both when it has both). Empty when there is nothing to embed.
     */
    Optional<Embedding> vector(SearchQuery query, List<Embedding> examples) {
        if (query.vector() != null) {
            return query.vector().dimension() == embedder.dimension() ? Optional.of(query.vector().normalized())
                    : Optional.empty();
        }
        List<Embedding> parts = new ArrayList<>(2);
        if (!examples.isEmpty()) {
            parts.add(Embedding.mean(examples).normalized());
        }
        String text = query.text().strip();
        if (text.codePoints().anyMatch(Character::isLetterOrDigit)) {
            try {
                parts.add(embedder.embedQuery(text));
            } catch (RuntimeException e) {
                // A search must not fail because the model did: it still has its words.
                if (queryFailureLogged.compareAndSet(false, true)) {
                    log.warn("Embedding a query failed, searching by words only: {}", e.toString());
                } else {
                    log.debug("Embedding a query failed: {}", e.toString());
                }
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(Embedding.mean(parts).normalized());
    }

    /**
     * The best {@code window} documents: BM25 alone when there is no vector, the nearest neighbours alone when
     * there are no words, otherwise both fused by reciprocal rank.
     *
     * @param lexical the BM25 query without filters, or null
     * @param vector  the meaning to look for, or null
     * @param filter  the filters as one query, or null
     */
    Retrieved retrieve(IndexSearcher searcher, Query lexical, Embedding vector, Query filter, int window)
            throws IOException {
        if (vector == null) {
            TopDocs top = searcher.search(withFilter(lexical, filter), window);
            return new Retrieved(top.scoreDocs, top.totalHits.value(), new BitSet());
        }
        int k = Math.max(depth, window);
        // HNSW is approximate: exploring four times the candidates kept makes the kept ones all but exact (on
        // SciFact, k = 100 left one query's top ten depending on how the graph happened to be built).
        int explore = Math.min(EXPLORE * k, MAX_EXPLORE);
        TopDocs nearest = searcher.search(
                new KnnFloatVectorQuery(PaperFields.VECTOR, vector.toArray(), explore, filter), k);
        if (lexical == null) {
            BitSet all = new BitSet();
            for (ScoreDoc sd : nearest.scoreDocs) {
                all.set(sd.doc);
            }
            ScoreDoc[] top = java.util.Arrays.copyOf(nearest.scoreDocs, Math.min(window, nearest.scoreDocs.length));
            return new Retrieved(top, nearest.scoreDocs.length, all);
        }
        TopDocs words = searcher.search(withFilter(lexical, filter), k);
        RankFusion.Fused fused = RankFusion.fuse(words.scoreDocs, nearest.scoreDocs, window, fusionK);
        BitSet byWords = new BitSet();
        for (ScoreDoc sd : words.scoreDocs) {
            byWords.set(sd.doc);
        }
        long onlyByMeaning = 0;
        for (ScoreDoc sd : nearest.scoreDocs) {
            onlyByMeaning += byWords.get(sd.doc) ? 0 : 1;
        }
        return new Retrieved(fused.ranked(), words.totalHits.value() + onlyByMeaning, fused.semantic());
    }

    static Query withFilter(Query query, Query filter) {
        if (filter == null) {
            return query;
        }
        return new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
    }
}
