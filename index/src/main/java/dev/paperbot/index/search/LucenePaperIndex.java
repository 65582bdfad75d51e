package dev.paperbot.index.search;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.core.search.SearchResults;
import dev.paperbot.core.search.Snippet;
import dev.paperbot.index.analysis.PaperAnalyzer;
import dev.paperbot.index.document.PaperDocuments;
import dev.paperbot.index.document.PaperFields;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
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
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
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
 */
final class LucenePaperIndex implements LuceneIndex {

    /** Deepest result asked for (offset + limit): top-k collection stays cheap. */
    static final int MAX_WINDOW = 10_000;

    private static final Set<String> ID_ONLY = Set.of(PaperFields.ID);

    static final String NOTHING_TO_SEARCH =
            "Nothing to search for: your query has no words that papers use (only common words or symbols).";

    private final Directory directory;
    private final String name;
    private final IndexSettings settings;
    private final PaperAnalyzer analyzer;
    private final Similarity similarity;
    private final Clock clock;
    private final UserQueryParser parser = new UserQueryParser();
    private final LexicalQueryBuilder queries;
    /** One writer at a time: an upsert, or a whole bulk load. */
    private final Semaphore writing = new Semaphore(1);
    private final SearcherFactory searcherFactory;
    private final boolean readOnly;
    /** Replaced only when a failed write is rolled back (Lucene's rollback closes the writer). */
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;

