package dev.paperbot.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.paper.Popularity;
import dev.paperbot.core.search.Embedder;
import dev.paperbot.core.search.Embedding;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.core.search.SearchResults;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How vectors come and stay: embedded once per text, carried through replacements and re-imports, attached in the
 * background while search uses words. Uses a small hashing embedder: these are mechanics, not relevance (whether a
 * search used vectors shows in whether it embedded its text).
 */
class VectorLifecycleTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC);
    private final TestEmbedders.Counting counting = new TestEmbedders.Counting(TestEmbedders.hashing());

    private static Paper paper(int n, String abstractText) {
        return Paper.of(new PaperId(String.format("2602.%05d", n)), "Paper number " + n + " on sparse attention",
                abstractText);
    }

    private static List<Paper> papers(int count) {
        List<Paper> papers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            papers.add(paper(i, "We study sparse attention variant " + i + " for long documents."));
        }
        return papers;
    }

    private LuceneIndex open(Embedder embedder, boolean background) {
        return PaperIndexes.open(dir, IndexSettings.defaults(), clock,
                new SemanticSettings(Optional.of(embedder), true, background));
    }

    @Test
    void unchanged_papers_are_never_embedded_again() {
        List<Paper> papers = papers(40);
        try (LuceneIndex index = open(counting, false)) {
            index.upsert(papers);
            assertThat(index.embedding().orElseThrow().pending()).isEqualTo(40);
            assertThat(index.embedPending(n -> { })).isEqualTo(40);
            assertThat(counting.passages).hasValue(40);

            // The same papers again: an upsert, then a bulk re-import. Nothing waits, nothing is embedded.
            index.upsert(papers);
            try (BulkLoader bulk = index.bulkLoader(BulkOptions.defaults())) {
                papers.forEach(bulk::add);
            }
            assertThat(index.embedding().orElseThrow().pending()).isZero();
            assertThat(index.embedPending(n -> { })).isZero();

            // A new version with a changed abstract waits for its own vector; its unchanged neighbours do not.
            index.upsert(List.of(paper(7, "A rewritten abstract about dense retrieval.")));
            assertThat(index.embedding().orElseThrow().pending()).isEqualTo(1);
            assertThat(index.embedPending(n -> { })).isEqualTo(1);
            assertThat(counting.passages).hasValue(41);
            assertThat(counting.texts.getLast()).contains("rewritten abstract");
        }
        // Reopened (as after a restart, with the model configured again): the vectors are still there.
        try (LuceneIndex index = open(counting, false)) {
            assertThat(index.embedding().orElseThrow().complete()).isTrue();
            index.upsert(papers.subList(0, 5));
            assertThat(index.embedPending(n -> { })).isZero();
            assertThat(counting.passages).hasValue(41);
        }
    }

    @Test
    void vectors_are_carried_even_by_an_index_opened_without_a_model() {
        try (LuceneIndex index = open(counting, false)) {
            index.upsert(papers(3));
            index.embedPending(n -> { });
        }
        // An import while embeddings are off keeps the vectors of unchanged papers.
        try (LuceneIndex index = PaperIndexes.open(dir, IndexSettings.defaults(), clock)) {
            index.upsert(papers(3));
            assertThat(index.vectors(papers(3).stream().map(Paper::id).toList())).hasSize(3);
        }
    }

    @Test
    void attaching_a_vector_keeps_what_the_paper_had() {
        Paper p = paper(1, "Sparse attention for long documents.").withAuthors(List.of("Ada Lovelace"))
                .withCategories(List.of("cs.CL")).withDates(LocalDate.of(2026, 1, 30), null);
        try (LuceneIndex index = open(counting, false)) {
            index.upsert(List.of(p));
            Instant added = index.indexed(p.id()).orElseThrow().addedAt();
            Popularity signal = new Popularity(p.id(), 12, LocalDate.of(2026, 1, 31));
            index.recordPopularity(List.of(signal));

            index.embedPending(n -> { });

            IndexedPaper after = index.indexed(p.id()).orElseThrow();
            assertThat(after.paper()).isEqualTo(p);
            assertThat(after.addedAt()).isEqualTo(added);
            assertThat(index.popularity(p.id())).contains(signal);
            assertThat(index.vectors(List.of(p.id()))).containsKey(p.id());
            assertThat(index.size()).isEqualTo(1);
        }
    }

    @Test
    void search_uses_words_until_every_paper_has_its_vector_then_both() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TestEmbedders.Counting gated = new TestEmbedders.Counting(TestEmbedders.hashing()) {
            @Override
            public synchronized List<Embedding> embedPassages(List<String> batch) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.embedPassages(batch);
            }
        };
        try (LuceneIndex index = open(gated, true)) {
            index.upsert(papers(50));
            SearchResults meanwhile = index.search(SearchQuery.of("sparse attention", 10));
            assertThat(meanwhile.hits()).hasSize(10).noneMatch(SearchHit::semantic);
            assertThat(gated.queries).as("queries embedded while papers wait").hasValue(0);
            assertThat(index.embedding().orElseThrow().complete()).isFalse();
            assertThat(index.embedding().orElseThrow().describe()).contains("searching by words only");

            release.countDown();
            awaitComplete(index);

            assertThat(index.search(SearchQuery.of("dense retrieval for long documents", 10)).hits()).hasSize(10);
            assertThat(gated.queries).as("queries embedded once all papers have vectors").hasValue(1);
            // Later papers are embedded in the background too.
            index.upsert(List.of(paper(99, "Brand new work on sparse attention.")));
            awaitComplete(index);
            assertThat(index.vectors(List.of(new PaperId("2602.00099")))).hasSize(1);
        }
    }

    @Test
    void a_text_the_model_cannot_embed_is_marked_and_found_by_words() {
        Embedder picky = new TestEmbedders.Counting(TestEmbedders.hashing()) {
            @Override
            public synchronized List<Embedding> embedPassages(List<String> batch) {
                if (batch.stream().anyMatch(t -> t.contains("poison"))) {
                    throw new IllegalStateException("cannot embed this");
                }
                return super.embedPassages(batch);
            }
        };
        try (LuceneIndex index = open(picky, false)) {
            index.upsert(papers(5));
            index.upsert(List.of(paper(6, "A poison abstract.")));

            assertThat(index.embedPending(n -> { })).isEqualTo(6);
            assertThat(index.embedding().orElseThrow().complete()).isTrue();
            assertThat(index.vectors(papers(6).stream().map(Paper::id).toList())).hasSize(5);
            assertThat(index.search(SearchQuery.of("poison", 5)).hits().getFirst().paper().id())
                    .isEqualTo(new PaperId("2602.00006"));
        }
    }

    @Test
    void a_query_the_model_fails_on_is_searched_by_words() {
        Embedder failing = new TestEmbedders.Counting(TestEmbedders.hashing()) {
            @Override
            public Embedding embedQuery(String text) {
                throw new IllegalStateException("model gone");
            }
        };
        try (LuceneIndex index = open(failing, false)) {
            index.upsert(papers(5));
            index.embedPending(n -> { });
            assertThat(index.search(SearchQuery.of("sparse attention", 3)).hits()).hasSize(3)
                    .noneMatch(SearchHit::semantic);
        }
    }

    @Test
    void bm25_by_default_still_answers_explicit_hybrid_searches() {
        try (LuceneIndex index = PaperIndexes.open(dir, IndexSettings.defaults(), clock,
                new SemanticSettings(Optional.of(counting), false, false))) {
            index.upsert(papers(20));
            index.embedPending(n -> { });
            assertThat(index.search(SearchQuery.of("dense retrieval documents", 10)).hits()).hasSize(10);
            assertThat(counting.queries).hasValue(0);
            assertThat(index.search(SearchQuery.of("dense retrieval documents", 10)
                    .withMode(SearchQuery.Mode.HYBRID)).hits()).hasSize(10);
            assertThat(counting.queries).hasValue(1);
            assertThat(index.search(SearchQuery.of("dense retrieval documents", 10)
                    .withMode(SearchQuery.Mode.BM25)).hits()).hasSize(10);
            assertThat(counting.queries).hasValue(1);
        }
    }

    @Test
    void a_read_only_index_searches_with_the_writers_vectors() {
        try (LuceneIndex writer = open(counting, false)) {
            writer.upsert(papers(20));
            writer.embedPending(n -> { });
            try (LuceneIndex reader = PaperIndexes.openReadOnly(dir, IndexSettings.defaults(),
                    new SemanticSettings(Optional.of(counting), true, true))) {
                assertThat(reader.embedding().orElseThrow().complete()).isTrue();
                int before = counting.queries.get();
                assertThat(reader.search(SearchQuery.of("dense retrieval documents", 10)).hits()).hasSize(10);
                assertThat(counting.queries).hasValue(before + 1);
            }
        }
    }

    @Test
    void an_explicit_vector_replaces_the_embedding_of_the_text() {
        // The real model: the hashing stand-in knows no meaning.
        TestEmbedders.Counting counting = (TestEmbedders.Counting) TestEmbedders.real();
        try (LuceneIndex index = open(counting, false)) {
            index.upsert(papers(5));
            index.upsert(List.of(paper(21, "Graph neural networks for molecules.")));
            index.upsert(List.of(paper(22, "Speech recognition for noisy call center audio.")));
            index.embedPending(n -> { });
            PaperId speech = new PaperId("2602.00022");
            Embedding likeSpeech = index.vectors(List.of(speech)).get(speech);
            int queries = counting.queries.get();

            // The words find only the molecules paper; the meaning half brings what the vector points at.
            List<PaperId> plain = ids(index.search(SearchQuery.of("molecules", 3)).hits());
            List<PaperId> moved = ids(index.search(SearchQuery.of("molecules", 3).withVector(likeSpeech)).hits());

            assertThat(moved).contains(speech, new PaperId("2602.00021"));
            assertThat(plain).doesNotContain(speech);
            assertThat(counting.queries).as("only the plain search embedded its text").hasValue(queries + 1);
        }
    }

    private static List<PaperId> ids(List<SearchHit> hits) {
        return hits.stream().map(h -> h.paper().id()).toList();
    }

    private static void awaitComplete(LuceneIndex index) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!index.embedding().orElseThrow().complete()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("embedding did not finish: " + index.embedding().orElseThrow().describe());
            }
            Thread.sleep(20);
        }
    }
}
