package dev.paperbot.core.search;

import java.util.List;
import java.util.Optional;

/**
 * A page of hits, best first.
 *
 * @param hits      the hits of the requested page
 * @param totalHits how many papers matched, or a lower bound when the index stopped counting early
 * @param notice    a short message for the user about their query (it was shortened, had no searchable words, ...)
 */
public record SearchResults(List<SearchHit> hits, long totalHits, Optional<String> notice) {

    public SearchResults {
        hits = List.copyOf(hits);
        notice = notice == null ? Optional.empty() : notice;
    }

    public static SearchResults empty(String notice) {
        return new SearchResults(List.of(), 0, Optional.ofNullable(notice));
    }

    public boolean isEmpty() {
        return hits.isEmpty();
    }
}
