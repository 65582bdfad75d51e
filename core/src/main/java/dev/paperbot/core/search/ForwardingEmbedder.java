package dev.paperbot.core.search;

import java.util.List;
import java.util.Objects;

/**
 * An {@link Embedder} that passes every call on to the model it wraps; a wrapper extends it and overrides only
 * what it adds (caching, counting). Model name and dimension are always the wrapped model's.
 */
public abstract class ForwardingEmbedder implements Embedder {

    private final Embedder model;

    protected ForwardingEmbedder(Embedder model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The wrapped model. */
    protected final Embedder delegate() {
        return model;
    }

    @Override
    public final String model() {
        return model.model();
    }

    @Override
    public final int dimension() {
        return model.dimension();
    }

    @Override
    public Embedding embedQuery(String text) {
        return model.embedQuery(text);
    }

    @Override
    public List<Embedding> embedPassages(List<String> passages) {
        return model.embedPassages(passages);
    }
}
