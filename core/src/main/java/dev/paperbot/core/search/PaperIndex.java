package dev.paperbot.core.search;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The port to the searchable collection of papers. The index module implements it with Lucene.
 *
 * <p>Implementations are thread-safe: searches run concurrently with each other and with updates.
 */
public interface PaperIndex extends AutoCloseable {

    /** Searches with untrusted free text; never throws for any text a user can type. */
    SearchResults search(SearchQuery query);

    /**
     * Adds to hits of {@code query} found {@linkplain SearchQuery#withSnippets without snippets} what a search with
     * them would have given: each hit's snippet and the query's words it contains. The hits come back in the same
     * order with the same paper, score and {@code semantic} flag; a hit whose paper left the index comes back as it
     * was. Costs about what those hits cost in a search with snippets, so callers ask only for the hits they show.
     *
     * <p>The default returns the hits unchanged: right for an index whose hits always carry their snippets. An
     * index that honours {@link SearchQuery#snippets()} must override it, and so must any index that wraps another.
     */
    default List<SearchHit> explain(SearchQuery query, List<SearchHit> hits) {
        return hits;
    }

    /** Papers most like the given one, the paper itself and {@code excluded} left out. Empty when it is unknown. */
    List<SearchHit> similar(PaperId id, int limit, Set<PaperId> excluded);

    Optional<Paper> find(PaperId id);

    /**
     * Adds papers, replacing any with the same id, and makes them visible in one atomic commit: after a crash the
     * index holds either all of them or none.
     */
    UpsertSummary upsert(Collection<Paper> papers);

    /** How many papers the index holds. */
    long size();

    @Override
    void close();

    /** What an upsert did. */
    record UpsertSummary(int added, int replaced) {
        public int total() {
            return added + replaced;
        }
    }
}
