package dev.paperbot.index.search;

import dev.paperbot.core.search.Snippet;
import dev.paperbot.index.document.PaperFields;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Snippets from the abstract for one page of hits. The abstract is stored but not indexed on its own, so the
 * highlighter re-analyses it; terms of the query on any field count as matches. Only the page's documents are
 * highlighted, never the whole result set.
 */
final class SnippetHighlighter extends UnifiedHighlighter {

    /** About two lines in Slack. */
    static final int SNIPPET_CHARS = 240;

    SnippetHighlighter(IndexSearcher searcher, Analyzer analyzer) {
        super(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new SnippetFormatter())
                .withFieldMatcher(field -> true)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_CHARS, 0.5f))
                .withMaxNoHighlightPassages(1)
                .withHandleMultiTermQuery(false));
    }

    /** One snippet per document, in the order given; empty for a paper without an abstract. */
    Snippet[] snippets(Query query, int[] docIds) throws IOException {
        Snippet[] out = new Snippet[docIds.length];
        if (docIds.length == 0) {
            return out;
        }
        Map<String, Object[]> highlights = highlightFieldsAsObjects(
                new String[] {PaperFields.ABSTRACT}, query, docIds, new int[] {1});
        Object[] values = highlights.get(PaperFields.ABSTRACT);
        for (int i = 0; i < out.length; i++) {
            out[i] = values != null && values[i] instanceof Snippet s ? s : Snippet.empty();
        }
        return out;
    }
}
