package dev.paperbot.index.search;

import dev.paperbot.core.search.Embedder;
import dev.paperbot.core.search.Embedding;
import dev.paperbot.core.search.ForwardingEmbedder;
import dev.paperbot.index.embed.Embedders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Embedders for tests: the real model (loaded once per test JVM) and a small, fast, deterministic stand-in. */
final class TestEmbedders {

    /** Vectors of the real model survive between builds here (target/ is wiped by a clean build only). */
    static final Path CACHE = Path.of("target", "test-vector-cache");

    private TestEmbedders() {
    }

    /**
     * bge-small, loaded once, with its passage vectors kept in {@link #CACHE}. Shared by the tests of this JVM: the
     * wrapper is not {@link AutoCloseable}, so closing an index does not close the model.
     */
    static Embedder real() {
        return new Counting(Real.MODEL);
    }

    private static final class Real {
        static final Embedder MODEL = Embedders.cached(Embedders.bgeSmall(), CACHE);
    }

    /**
     * Words hashed into 64 dimensions, normalised: texts sharing words are close. Enough to test the mechanics of
     * vectors (storage, carrying, fusion) in milliseconds; it knows nothing of meaning.
     */
    static Embedder hashing() {
        return new Embedder() {
            @Override
            public String model() {
                return "test-hashing-64";
            }

            @Override
            public int dimension() {
                return 64;
            }

            @Override
            public Embedding embedQuery(String text) {
                float[] v = new float[64];
                for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                    if (w.length() > 2) {
                        v[Math.floorMod(w.hashCode(), 64)] += 1;
                    }
                }
                v[0] += 0.01f; // never the zero vector
                return Embedding.of(v).normalized();
            }

            @Override
            public List<Embedding> embedPassages(List<String> passages) {
                return passages.stream().map(this::embedQuery).toList();
            }
        };
    }

    /** Counts what it is asked to embed, and passes it on. */
    static class Counting extends ForwardingEmbedder {
        final AtomicInteger passages = new AtomicInteger();
        final AtomicInteger queries = new AtomicInteger();
        final List<String> texts = new ArrayList<>();

        Counting(Embedder model) {
            super(model);
        }

        @Override
        public Embedding embedQuery(String text) {
            queries.incrementAndGet();
            return super.embedQuery(text);
        }

        @Override
        public synchronized List<Embedding> embedPassages(List<String> batch) {
            passages.addAndGet(batch.size());
            texts.addAll(batch);
            return super.embedPassages(batch);
        }
    }
}