    private LucenePaperIndex(Directory directory, String name, IndexSettings settings, Clock clock, boolean readOnly)
            throws IOException {
        this.directory = directory;
        this.name = name;
        this.settings = settings;
        this.analyzer = settings.newAnalyzer();
        this.similarity = new BM25Similarity(settings.k1(), settings.b());
        this.clock = clock;
        this.queries = new LexicalQueryBuilder(analyzer, settings);
        this.readOnly = readOnly;
        this.searcherFactory = new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(similarity);
                return searcher;
            }
        };
        if (readOnly) {
            this.writer = null;
            this.searchers = new SearcherManager(directory, searcherFactory);
        } else {
            this.writer = newWriter();
            if (!DirectoryReader.indexExists(directory)) {
                writer.commit();
            }
            this.searchers = new SearcherManager(writer, searcherFactory);
        }
    }

    private IndexWriter newWriter() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setSimilarity(similarity)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                // Only explicit commits count: closing never commits half of something.
                .setCommitOnClose(false);
        return new IndexWriter(directory, config);
    }

    static LucenePaperIndex open(Directory directory, Path path, IndexSettings settings, Clock clock,
            boolean readOnly) {
        try {
            return new LucenePaperIndex(directory, path == null ? "memory" : path.toString(), settings, clock,
                    readOnly);
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
        Optional<LexicalQuery> lexical = build(userQuery, query);
        if (lexical.isEmpty()) {
            return SearchResults.empty(userQuery.notice().map(n -> n + " ").orElse("") + NOTHING_TO_SEARCH);
        }
        if (query.offset() > MAX_WINDOW - query.limit()) {
            return SearchResults.empty("Only the first " + MAX_WINDOW + " results can be paged through.");
        }
        IndexSearcher searcher = acquire();
        try {
            TopDocs top = retrieve(searcher, lexical.get(), query);
            ScoreDoc[] all = top.scoreDocs;
            ScoreDoc[] page = Arrays.copyOfRange(all, Math.min(query.offset(), all.length), all.length);
            List<SearchHit> hits = hits(searcher, page, lexical.get());
            return new SearchResults(hits, top.totalHits.value(), userQuery.notice());
        } catch (IOException e) {
            throw new UncheckedIOException("search failed in " + name, e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public List<Ranked> rank(SearchQuery query) {
        Optional<LexicalQuery> lexical = build(parser.parse(query.text()), query);
        if (lexical.isEmpty() || query.offset() > MAX_WINDOW - query.limit()) {
            return List.of();
        }
        IndexSearcher searcher = acquire();
        try {
            ScoreDoc[] all = retrieve(searcher, lexical.get(), query).scoreDocs;
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
     * The best {@code offset + limit} documents for a query, filters applied. Top-k collection with the default
     * hit-count threshold: Lucene skips blocks that cannot make the top k (block-max WAND / MaxScore) and does not
     * count every match. This is where a second, vector retrieval would be fused with BM25.
     */
    private TopDocs retrieve(IndexSearcher searcher, LexicalQuery lexical, SearchQuery query) throws IOException {
        Query ranked = withFilter(lexical.query(), filter(query.excluded(), query.addedAfter()));
        return searcher.search(ranked, query.offset() + query.limit());
    }

    @Override
    public List<SearchHit> similar(PaperId id, int limit, Set<PaperId> excluded) {
        if (limit < 1 || limit > SearchQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + SearchQuery.MAX_LIMIT);
        }
        IndexSearcher searcher = acquire();
        try {
            int doc = new IdLookup(searcher.getIndexReader()).docId(id);
            if (doc < 0) {
                return List.of();
            }
            Paper paper = PaperDocuments.toPaper(searcher.storedFields().document(doc));
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(analyzer);
            mlt.setFieldNames(new String[] {PaperFields.TEXT});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(2);
            mlt.setMaxDocFreqPct(50);
            mlt.setMaxQueryTerms(25);
            Query like = mlt.like(PaperFields.TEXT, new StringReader(PaperDocuments.searchableText(paper)));
            Set<PaperId> leftOut = new HashSet<>(excluded);
            leftOut.add(id);
            TopDocs top = searcher.search(withFilter(like, filter(leftOut, null)), limit);
            return hits(searcher, top.scoreDocs, new LexicalQuery(like, List.of(), null));
        } catch (IOException e) {
            throw new UncheckedIOException("similar-papers search failed in " + name, e);
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
                    Document doc = PaperDocuments.toDocument(paper, previous.orElse(now));
                    if (previous.isPresent()) {
                        PopularityValues.carryOver(searcher.getIndexReader(), paper.id(), doc);
                    }
                    docs.add(doc);
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
    public void close() {
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
            long after = addedAfter.toEpochMilli();
            filter.add(LongField.newRangeQuery(PaperFields.ADDED, after == Long.MAX_VALUE ? after : after + 1,
                    Long.MAX_VALUE), Occur.FILTER);
        } else {
            filter.add(new org.apache.lucene.search.MatchAllDocsQuery(), Occur.FILTER);
        }
        if (!excluded.isEmpty()) {
            List<BytesRef> ids = excluded.stream().map(id -> new BytesRef(id.value())).toList();
            filter.add(new TermInSetQuery(PaperFields.ID, ids), Occur.MUST_NOT);
        }
        return filter.build();
    }

    private static Query withFilter(Query query, Query filter) {
        if (filter == null) {
            return query;
        }
        return new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    /** Hits for ranked documents: stored paper, snippet of the abstract, and which query words it contains. */
    private List<SearchHit> hits(IndexSearcher searcher, ScoreDoc[] ranked, LexicalQuery lexical)
            throws IOException {
        int[] docIds = Arrays.stream(ranked).mapToInt(sd -> sd.doc).toArray();
        Snippet[] snippets = new SnippetHighlighter(searcher, analyzer).snippets(lexical.query(), docIds);
        List<SearchHit> hits = new ArrayList<>(ranked.length);
        StoredFields stored = searcher.storedFields();
        for (int i = 0; i < ranked.length; i++) {
            Paper paper = PaperDocuments.toPaper(stored.document(docIds[i]));
            List<String> matched = lexical.name() != null ? List.of(lexical.name())
                    : matchedWords(searcher.getIndexReader(), docIds[i], lexical.words());
            hits.add(new SearchHit(paper, ranked[i].score, snippets[i], matched, false));
        }
        return hits;
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
        if (readOnly) {
            throw new IllegalStateException("the index in " + name + " is open read-only");
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

    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("refreshing the searcher failed in " + name, e);
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
                // The manager was just replaced after a rolled-back write; the new one is in place.
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
