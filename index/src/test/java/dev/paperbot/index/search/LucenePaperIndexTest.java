package dev.paperbot.index.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.PaperIndex.UpsertSummary;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.core.search.SearchResults;
import dev.paperbot.index.document.PaperDocuments;
import dev.paperbot.index.source.ingest.TestIndexes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LucenePaperIndexTest {

    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");

    /** A clock the test moves by hand. */
    private final TestIndexes.MovableClock clock = new TestIndexes.MovableClock(T0);

    private LuceneIndex index = PaperIndexes.inMemory(IndexSettings.defaults(), clock);

    @AfterEach
    void close() {
        index.close();
    }

    static Paper paper(String id, String title, String abstractText) {
        return Paper.of(new PaperId(id), title, abstractText);
    }

    @Test
    void finds_a_paper_by_its_words_and_explains_the_match() {
        index.upsert(List.of(
                paper("a", "Post-training quantization of LLMs", "We quantize weights of large language models."),
                paper("b", "Graph neural networks", "Message passing on graphs.")));

        SearchResults results = index.search(SearchQuery.of("quantization"));

        assertThat(results.hits()).extracting(h -> h.paper().id().value()).containsExactly("a");
        assertThat(results.notice()).isEmpty();
        SearchHit hit = results.hits().getFirst();
        assertThat(hit.matchedTerms()).containsExactly("quantization");
        assertThat(hit.snippet().text()).isEqualTo("We quantize weights of large language models.");
        assertThat(hit.snippet().fragments()).anyMatch(f -> f.highlighted() && f.text().equals("quantize"));
    }

    @Test
    void hits_without_snippets_are_explained_later_exactly_as_a_search_with_snippets_gives_them() {
        index.upsert(List.of(
                paper("a", "Post-training quantization of LLMs", "We quantize weights of large language models."),
                paper("b", "Quantization-aware training", "Training with fake quantization of activations."),
                paper("c", "Graph neural networks", "Message passing on graphs."),
                paper("d", "Pre-training at scale", "Pretraining data for LLMs, and its quantization.")));
        SearchQuery query = new SearchQuery("\"post training\" quantization LLMs", 10, 0, Set.of(), null,
                SearchQuery.Mode.AUTO);

        List<SearchHit> full = index.search(query).hits();
        List<SearchHit> bare = index.search(query.withSnippets(false)).hits();

        assertThat(bare).extracting(h -> h.paper().id()).isEqualTo(full.stream().map(h -> h.paper().id()).toList());
        assertThat(bare).extracting(SearchHit::score).isEqualTo(full.stream().map(SearchHit::score).toList());
        assertThat(bare).allSatisfy(h -> {
            assertThat(h.snippet().isEmpty()).isTrue();
            assertThat(h.matchedTerms()).isEmpty();
        });
        // Explained in any order, any subset: each hit as the search with snippets made it.
        List<SearchHit> some = List.of(bare.getLast(), bare.getFirst());
        assertThat(index.explain(query.withSnippets(false), some))
                .isEqualTo(List.of(full.getLast(), full.getFirst()));
        assertThat(index.explain(query, bare)).isEqualTo(full);
    }

    @Test
    void candidates_read_again_show_a_replaced_paper_as_it_is_now() {
        SearchQuery bare = SearchQuery.of("quantization").withSnippets(false);
        index.upsert(List.of(paper("a", "Quantization, first version", "Old quantization text.")));
        assertThat(index.search(bare).hits().getFirst().paper().title()).isEqualTo("Quantization, first version");
        assertThat(index.search(bare).hits().getFirst().paper().title()).isEqualTo("Quantization, first version");

        index.upsert(List.of(paper("a", "Quantization, second version", "New quantization text.")));

        Paper now = index.search(bare).hits().getFirst().paper();
        assertThat(now.title()).isEqualTo("Quantization, second version");
        assertThat(now.abstractText()).isEqualTo("New quantization text.");
    }

    @Test
    void explaining_an_author_search_and_a_paper_that_left_the_index() {
        index.upsert(List.of(paper("a", "One", "first abstract").withAuthors(List.of("Yann LeCun")),
                paper("b", "Two", "second abstract").withAuthors(List.of("Yann LeCun"))));
        SearchQuery byAuthor = new SearchQuery("Yann LeCun", 10, 0, Set.of(), null, SearchQuery.Mode.AUTO,
                SearchQuery.Field.AUTHORS);
        List<SearchHit> full = index.search(byAuthor).hits();
        List<SearchHit> bare = index.search(byAuthor.withSnippets(false)).hits();
        assertThat(index.explain(byAuthor, bare)).isEqualTo(full);

        index.close();
        index = PaperIndexes.inMemory(IndexSettings.defaults(), clock);
        index.upsert(List.of(paper("b", "Two", "second abstract").withAuthors(List.of("Yann LeCun"))));
        List<SearchHit> explained = index.explain(byAuthor, bare);
        int gone = bare.get(0).paper().id().value().equals("a") ? 0 : 1;
        // The paper that left comes back as it was; the other one is explained.
        assertThat(explained.get(gone)).isEqualTo(bare.get(gone));
        assertThat(explained.get(1 - gone).matchedTerms()).containsExactly("Yann LeCun");
        assertThat(index.explain(byAuthor, List.of())).isEmpty();
    }

    @Test
    void replacing_a_paper_keeps_one_copy_and_the_instant_it_was_first_added() {
        index.upsert(List.of(paper("a", "Old title", "old abstract")));
        clock.set(T0.plus(Duration.ofDays(3)));

        UpsertSummary summary = index.upsert(List.of(paper("a", "New title", "new abstract"), paper("b", "B", "b")));

        assertThat(summary).isEqualTo(new UpsertSummary(1, 1));
        assertThat(index.size()).isEqualTo(2);
        IndexedPaper a = index.indexed(new PaperId("a")).orElseThrow();
        assertThat(a.paper().title()).isEqualTo("New title");
        assertThat(a.addedAt()).isEqualTo(T0);
        assertThat(a.contentHash()).isEqualTo(PaperDocuments.contentHash(a.paper()));
        assertThat(index.indexed(new PaperId("b")).orElseThrow().addedAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
        assertThat(index.search(SearchQuery.of("old")).hits()).isEmpty();
    }

    @Test
    void a_batch_with_the_same_id_twice_keeps_the_last() {
        UpsertSummary summary = index.upsert(List.of(paper("a", "First", "x"), paper("a", "Second", "x")));

        assertThat(summary).isEqualTo(new UpsertSummary(1, 0));
        assertThat(index.find(new PaperId("a")).orElseThrow().title()).isEqualTo("Second");
    }

    @Test
    void added_after_returns_only_papers_first_added_later() {
        index.upsert(List.of(paper("old", "Diffusion models", "Denoising diffusion.")));
        clock.set(T0.plus(Duration.ofHours(1)));
        index.upsert(List.of(paper("new", "Diffusion transformers", "Diffusion with transformers.")));
        clock.set(T0.plus(Duration.ofHours(2)));
        // Replacing the old paper later does not make it new.
        index.upsert(List.of(paper("old", "Diffusion models, revised", "Denoising diffusion.")));

        SearchResults results = index.search(SearchQuery.of("diffusion").withAddedAfter(T0));

        assertThat(results.hits()).extracting(h -> h.paper().id().value()).containsExactly("new");
        assertThat(index.search(SearchQuery.of("diffusion").withAddedAfter(Instant.MAX)).hits()).isEmpty();
        assertThat(index.search(SearchQuery.of("diffusion").withAddedAfter(Instant.MIN)).hits()).hasSize(2);
        assertThat(index.search(SearchQuery.of("diffusion").withAddedAfter(T0.minusMillis(1))).hits()).hasSize(2);
    }

    @Test
    void excluded_papers_are_left_out() {
        index.upsert(List.of(paper("a", "Diffusion", "x"), paper("b", "Diffusion", "y"), paper("c", "Diffusion", "z")));

        SearchResults results = index.search(SearchQuery.of("diffusion")
                .withExcluded(Set.of(new PaperId("a"), new PaperId("c"))));

        assertThat(results.hits()).extracting(h -> h.paper().id().value()).containsExactly("b");
    }

    @Test
    void pages_through_results() {
        for (int i = 0; i < 25; i++) {
            index.upsert(List.of(paper("p" + i, "Diffusion paper " + i, "diffusion " + "word ".repeat(i))));
        }
        List<String> all = index.search(SearchQuery.of("diffusion", 25)).hits().stream()
                .map(h -> h.paper().id().value()).toList();

        List<String> second = index.search(new SearchQuery("diffusion", 10, 10, Set.of(), null, null)).hits()
                .stream().map(h -> h.paper().id().value()).toList();

        assertThat(second).isEqualTo(all.subList(10, 20));
    }

    @Test
    void similar_papers_leave_out_the_paper_itself() {
        index.upsert(List.of(
                paper("a", "Quantization of language models", "Low-bit weights for language models."),
                paper("b", "Quantization of vision transformers", "Low-bit weights for vision transformers."),
                paper("c", "Protein folding", "Structure prediction of proteins."),
                paper("d", "Language models", "Scaling language models.")));

        List<SearchHit> similar = index.similar(new PaperId("a"), 10, Set.of());

        assertThat(similar).extracting(h -> h.paper().id().value()).doesNotContain("a", "c").contains("b");
        assertThat(index.similar(new PaperId("a"), 10, Set.of(new PaperId("b"))))
                .extracting(h -> h.paper().id().value()).doesNotContain("a", "b");
        assertThat(index.similar(new PaperId("unknown"), 10, Set.of())).isEmpty();
    }

    @Test
    void a_second_writer_on_the_same_directory_is_told_the_index_is_locked(@TempDir Path dir) {
        try (LuceneIndex first = PaperIndexes.open(dir)) {
            first.upsert(List.of(paper("a", "Diffusion", "x")));

            assertThatThrownBy(() -> PaperIndexes.open(dir))
                    .isInstanceOf(IndexLockedException.class)
                    .hasMessageContaining("in use by another paperbot process");
            try (LuceneIndex reader = PaperIndexes.openReadOnly(dir, IndexSettings.defaults())) {
                assertThat(reader.search(SearchQuery.of("diffusion")).hits()).hasSize(1);
                assertThatThrownBy(() -> reader.upsert(List.of())).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void papers_survive_reopening(@TempDir Path dir) {
        try (LuceneIndex writer = PaperIndexes.open(dir, IndexSettings.defaults(), clock)) {
            writer.upsert(List.of(paper("a", "Diffusion", "x")));
        }
        try (LuceneIndex reopened = PaperIndexes.open(dir, IndexSettings.defaults(), clock)) {
            assertThat(reopened.size()).isEqualTo(1);
            assertThat(reopened.indexed(new PaperId("a")).orElseThrow().addedAt()).isEqualTo(T0);
        }
    }

    @Test
    void bulk_load_adds_and_replaces_and_keeps_first_added_instants() {
        index.upsert(List.of(paper("a", "Alpha", "x")));
        clock.set(T0.plus(Duration.ofDays(1)));

        UpsertSummary summary;
        try (BulkLoader loader = index.bulkLoader(BulkOptions.defaults().withCommitEvery(2))) {
            loader.add(paper("a", "Alpha again", "x"));
            loader.add(paper("b", "Beta", "y"));
            loader.add(paper("c", "Gamma", "z"));
            loader.add(paper("c", "Gamma again", "z"));
            summary = loader.finish();
        }

        assertThat(summary).isEqualTo(new UpsertSummary(2, 2));
        assertThat(index.size()).isEqualTo(3);
        assertThat(index.indexed(new PaperId("a")).orElseThrow().addedAt()).isEqualTo(T0);
        assertThat(index.indexed(new PaperId("c")).orElseThrow().paper().title()).isEqualTo("Gamma again");
        // Ordinary upserts work again once the load is over.
        assertThat(index.upsert(List.of(paper("d", "Delta", "w"))).added()).isEqualTo(1);
    }

    @Test
    void a_force_merge_leaves_the_asked_segments_and_ranks_exactly_as_before() {
        try (BulkLoader loader = index.bulkLoader(BulkOptions.defaults().withCommitEvery(2))) {
            loader.add(paper("a", "Quantization of language models", "Low-bit weights for large models."));
            loader.add(paper("b", "Graph neural networks", "Message passing on graphs."));
            loader.add(paper("c", "Quantization-aware training", "Fake quantization of activations in training."));
            loader.add(paper("d", "Language models as graphs", "Graphs of tokens and their models."));
            loader.add(paper("e", "Post-training quantization", "Quantize once trained, no data needed."));
            loader.finish();
        }
        SearchQuery query = SearchQuery.of("quantization language models graphs");
        List<LuceneIndex.Ranked> before = index.rank(query);
        // Asking for more segments than there are merges nothing, and tells how many there are.
        assertThat(index.forceMerge(100)).isGreaterThan(1);

        assertThat(index.forceMerge(1)).isEqualTo(1);

        assertThat(index.rank(query)).isEqualTo(before);
        assertThat(index.size()).isEqualTo(5);
        assertThatThrownBy(() -> index.forceMerge(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_paper_the_index_cannot_hold_fails_the_whole_batch_and_changes_nothing() {
        index.upsert(List.of(paper("a", "Alpha", "x")));
        Paper tooLong = paper("x".repeat(PaperDocuments.MAX_EXACT_LENGTH + 1), "Too long", "y");

        assertThatThrownBy(() -> index.upsert(List.of(paper("b", "Beta", "y"), tooLong)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(index.size()).isEqualTo(1);
        index.upsert(List.of(paper("c", "Gamma", "z")));
        assertThat(index.find(new PaperId("b"))).isEmpty();
    }

    @Test
    void an_author_search_ignores_accents_case_and_spacing_but_not_other_names() {
        index.upsert(List.of(
                paper("a", "Sorting", "x").withAuthors(List.of("José  Müller")),
                paper("b", "Sorting", "y").withAuthors(List.of("Josef Muller"))));

        for (String name : List.of("jose muller", "JOSÉ MÜLLER", " José Müller ")) {
            assertThat(index.search(SearchQuery.of(name).withField(SearchQuery.Field.AUTHORS)).hits())
                    .as(name).extracting(h -> h.paper().id().value()).containsExactly("a");
        }
        assertThat(index.search(SearchQuery.of("jos* muller").withField(SearchQuery.Field.AUTHORS)).hits()).isEmpty();
    }
}
