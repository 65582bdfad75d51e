package dev.paperbot.core.search;

import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.paper.Popularity;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The port to popularity signals kept beside the papers (the Lucene index keeps them as doc values on the paper's
 * document). Separate from {@link PaperIndex} so that code which only searches never sees it.
 *
 * <p>A paper has at most one signal: the one of the latest day. Replacing a paper (a new version) keeps its signal.
 */
public interface PopularitySignals {

    /**
     * Records signals in one atomic commit. A signal replaces the paper's current one unless that is from a later
     * day. Signals of papers that are not in the index are ignored.
     *
     * @return how many signals were recorded
     */
    int recordPopularity(Collection<Popularity> signals);

    /** The paper's latest signal, empty when it has none or is unknown. */
    Optional<Popularity> popularity(PaperId id);

    /** The papers with the most upvotes among signals from {@code since} on, most upvoted first (ties: newer day). */
    List<Popularity> trending(LocalDate since, int limit);

    /** No signals at all: for an index that keeps none. Recording ignores every signal, as for unknown papers. */
    static PopularitySignals none() {
        return NoPopularitySignals.INSTANCE;
    }

    /**
     * The signals {@code index} keeps beside its papers, or {@link #none()} when it keeps none (an index that only
     * searches, a test double): callers that show popularity need not care which kind of index they were given.
     */
    static PopularitySignals of(PaperIndex index) {
        return index instanceof PopularitySignals signals ? signals : none();
    }
}
