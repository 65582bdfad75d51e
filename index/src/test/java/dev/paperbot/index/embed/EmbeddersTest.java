package dev.paperbot.index.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperbot.core.search.Embedder;
import dev.paperbot.core.search.Embedding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddersTest {

    @TempDir
    Path dir;

    /** A stand-in model that counts what it embeds. */
    static class Fake implements Embedder {
        final List<String> embedded = new ArrayList<>();

        @Override
        public String model() {
            return "fake-3";
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public Embedding embedQuery(String text) {
            return Embedding.of(new float[] {text.length(), 1, 0}).normalized();
        }

        @Override
        public synchronized List<Embedding> embedPassages(List<String> passages) {
            embedded.addAll(passages);
            return passages.stream().map(this::embedQuery).toList();
        }
    }

    @Test
    void the_real_model_loads_offline_and_embeds_meaning() {
        Embedder model = Embedders.bgeSmall();

        // Set in process before the model loaded, whatever the command line said.
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(System.getProperty("OPT_OUT_TRACKING")).isEqualTo("true");
        assertThat(ai.djl.util.Utils.isOfflineMode()).isTrue();

        assertThat(model.model()).isEqualTo(Embedders.BGE_SMALL);
        Embedding query = model.embedQuery("make LLM weights use fewer bits");
        List<Embedding> passages = model.embedPassages(List.of(
                "AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration",
                "Conditional Generative Adversarial Nets for image synthesis"));
        assertThat(query.dimension()).isEqualTo(384);
        assertThat(query.norm()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(query.dot(passages.get(0))).isGreaterThan(query.dot(passages.get(1)));
    }

    @Test
    void passages_are_embedded_once_and_kept_on_disk() {
        Fake fake = new Fake();
        try (CachedEmbedder cached = Embedders.cached(fake, dir)) {
            List<Embedding> first = cached.embedPassages(List.of("alpha", "beta", "alpha"));
            assertThat(fake.embedded).containsExactly("alpha", "beta");
            assertThat(first.get(0)).isEqualTo(first.get(2));
            cached.embedPassages(List.of("beta", "gamma"));
            assertThat(fake.embedded).containsExactly("alpha", "beta", "gamma");
            assertThat(cached.computed()).isEqualTo(3);
            assertThat(cached.reused()).isEqualTo(2);
        }
        // Another process (or run) with the same model: everything comes from the disk.
        Fake again = new Fake();
        try (CachedEmbedder cached = Embedders.cached(again, dir)) {
            assertThat(cached.embedPassages(List.of("gamma", "alpha"))).containsExactly(
                    again.embedQuery("gamma"), again.embedQuery("alpha"));
            assertThat(again.embedded).isEmpty();
        }
    }

    @Test
    void cache_keys_are_the_sha256_of_the_text() {
        // Pinned: vectors cached on disk are found by this key.
        assertThat(CachedEmbedder.key("Schr\u00f6dinger bridges"))
                .isEqualTo("4815c6f4d99d84cfb862469750df0727c602fffa42c97f4ae204a82138275fe6");
    }

    @Test
    void a_second_process_reads_the_cache_without_writing_it() {
        Fake fake = new Fake();
        try (CachedEmbedder writer = Embedders.cached(fake, dir); CachedEmbedder reader = Embedders.cached(fake, dir)) {
            writer.embedPassages(List.of("alpha"));
            reader.embedPassages(List.of("alpha", "delta"));
            assertThat(fake.embedded).containsExactly("alpha", "delta");
        }
    }

    @Test
    void a_reader_keeps_new_vectors_once_the_writer_lets_go() {
        Fake fake = new Fake();
        CachedEmbedder writer = Embedders.cached(fake, dir);
        try (CachedEmbedder reader = Embedders.cached(fake, dir)) {
            writer.embedPassages(List.of("alpha"));
            reader.embedPassages(List.of("beta"));
            writer.close();
            reader.embedPassages(List.of("alpha", "gamma"));
        }
        Fake again = new Fake();
        try (CachedEmbedder cached = Embedders.cached(again, dir)) {
            cached.embedPassages(List.of("alpha", "beta", "gamma"));
            assertThat(again.embedded).as("beta came while the writer held the cache").containsExactly("beta");
        }
    }

    @Test
    void a_reader_that_found_no_cache_yet_keeps_vectors_once_the_writer_lets_go() throws Exception {
        // The writer holds the lock before its first commit, as at start-up: the reader finds nothing to read.
        Fake fake = new Fake();
        Path folder = dir.resolve("fake-3");
        CachedEmbedder reader;
        try (org.apache.lucene.store.Directory raw = org.apache.lucene.store.FSDirectory.open(folder);
                org.apache.lucene.store.Lock lock = raw.obtainLock(
                        org.apache.lucene.index.IndexWriter.WRITE_LOCK_NAME)) {
            reader = Embedders.cached(fake, dir);
            reader.embedPassages(List.of("alpha"));
        }
        try (reader) {
            reader.embedPassages(List.of("beta"));
            assertThat(reader.embedPassages(List.of("beta"))).hasSize(1);
            assertThat(fake.embedded).containsExactly("alpha", "beta");
        }
        Fake again = new Fake();
        try (CachedEmbedder cached = Embedders.cached(again, dir)) {
            cached.embedPassages(List.of("alpha", "beta"));
            assertThat(again.embedded).containsExactly("alpha");
        }
    }

    @Test
    void query_vectors_are_remembered_in_memory() {
        AtomicInteger calls = new AtomicInteger();
        Fake fake = new Fake() {
            @Override
            public Embedding embedQuery(String text) {
                calls.incrementAndGet();
                return super.embedQuery(text);
            }
        };
        CachedEmbedder cached = Embedders.cachedInMemory(fake);
        cached.embedQuery("quantization");
        cached.embedQuery("quantization");
        assertThat(calls).hasValue(1);
    }

    @Test
    void a_lazy_model_loads_on_first_use_and_remembers_a_failure() {
        AtomicInteger loads = new AtomicInteger();
        LazyEmbedder lazy = new LazyEmbedder("fake-3", 3, () -> {
            loads.incrementAndGet();
            throw new EmbedderUnavailableException("no native library for this platform");
        });
        assertThat(lazy.model()).isEqualTo("fake-3");
        assertThat(loads).hasValue(0);
        assertThatThrownBy(() -> lazy.embedQuery("x")).hasMessageContaining("no native library");
        assertThatThrownBy(() -> lazy.embedQuery("x")).hasMessageContaining("no native library");
        assertThat(loads).hasValue(1);
    }
}
