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
