package dev.paperbot.index.search;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.index.document.PaperDocuments;
import dev.paperbot.index.document.PaperFields;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.Query;

/**
 * The words half of "papers like these": the example papers' most distinctive terms (tf-idf, Lucene's
 * {@link MoreLikeThis}) as one BM25 query.
 */
final class ExampleQueries {

    /** Distinctive terms kept from the examples: enough to characterise a few abstracts. */
    static final int MAX_TERMS = 25;

    private ExampleQueries() {
    }

    static Query like(IndexReader reader, Analyzer analyzer, List<Paper> examples) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(reader);
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(new String[] {PaperFields.TEXT});
        mlt.setMinTermFreq(1);
        // A term only one paper has says nothing about similarity; one half of the papers have says little.
        mlt.setMinDocFreq(2);
        mlt.setMaxDocFreqPct(50);
        mlt.setMaxQueryTerms(MAX_TERMS);
        Reader[] texts = examples.stream()
                .map(p -> new StringReader(PaperDocuments.searchableText(p)))
                .toArray(Reader[]::new);
        return mlt.like(PaperFields.TEXT, texts);
    }
}
