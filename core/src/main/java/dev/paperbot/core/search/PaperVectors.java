package dev.paperbot.core.search;

import dev.paperbot.core.paper.PaperId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The port to the papers' meaning vectors, kept by the index beside the papers (so ranking in core can learn from
 * feedback without knowing how vectors are stored). Separate from {@link PaperIndex} so that code which only
 * searches never sees it.
 */
public interface PaperVectors {

    /**
     * The vectors of those papers that have one for their current text, in the space of the index's
     * {@link Embedder}; papers that are unknown or not embedded yet are missing from the map.
     */
    Map<PaperId, Embedding> vectors(Collection<PaperId> ids);

    /**
     * The model the vectors come from, to embed topics and queries into the same space; empty when the index has
     * none (then there are no vectors to learn with).
     */
    default Optional<Embedder> embedder() {
        return Optional.empty();
    }

    /** Vectors of nothing: for an index without an embedding model. */
    static PaperVectors none() {
        return ids -> Map.of();
    }
}
