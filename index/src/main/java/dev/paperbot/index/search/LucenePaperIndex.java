package dev.paperbot.index.search;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.Embedder;
import dev.paperbot.core.search.Embedding;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.core.search.SearchResults;
import dev.paperbot.core.search.Snippet;
import dev.paperbot.index.analysis.PaperAnalyzer;
import dev.paperbot.index.document.PaperDocuments;
import dev.paperbot.index.document.PaperFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

/**
 * The paper index on Lucene: BM25 over title and abstract, searched with queries built from untrusted text.
 *
 * <p>Writes are serialised and each upsert is one commit. Searches use a {@link SearcherManager} refreshed after
 * every commit, so they never see half an upsert. Retrieval is split from hit building: {@link #filter} gives the
 * filters as one query and {@link #hits} turns any ranked doc ids into hits, so that a second retrieval path
 * (vectors) can be fused with the BM25 ranking before the page is built.
 *
 * <p>Meaning vectors live in the papers' own documents ({@link DocumentVectors}); {@link SemanticRetrieval} decides
 * when a search uses them and fuses the rankings, and {@link VectorIndexer} embeds papers after they were added.
 *
 * <p>A {@linkplain Role#FOLLOWER follower} searches another process's commits through a searcher manager on the
 * directory, which its {@link IndexFollower} refreshes; when it takes the write lock, a writer and a manager on
 * that writer replace them, as after a rolled-back write, and searches in flight finish on the old reader.
 */
final class LucenePaperIndex implements LuceneIndex, VectorIndexer.Target, IndexFollower.Target {

    /** Deepest result asked for (offset + limit): top-k collection stays cheap. */
    static final int MAX_WINDOW = 10_000;

    private static final Set<String> ID_ONLY = Set.of(PaperFields.ID);

    static final String NOTHING_TO_SEARCH =
            "Nothing to search for: your query has no words that papers use (only common words or symbols).";

    private final Directory directory;
    private final String name;
    private final IndexSettings settings;
    private final PaperAnalyzer analyzer;
    /** The same analysis with a per-thread word cache, for the writer only (see PaperAnalyzer#withWordCache). */
    private final PaperAnalyzer indexingAnalyzer;
    private final Similarity similarity;
    private final Clock clock;
    private final UserQueryParser parser = new UserQueryParser();
    private final LexicalQueryBuilder queries;
    /** One writer at a time: an upsert, or a whole bulk load. */
    private final Semaphore writing = new Semaphore(1);
    private final SearcherFactory searcherFactory;
    /** Changes once at most: a follower becomes the writer. */
    private volatile Role role;
    /** Guards the change of role against closing. */
    private final Object roleLock = new Object();
    private final CompletableFuture<Void> writerSince = new CompletableFuture<>();
    /**
     * Null for a reader; replaced when a failed write is rolled back (Lucene's rollback closes the writer), and set
     * when a follower takes over.
     */
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private final SemanticRetrieval semantic;
    /** Papers of recent candidates (hits without snippets), so that topic searches skip their stored fields. */
    private final StoredPapers storedPapers = new StoredPapers();
    /** Null without an embedding model, and for a read-only snapshot; a follower starts it when it takes over. */
    private final VectorIndexer indexer;
    private final boolean embedInBackground;
    /** Null unless the index follows another process. */
    private final IndexFollower follower;
    private volatile boolean closed;

