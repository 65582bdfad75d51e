package dev.paperbot.index.embed;

import dev.paperbot.core.search.Embedder;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Loads the in-process embedding model and wraps embedders with caches. */
public final class Embedders {

    /** The model {@link #bgeSmall()} loads, as {@link Embedder#model()} names it. */
    public static final String BGE_SMALL = BgeSmallEmbedder.MODEL;

    private Embedders() {
    }

    /**
     * Loads bge-small-en-v1.5 (quantized) into this process, with the embedding library's network switches off
     * (set here before it loads, and checked).
     *
     * @throws EmbedderUnavailableException when it cannot run here (missing native library for this platform,
     *                                      the environment turning the offline switches back on, ...)
     */
    public static Embedder bgeSmall() {
        OfflineSwitches.enforce();
        try {
            return new BgeSmallEmbedder(daemonPool());
        } catch (RuntimeException | LinkageError e) {
            // Typically: no ONNX Runtime or tokenizer native library for this OS/CPU in the jar.
            throw new EmbedderUnavailableException("the embedding model " + BGE_SMALL + " could not be loaded: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /**
     * bge-small-en-v1.5 loaded on first use, cached like {@link #cached}: for commands that may not need the model
     * at all. When it cannot load, every call throws {@link EmbedderUnavailableException} with the reason.
     */
    public static Embedder bgeSmallOnFirstUse(Path cacheDirectory) {
        return new LazyEmbedder(BGE_SMALL, BgeSmallEmbedder.DIMENSION, () -> cached(bgeSmall(), cacheDirectory));
    }

    /**
     * An embedder that keeps passage vectors on disk in {@code directory} (one sub-folder per model, keyed by a
     * hash of the text) and recent query vectors in memory, so that a text is embedded once however often it is
     * indexed. While another process holds the folder, vectors are read from it but new ones are not kept; each
     * write tries again, so they are kept once that process lets go (as when a follower takes over the index).
     */
    public static CachedEmbedder cached(Embedder embedder, Path directory) {
        return new CachedEmbedder(embedder, VectorCache.open(directory, embedder.model(), embedder.dimension()));
    }

    /** An embedder that keeps recent query vectors in memory only. */
    public static CachedEmbedder cachedInMemory(Embedder embedder) {
        return new CachedEmbedder(embedder, null);
    }

    /** The model's workers: one per core, daemons so that they never keep the JVM alive. */
    private static ExecutorService daemonPool() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "paperbot-embed-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
