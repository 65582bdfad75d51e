package dev.paperbot.index.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.paperbot.core.paper.Paper;
import dev.paperbot.index.document.PaperDocuments;
import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;

/**
 * Papers read from the stored fields of candidates (hits without snippets), kept for the next search that returns
 * them. Reading a stored paper means decompressing a block of several, which was most of what a topic search cost
 * once snippets were left out, and the topic searches of many channels return the same papers again and again.
 * (Pages shown to users are read directly: they seldom repeat, and their snippets cost far more.)
 *
 * <p>Keyed by segment and document: a segment's stored fields never change (a replaced paper is a new document in
 * another segment), so an entry can never be stale, and segments merged away simply stop being asked for until
 * their entries are evicted. Bounded by the text it holds.
 */
final class StoredPapers {

    /** About 16 MB of titles and abstracts: some ten thousand papers. */
    static final long MAX_KB = 16_384;

    private record Key(IndexReader.CacheKey segment, int doc) {
    }

    private final Cache<Key, Paper> papers = Caffeine.newBuilder()
            .maximumWeight(MAX_KB)
            .weigher((Key key, Paper p) -> 1 + (p.title().length() + p.abstractText().length()) / 1024)
            .build();

    /** The paper stored in document {@code doc} of {@code reader}, read with {@code stored} when not kept. */
    Paper paper(IndexReader reader, StoredFields stored, int doc) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        IndexReader.CacheHelper segment = leaf.reader().getCoreCacheHelper();
        if (segment == null) {
            return PaperDocuments.toPaper(stored.document(doc));
        }
        Key key = new Key(segment.getKey(), doc - leaf.docBase);
        Paper paper = papers.getIfPresent(key);
        if (paper == null) {
            paper = PaperDocuments.toPaper(stored.document(doc));
            papers.put(key, paper);
        }
        return paper;
    }
}
