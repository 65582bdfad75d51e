package dev.paperbot.index.search;

import java.util.List;
import java.util.Set;
import org.apache.lucene.search.Query;

/**
 * A user query as analysed terms, ready for BM25.
 *
 * @param query the Lucene query (no filters)
 * @param words each word or phrase the user typed with the terms it analysed to, to report which words matched
 * @param name  for a search by author, the name as typed (every hit matches it); otherwise null
 */
record LexicalQuery(Query query, List<Word> words, String name) {

    record Word(String typed, Set<String> terms) {
    }

    LexicalQuery {
        words = List.copyOf(words);
    }
}