    private LucenePaperIndex(Directory directory, String name, IndexSettings settings, Clock clock, Role role,
            Duration followEvery, SemanticSettings semanticSettings) throws IOException {
        this.directory = directory;
        this.name = name;
        this.settings = settings;
        this.analyzer = settings.newAnalyzer();
        this.indexingAnalyzer = settings.newIndexingAnalyzer();
        this.similarity = new BM25Similarity(settings.k1(), settings.b());
        this.clock = clock;
        this.queries = new LexicalQueryBuilder(analyzer, settings);
        this.role = role;
        this.searcherFactory = new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(similarity);
                return searcher;
            }
        };
        if (role == Role.WRITER) {
            this.writer = newWriter();
            if (!DirectoryReader.indexExists(directory)) {
                writer.commit();
            }
            this.searchers = new SearcherManager(writer, searcherFactory);
        } else {
            this.writer = null;
            this.searchers = new SearcherManager(directory, searcherFactory);
        }
        this.semantic = new SemanticRetrieval(semanticSettings);
        Optional<Embedder> embedder = semanticSettings.embedder();
        this.indexer = role == Role.READ_ONLY || embedder.isEmpty() ? null : new VectorIndexer(this, embedder.get());
        this.embedInBackground = semanticSettings.background();
        this.follower = role == Role.FOLLOWER ? new IndexFollower(this, name, followEvery) : null;
        if (role == Role.WRITER) {
            startWriting();
        } else if (follower != null) {
            follower.start();
        }
    }

    /** What a writer does besides taking writes: embeds in the background, and says it writes. */
    private void startWriting() {
        if (indexer != null && embedInBackground) {
            indexer.start();
        }
        writerSince.complete(null);
    }

    private IndexWriter newWriter() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(indexingAnalyzer)
                .setSimilarity(similarity)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                // Only explicit commits count: closing never commits half of something.
                .setCommitOnClose(false);
        return new IndexWriter(directory, config);
    }

    /** @param followEvery for a follower, how often it refreshes and tries to take over; null otherwise */
    static LucenePaperIndex open(Directory directory, Path path, IndexSettings settings, Clock clock, Role role,
            Duration followEvery, SemanticSettings semanticSettings) {
        try {
            return new LucenePaperIndex(directory, path == null ? "memory" : path.toString(), settings, clock,
                    role, followEvery, semanticSettings);
        } catch (LockObtainFailedException e) {
            closeQuietly(directory);
            throw new IndexLockedException(path, e);
        } catch (IOException e) {
            closeQuietly(directory);
            throw new UncheckedIOException("cannot open the index in " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SearchResults search(SearchQuery query) {
        UserQuery userQuery = parser.parse(query.text());
        IndexSearcher searcher = acquire();
        try {
            Optional<Plan> plan = plan(searcher, userQuery, query);
            if (plan.isEmpty()) {
                return SearchResults.empty(userQuery.notice().map(n -> n + " ").orElse("") + NOTHING_TO_SEARCH);
            }
            if (query.offset() > MAX_WINDOW - query.limit()) {
                return SearchResults.empty("Only the first " + MAX_WINDOW + " results can be paged through.");
            }
            SemanticRetrieval.Retrieved found = retrieve(searcher, plan.get(), query);
            ScoreDoc[] all = found.ranked();
            ScoreDoc[] page = Arrays.copyOfRange(all, Math.min(query.offset(), all.length), all.length);
            List<SearchHit> hits = hits(searcher, page, plan.get().lexical(), found.semantic(), query.snippets());
            return new SearchResults(hits, found.totalHits(), userQuery.notice());
        } catch (IOException e) {
            throw new UncheckedIOException("search failed in " + name, e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public List<Ranked> rank(SearchQuery query) {
        if (query.offset() > MAX_WINDOW - query.limit()) {
            return List.of();
        }
        IndexSearcher searcher = acquire();
        try {
            Optional<Plan> plan = plan(searcher, parser.parse(query.text()), query);
            if (plan.isEmpty()) {
                return List.of();
            }
            ScoreDoc[] all = retrieve(searcher, plan.get(), query).ranked();
            List<Ranked> ranked = new ArrayList<>(all.length);
            StoredFields stored = searcher.storedFields();
            for (int i = query.offset(); i < all.length; i++) {
                String id = stored.document(all[i].doc, ID_ONLY).get(PaperFields.ID);
                ranked.add(new Ranked(new PaperId(id), all[i].score));
            }
            return ranked;
        } catch (IOException e) {
            throw new UncheckedIOException("search failed in " + name, e);
        } finally {
            release(searcher);
        }
    }

    /** An author topic's text is one name, not words: it skips the word parser. */
    private Optional<LexicalQuery> build(UserQuery userQuery, SearchQuery query) {
        return query.field() == SearchQuery.Field.AUTHORS ? queries.buildAuthor(query.text())
                : queries.build(userQuery);
    }

    /**
     * What a search looks for.
     *
     * @param lexical the words (and the example papers' distinctive terms), or null when there are none
     * @param vector  the meaning, or null when the search does not use vectors
     * @param filter  the filters as one query, or null
     */
    private record Plan(LexicalQuery lexical, Embedding vector, Query filter) {
    }

    /**
     * Turns a search into words and meaning: the typed words, the example papers' terms and vectors, and the
     * query's vector when the search uses vectors. Empty when there is nothing to look for; a search with only
     * common words is not turned into a search by meaning alone.
     */
    private Optional<Plan> plan(IndexSearcher searcher, UserQuery userQuery, SearchQuery query) throws IOException {
        Optional<LexicalQuery> words = build(userQuery, query);
        List<Paper> examples = new ArrayList<>();
        List<Embedding> exampleVectors = new ArrayList<>();
        examples(searcher, query, examples, exampleVectors);
        LexicalQuery lexical = lexical(searcher, words, examples);
        Embedding vector = null;
        boolean hasMeaning = words.isPresent() || !examples.isEmpty() || query.vector() != null;
        if (hasMeaning && semantic.usesVectors(query, searcher)) {
            vector = semantic.vector(query, exampleVectors).orElse(null);
        }
        if (lexical == null && vector == null) {
            return Optional.empty();
        }
        Set<PaperId> excluded = query.like().isEmpty() ? query.excluded() : union(query.excluded(), query.like());
        return Optional.of(new Plan(lexical, vector, filter(excluded, query.addedAfter())));
    }

    /** The example papers of a {@code like} search that are in the index, and those of their vectors it has. */
    private static void examples(IndexSearcher searcher, SearchQuery query, List<Paper> examples,
            List<Embedding> vectors) throws IOException {
        if (query.like().isEmpty() || query.field() != SearchQuery.Field.ALL) {
            return;
        }
        IdLookup lookup = new IdLookup(searcher.getIndexReader());
        for (PaperId id : query.like()) {
            int doc = lookup.docId(id);
            if (doc >= 0) {
                examples.add(PaperDocuments.toPaper(searcher.storedFields().document(doc)));
                Embedding v = DocumentVectors.vector(searcher.getIndexReader(), doc);
                if (v != null) {
                    vectors.add(v);
                }
            }
        }
    }

    /** The words of a search and the example papers' distinctive terms as one query; null when there are none. */
    private LexicalQuery lexical(IndexSearcher searcher, Optional<LexicalQuery> words, List<Paper> examples)
            throws IOException {
        LexicalQuery lexical = words.orElse(null);
        if (!examples.isEmpty()) {
            Query like = ExampleQueries.like(searcher.getIndexReader(), analyzer, examples);
            lexical = lexical == null ? new LexicalQuery(like, List.of(), null)
                    : new LexicalQuery(new BooleanQuery.Builder().add(lexical.query(), Occur.SHOULD)
                            .add(like, Occur.SHOULD).build(), lexical.words(), lexical.name());
        }
        return lexical;
    }

    private static Set<PaperId> union(Set<PaperId> a, Set<PaperId> b) {
        Set<PaperId> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * The best {@code offset + limit} documents for a query, filters applied: BM25 (top-k collection that skips
     * blocks which cannot make the top k), fused with the nearest neighbours of the query's vector when it has one.
     */
    private SemanticRetrieval.Retrieved retrieve(IndexSearcher searcher, Plan plan, SearchQuery query)
            throws IOException {
        return semantic.retrieve(searcher, plan.lexical() == null ? null : plan.lexical().query(),
                plan.vector(), plan.filter(), query.offset() + query.limit());
    }

    /** Papers like this one: its distinctive words and, when the index has vectors, its meaning, fused. */
    @Override
    public List<SearchHit> similar(PaperId id, int limit, Set<PaperId> excluded) {
        if (limit < 1 || limit > SearchQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + SearchQuery.MAX_LIMIT);
        }
        SearchQuery like = SearchQuery.like(Set.of(id), limit).withExcluded(excluded);
        IndexSearcher searcher = acquire();
        try {
            Optional<Plan> plan = plan(searcher, parser.parse(""), like);
            if (plan.isEmpty()) {
                return List.of();
            }
            SemanticRetrieval.Retrieved found = retrieve(searcher, plan.get(), like);
            return hits(searcher, found.ranked(), plan.get().lexical(), found.semantic(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("similar-papers search failed in " + name, e);
        } finally {
            release(searcher);
        }
    }

    /**
     * Snippets and matched words for hits found without them, as {@link #search} would have made them: the same
     * words (and example papers' terms), highlighted in the papers' current documents.
     */
    @Override
    public List<SearchHit> explain(SearchQuery query, List<SearchHit> hits) {
        if (hits.isEmpty()) {
            return List.of();
        }
        IndexSearcher searcher = acquire();
        try {
            List<Paper> examples = new ArrayList<>();
            examples(searcher, query, examples, new ArrayList<>());
            LexicalQuery lexical = lexical(searcher, build(parser.parse(query.text()), query), examples);
            IdLookup lookup = new IdLookup(searcher.getIndexReader());
            int[] positions = new int[hits.size()];
            int[] docIds = new int[hits.size()];
            int found = 0;
            for (int i = 0; i < hits.size(); i++) {
                int doc = lookup.docId(hits.get(i).paper().id());
                if (doc >= 0) {
                    positions[found] = i;
                    docIds[found++] = doc;
                }
            }
            Details details = details(searcher, Arrays.copyOf(docIds, found), lexical);
            List<SearchHit> explained = new ArrayList<>(hits);
            for (int k = 0; k < found; k++) {
                SearchHit hit = hits.get(positions[k]);
                explained.set(positions[k], new SearchHit(hit.paper(), hit.score(), details.snippets()[k],
                        details.matched().get(k), hit.semantic()));
            }
            return explained;
        } catch (IOException e) {
            throw new UncheckedIOException("explaining hits failed in " + name, e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public Optional<Paper> find(PaperId id) {
        return indexed(id).map(IndexedPaper::paper);
    }

    @Override
    public Optional<IndexedPaper> indexed(PaperId id) {
        IndexSearcher searcher = acquire();
        try {
            int doc = new IdLookup(searcher.getIndexReader()).docId(id);
            if (doc < 0) {
                return Optional.empty();
            }
            Document stored = searcher.storedFields().document(doc);
            return Optional.of(new IndexedPaper(PaperDocuments.toPaper(stored), PaperDocuments.addedAt(stored),
                    stored.get(PaperFields.CONTENT_HASH)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading paper " + id + " failed in " + name, e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public UpsertSummary upsert(Collection<Paper> papers) {
        requireWriter();
        Map<PaperId, Paper> unique = new LinkedHashMap<>();
        papers.forEach(p -> unique.put(p.id(), p));
        writing.acquireUninterruptibly();
        try {
            IndexWriter w = writer;
            Instant now = clock.instant();
            List<Document> docs = new ArrayList<>(unique.size());
            int replaced = 0;
            IndexSearcher searcher = acquire();
            try {
                IdLookup lookup = new IdLookup(searcher.getIndexReader());
                for (Paper paper : unique.values()) {
                    Optional<Instant> previous = lookup.addedAt(paper.id());
                    replaced += previous.isPresent() ? 1 : 0;
                    docs.add(previous.isPresent()
                            ? replacement(searcher.getIndexReader(), lookup.docId(paper.id()), paper, previous.get())
                            : PaperDocuments.toDocument(paper, now));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading the index in " + name + " failed", e);
            } finally {
                release(searcher);
            }
            try {
                for (Document doc : docs) {
                    w.updateDocument(new Term(PaperFields.ID, doc.get(PaperFields.ID)), doc);
                }
                w.commit();
            } catch (IOException | RuntimeException e) {
                discardUncommitted(e);
                throw e instanceof IOException io ? new UncheckedIOException("upsert failed in " + name, io)
                        : (RuntimeException) e;
            }
            refresh();
            return new UpsertSummary(docs.size() - replaced, replaced);
        } finally {
            writing.release();
        }
    }

    /**
     * The document that replaces a paper's current one (global doc id {@code previousDoc} in {@code reader}): the
     * new text with what the paper keeps across versions, its first-added instant, popularity signal and, when its
     * text did not change, its vector. Every replacement goes through here (upserts, bulk loads, attached vectors).
     */
    static Document replacement(IndexReader reader, int previousDoc, Paper paper, Instant addedAt)
            throws IOException {
        Document doc = PaperDocuments.toDocument(paper, addedAt);
        PopularityValues.carryOver(reader, paper.id(), doc);
        DocumentVectors.carry(DocumentVectors.state(reader, previousDoc), doc);
        return doc;
    }

    // --- meaning vectors (PaperVectors port, background embedding): see DocumentVectors, VectorIndexer ---

    @Override
    public java.util.Map<PaperId, Embedding> vectors(Collection<PaperId> ids) {
        java.util.Map<PaperId, Embedding> found = new LinkedHashMap<>();
        IndexSearcher searcher = acquire();
        try {
            IdLookup lookup = new IdLookup(searcher.getIndexReader());
            for (PaperId id : ids) {
                int doc = lookup.docId(id);
                Embedding v = doc < 0 ? null : DocumentVectors.vector(searcher.getIndexReader(), doc);
                if (v != null) {
                    found.put(id, v);
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("reading vectors failed in " + name, e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public Optional<Embedder> embedder() {
        return semantic.embedder();
    }

    @Override
    public Optional<EmbeddingProgress> embedding() {
        if (indexer != null && role == Role.WRITER) {
            return Optional.of(indexer.progress());
        }
        // A reader embeds nothing itself, but can tell how far the writer is.
        return semantic.embedder().map(e -> new EmbeddingProgress(e.model(), size(), waitingCount(e.model()), 0, 0));
    }

    @Override
    public long embedPending(LongConsumer progress) {
        requireWriter();
        if (indexer == null) {
            throw new IllegalStateException("the index in " + name + " has no embedding model");
        }
        return indexer.embedAll(progress);
    }

    @Override
    public List<VectorIndexer.Waiting> waiting(String model, int max) {
        IndexSearcher searcher = acquire();
        try {
            TopDocs top = searcher.search(DocumentVectors.pending(model), max, Sort.INDEXORDER);
            List<VectorIndexer.Waiting> waiting = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                Document stored = searcher.storedFields().document(sd.doc);
                waiting.add(new VectorIndexer.Waiting(PaperDocuments.toPaper(stored),
                        stored.get(PaperFields.CONTENT_HASH)));
            }
            return waiting;
        } catch (IOException e) {
            throw new UncheckedIOException("finding papers to embed failed in " + name, e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public long waitingCount(String model) {
        IndexSearcher searcher = acquire();
        try {
            return searcher.count(DocumentVectors.pending(model));
        } catch (IOException e) {
            throw new UncheckedIOException("counting papers to embed failed in " + name, e);
        } finally {
            release(searcher);
        }
    }

    /**
     * Replaces each paper's document with one that has its vector, if the paper still has the text that was
     * embedded (it may have been replaced meanwhile: then its new version waits for its own vector). One commit.
     */
    @Override
    public int attach(String model, List<VectorIndexer.Computed> vectors) {
        requireWriter();
        if (!acquireWritingUnlessClosed()) {
            return 0;
        }
        try {
            List<Document> docs = new ArrayList<>(vectors.size());
            IndexSearcher searcher = acquire();
            try {
                IndexReader reader = searcher.getIndexReader();
                IdLookup lookup = new IdLookup(reader);
                for (VectorIndexer.Computed c : vectors) {
                    int doc = lookup.docId(c.id());
                    if (doc < 0) {
                        continue;
                    }
                    Document stored = searcher.storedFields().document(doc);
                    if (!c.contentHash().equals(stored.get(PaperFields.CONTENT_HASH))
                            || model.equals(stored.get(PaperFields.VECTOR_MODEL))) {
                        continue;
                    }
                    Document updated = replacement(reader, doc, PaperDocuments.toPaper(stored),
                            PaperDocuments.addedAt(stored));
                    updated.removeFields(PaperFields.VECTOR);
                    updated.removeFields(PaperFields.VECTOR_MODEL);
                    if (c.vector() == null) {
                        DocumentVectors.markUnembeddable(updated, model);
                    } else {
                        DocumentVectors.add(updated, model, c.vector());
                    }
                    docs.add(updated);
                }
            } finally {
                release(searcher);
            }
            if (docs.isEmpty()) {
                return 0;
            }
            try {
                for (Document doc : docs) {
                    writer.updateDocument(new Term(PaperFields.ID, doc.get(PaperFields.ID)), doc);
                }
                writer.commit();
            } catch (IOException | RuntimeException e) {
                discardUncommitted(e);
                throw e instanceof IOException io ? new UncheckedIOException("attaching vectors failed in " + name, io)
                        : (RuntimeException) e;
            }
            refresh();
            return docs.size();
        } catch (IOException e) {
            throw new UncheckedIOException("attaching vectors failed in " + name, e);
        } finally {
            writing.release();
        }
    }

    @Override
    public void reclaimReplaced() {
        requireWriter();
        if (!acquireWritingUnlessClosed()) {
            return;
        }
        try {
            if (writer.getConfig().getMergePolicy() instanceof TieredMergePolicy tiered) {
                // Every segment with a replaced document, not only those above the default 10%.
                double allowed = tiered.getForceMergeDeletesPctAllowed();
                tiered.setForceMergeDeletesPctAllowed(0);
                try {
                    writer.forceMergeDeletes(true);
                } finally {
                    tiered.setForceMergeDeletesPctAllowed(allowed);
                }
            } else {
                writer.forceMergeDeletes(true);
            }
            writer.commit();
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException("merging away replaced documents failed in " + name, e);
        } finally {
            writing.release();
        }
    }

    @Override
    public int forceMerge(int maxSegments) {
        if (maxSegments < 1) {
            throw new IllegalArgumentException("maxSegments must be at least 1, not " + maxSegments);
        }
        requireWriter();
        writing.acquireUninterruptibly();
        try {
            writer.forceMerge(maxSegments, true);
            writer.commit();
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException("merging the index failed in " + name, e);
        } finally {
            writing.release();
        }
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().leaves().size();
        } finally {
            release(searcher);
        }
    }

    /** Waits for the writer (a bulk load may hold it for long), giving up when the index closes. */
    private boolean acquireWritingUnlessClosed() {
        try {
            while (!closed) {
                if (writing.tryAcquire(1, TimeUnit.SECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    // --- end of meaning vectors ---

    // --- popularity signals (PopularitySignals port): doc values set in place, see PopularityValues ---

    @Override
    public int recordPopularity(Collection<dev.paperbot.core.paper.Popularity> signals) {
        requireWriter();
        if (signals.isEmpty()) {
            return 0;
        }
        writing.acquireUninterruptibly();
        try {
            IndexSearcher searcher = acquire();
            int recorded;
            try {
                recorded = PopularityValues.record(writer, searcher.getIndexReader(), signals);
                writer.commit();
            } catch (IOException | RuntimeException e) {
                discardUncommitted(e);
                throw e instanceof IOException io ? new UncheckedIOException("recording popularity failed in " + name, io)
                        : (RuntimeException) e;
            } finally {
                release(searcher);
            }
            refresh();
            return recorded;
        } finally {
            writing.release();
        }
    }

    @Override
    public Optional<dev.paperbot.core.paper.Popularity> popularity(PaperId id) {
        IndexSearcher searcher = acquire();
        try {
            return PopularityValues.read(searcher.getIndexReader(), id);
        } catch (IOException e) {
            throw new UncheckedIOException("reading popularity of " + id + " failed in " + name, e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public List<dev.paperbot.core.paper.Popularity> trending(java.time.LocalDate since, int limit) {
        IndexSearcher searcher = acquire();
        try {
            return PopularityValues.trending(searcher.getIndexReader(), since, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("reading trending papers failed in " + name, e);
        } finally {
            release(searcher);
        }
    }

    // --- end of popularity signals ---

    @Override
    public BulkLoader bulkLoader(BulkOptions options) {
        requireWriter();
        writing.acquireUninterruptibly();
        try {
            return new LuceneBulkLoader(this, writer, options, clock.instant());
        } catch (IOException | RuntimeException e) {
            writing.release();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    @Override
    public long size() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    @Override
    public IndexSettings settings() {
        return settings;
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public CompletionStage<Void> whenWriter() {
        return writerSince.minimalCompletionStage();
    }

    // --- following another process's writes (IndexFollower.Target) ---

    @Override
    public boolean tryTakeOver() throws IOException {
        synchronized (roleLock) {
            if (closed || role != Role.FOLLOWER) {
                return role == Role.WRITER;
            }
            IndexWriter taken;
            try {
                taken = newWriter();
            } catch (LockObtainFailedException held) {
                return false;
            }
            // The writer opened the last commit; what a dead writer left uncommitted it has already deleted.
            SearcherManager old = searchers;
            try {
                searchers = new SearcherManager(taken, searcherFactory);
            } catch (IOException | RuntimeException e) {
                taken.rollback();
                throw e;
            }
            writer = taken;
            role = Role.WRITER;
            old.close();
        }
        startWriting();
        return true;
    }

    @Override
    public void refreshFromDisk() throws IOException {
        if (role == Role.FOLLOWER) {
            searchers.maybeRefresh();
        }
    }

    /** One step of the follower, as its thread takes one every interval (tests); true once the index writes. */
    boolean followNow() {
        return follower == null ? role == Role.WRITER : follower.follow();
    }

    @Override
    public void close() {
        synchronized (roleLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (follower != null) {
            follower.close();
        }
        writerSince.cancel(false);
        if (indexer != null) {
            indexer.close();
        }
        semantic.close();
        try {
            searchers.close();
            if (writer != null) {
                writer.close();
            }
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the index in " + name + " failed", e);
        }
    }

    @Override
    public String toString() {
        return "LucenePaperIndex[" + name + ", " + settings + "]";
    }

    /** The filters of a search as one query, or null when there are none. */
    static Query filter(Set<PaperId> excluded, Instant addedAfter) {
        if (excluded.isEmpty() && addedAfter == null) {
            return null;
        }
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        if (addedAfter != null) {
            // Stored to the millisecond; "after" is strict. Instants beyond the millisecond range are clamped.
            long after = addedAfter.isBefore(Instant.ofEpochMilli(Long.MIN_VALUE)) ? Long.MIN_VALUE
                    : addedAfter.isAfter(Instant.ofEpochMilli(Long.MAX_VALUE - 1)) ? Long.MAX_VALUE - 1
                    : addedAfter.toEpochMilli();
            filter.add(LongField.newRangeQuery(PaperFields.ADDED, after + 1, Long.MAX_VALUE), Occur.FILTER);
        } else {
            filter.add(MatchAllDocsQuery.INSTANCE, Occur.FILTER);
        }
        if (!excluded.isEmpty()) {
            List<BytesRef> ids = excluded.stream().map(id -> new BytesRef(id.value())).toList();
            filter.add(new TermInSetQuery(PaperFields.ID, ids), Occur.MUST_NOT);
        }
        return filter.build();
    }

    /**
     * Hits for ranked documents: stored paper, whether the meaning ranking found it ({@code semantic}, by doc id)
     * and, {@code withDetails}, the snippet of the abstract and which query words it contains.
     *
     * @param lexical the words searched for, or null for a search by meaning alone
     */
    private List<SearchHit> hits(IndexSearcher searcher, ScoreDoc[] ranked, LexicalQuery lexical, BitSet semantic,
            boolean withDetails) throws IOException {
        int[] docIds = Arrays.stream(ranked).mapToInt(sd -> sd.doc).toArray();
        Details details = withDetails ? details(searcher, docIds, lexical) : null;
        List<SearchHit> hits = new ArrayList<>(ranked.length);
        StoredFields stored = searcher.storedFields();
        for (int i = 0; i < ranked.length; i++) {
            // Candidates (no details) come again and again across topic searches; a page shown to a user rarely.
            Paper paper = withDetails ? PaperDocuments.toPaper(stored.document(docIds[i]))
                    : storedPapers.paper(searcher.getIndexReader(), stored, docIds[i]);
            hits.add(details == null ? new SearchHit(paper, ranked[i].score, Snippet.empty(), List.of(),
                    semantic.get(docIds[i])) : new SearchHit(paper, ranked[i].score, details.snippets()[i],
                    details.matched().get(i), semantic.get(docIds[i])));
        }
        return hits;
    }

    /** Why each document matches: its snippet and the query's words it contains (in the order of the documents). */
    private record Details(Snippet[] snippets, List<List<String>> matched) {
    }

    /** @param lexical the words searched for, or null for a search by meaning alone */
    private Details details(IndexSearcher searcher, int[] docIds, LexicalQuery lexical) throws IOException {
        Query highlight = lexical == null ? new MatchNoDocsQuery() : lexical.query();
        Snippet[] snippets = new SnippetHighlighter(searcher, analyzer).snippets(highlight, docIds);
        List<List<String>> matched = new ArrayList<>(docIds.length);
        for (int doc : docIds) {
            matched.add(lexical == null ? List.of()
                    : lexical.name() != null ? List.of(lexical.name())
                    : matchedWords(searcher.getIndexReader(), doc, lexical.words()));
        }
        return new Details(snippets, matched);
    }

    /** The words of the query that occur in a paper, read from the postings: nothing is analysed again. */
    private static List<String> matchedWords(IndexReader reader, int doc, List<LexicalQuery.Word> words)
            throws IOException {
        if (words.isEmpty()) {
            return List.of();
        }
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        Terms terms = leaf.reader().terms(PaperFields.TEXT);
        if (terms == null) {
            return List.of();
        }
        TermsEnum termsEnum = terms.iterator();
        int leafDoc = doc - leaf.docBase;
        List<String> matched = new ArrayList<>();
        PostingsEnum postings = null;
        for (LexicalQuery.Word word : words) {
            for (String term : word.terms()) {
                if (termsEnum.seekExact(new BytesRef(term))) {
                    postings = termsEnum.postings(postings, PostingsEnum.NONE);
                    if (postings.advance(leafDoc) == leafDoc) {
                        matched.add(word.typed());
                        break;
                    }
                }
            }
        }
        return matched.stream().distinct().toList();
    }

    private void requireWriter() {
        if (role != Role.WRITER) {
            throw new IllegalStateException("the index in " + name + " is open read-only"
                    + (role == Role.FOLLOWER ? " (another process writes it)" : ""));
        }
    }

    /**
     * Drops everything added since the last commit, so that a failed batch leaves nothing behind. Lucene can only
     * do that by closing the writer, so a new writer and searcher manager replace the old ones.
     */
    void discardUncommitted(Exception cause) {
        try {
            writer.rollback();
            writer = newWriter();
            SearcherManager old = searchers;
            searchers = new SearcherManager(writer, searcherFactory);
            old.close();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Makes the last commit searchable, and tells the embedder that new papers may wait for vectors. */
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("refreshing the searcher failed in " + name, e);
        }
        if (indexer != null) {
            indexer.wake();
        }
    }

    void releaseWriting() {
        writing.release();
    }

    IndexSearcher acquire() {
        try {
            try {
                return searchers.acquire();
            } catch (AlreadyClosedException e) {
                // The manager was just replaced (a rolled-back write, a takeover); the new one is in place.
                return searchers.acquire();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Releases a searcher, also one from a manager replaced in the meantime. */
    static void release(IndexSearcher searcher) {
        try {
            searcher.getIndexReader().decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(Directory directory) {
        try {
            directory.close();
        } catch (IOException ignored) {
            // Already failing with a better message.
        }
    }
}
