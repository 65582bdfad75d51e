package dev.paperbot.index.embed;

import dev.paperbot.core.search.Embedder;
import dev.paperbot.core.search.Embedding;
import java.util.List;
import java.util.function.Supplier;

/**
 * An embedder that loads its model on first use: a command that ends up searching by words only never pays for
 * loading it. A model that fails to load fails every call the same way, without trying again.
 */
final class LazyEmbedder implements Embedder, AutoCloseable {

    private final String model;
    private final int dimension;
    private final Supplier<? extends Embedder> loader;
    private Embedder loaded;
    private RuntimeException failure;

    LazyEmbedder(String model, int dimension, Supplier<? extends Embedder> loader) {
        this.model = model;
        this.dimension = dimension;
        this.loader = loader;
    }

    private synchronized Embedder get() {
        if (failure != null) {
            throw failure;
        }
        if (loaded == null) {
            try {
                loaded = loader.get();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            if (!loaded.model().equals(model) || loaded.dimension() != dimension) {
                failure = new EmbedderUnavailableException("expected the model " + model + " (" + dimension
                        + " dimensions), got " + loaded.model() + " (" + loaded.dimension() + ")");
                throw failure;
            }
        }
        return loaded;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public Embedding embedQuery(String text) {
        return get().embedQuery(text);
    }

    @Override
    public List<Embedding> embedPassages(List<String> passages) {
        return get().embedPassages(passages);
    }

    @Override
    public synchronized void close() {
        if (loaded instanceof CachedEmbedder cached) {
            cached.close();
        }
    }

    @Override
    public String toString() {
        return model + (loaded == null ? " (not loaded yet)" : "");
    }
}
