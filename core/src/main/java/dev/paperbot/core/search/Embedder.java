package dev.paperbot.core.search;

import java.util.List;

/**
 * The port to a sentence-embedding model: turns text into {@link Embedding}s whose dot product says how close two
 * texts are in meaning. The index module implements it in process (bge-small-en-v1.5 on ONNX Runtime); core only
 * sees this interface, so it stays free of native code and tests can use a small deterministic model.
 *
 * <p>Queries and passages are separate calls because some models embed them differently; both return unit-length
 * vectors of {@link #dimension()} floats. Implementations are thread-safe. Embedding is slow on a CPU (tens of
 * milliseconds a query, tens of passages a second): callers batch passages and keep what they computed.
 */
public interface Embedder {

    /**
     * Names the model and how it is used (for example {@code bge-small-en-v1.5-q}): vectors from different models
     * live in different spaces and must never be compared, so stored vectors are keyed by it.
     */
    String model();

    int dimension();

    /** The embedding of a search query or a topic. */
    Embedding embedQuery(String text);

    /** The embeddings of passages (paper texts), in order; one call per batch is much faster than one per text. */
    List<Embedding> embedPassages(List<String> passages);
}
