package dev.paperbot.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.SearchQuery;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Search quality with the real embedding model over the embedded corpus (embedded once, see EmbeddedSeed). */
class HybridSearchTest {

    private final LuceneIndex index = EmbeddedSeed.index();

    private List<SearchHit> search(String text, SearchQuery.Mode mode, int limit) {
        return index.search(SearchQuery.of(text, limit).withMode(mode)).hits();
    }

    private static long quantization(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::paper).filter(EmbeddedSeed::aboutQuantization).count();
    }

    @Test
    void every_seed_paper_has_its_vector_and_search_is_hybrid_by_default() {
        EmbeddingProgress progress = index.embedding().orElseThrow();
        assertThat(progress.complete()).isTrue();
        assertThat(progress.papers()).isEqualTo(EmbeddedSeed.papers().size());
        assertThat(index.vectors(EmbeddedSeed.papers().stream().map(Paper::id).toList()))
                .hasSize(EmbeddedSeed.papers().size());
        assertThat(search("quantization", SearchQuery.Mode.AUTO, 10)).anyMatch(SearchHit::semantic);
    }

    @Test
    void a_paraphrase_finds_quantization_papers() {
        // The example: BM25 does well here too, as the abstracts say "LLM", "weights" and "bits".
        assertThat(quantization(search("make LLM weights use fewer bits", SearchQuery.Mode.AUTO, 5)))
                .isGreaterThanOrEqualTo(4);

        // Without those words, BM25 finds one; the meaning finds them.
        String paraphrase = "shrinking numeric precision of neural network parameters";
        List<SearchHit> hybrid = search(paraphrase, SearchQuery.Mode.AUTO, 5);
        List<SearchHit> words = search(paraphrase, SearchQuery.Mode.BM25, 5);
        assertThat(quantization(hybrid)).isGreaterThanOrEqualTo(3).isGreaterThan(quantization(words));
        assertThat(hybrid).anyMatch(SearchHit::semantic);
    }

    @Test
    void a_paraphrase_of_preference_learning_finds_it() {
        assertThat(search("teaching chatbots what people prefer with a learned scorer", SearchQuery.Mode.AUTO, 5))
                .anyMatch(h -> text(h).contains("human feedback") || text(h).contains("preference"));
    }

    @Test
    void an_exact_term_query_stays_as_precise_as_bm25() {
        List<SearchHit> hybrid = search("quantization", SearchQuery.Mode.AUTO, 10);
        assertThat(hybrid).hasSize(10).allMatch(h -> EmbeddedSeed.aboutQuantization(h.paper()));
        assertThat(hybrid).allMatch(h -> h.matchedTerms().contains("quantization"));
    }

    @Test
    void a_title_query_finds_its_paper_first() {
        for (Paper p : List.of(EmbeddedSeed.papers().get(0), EmbeddedSeed.papers().get(100),
                EmbeddedSeed.papers().get(200))) {
            assertThat(search(p.title(), SearchQuery.Mode.AUTO, 3).getFirst().paper().id())
                    .as("first hit for the title of %s", p.id()).isEqualTo(p.id());
        }
    }

    @Test
    void more_like_this_uses_the_papers_meaning_and_leaves_it_out() {
        Paper awq = EmbeddedSeed.papers().stream().filter(p -> p.title().startsWith("AWQ")).findFirst().orElseThrow();
        List<SearchHit> similar = index.similar(awq.id(), 5, Set.of());

        assertThat(similar).extracting(h -> h.paper().id()).doesNotContain(awq.id());
        assertThat(quantization(similar)).isGreaterThanOrEqualTo(4);
        assertThat(similar).anyMatch(SearchHit::semantic);
    }

    @Test
    void papers_like_several_examples_and_a_filter() {
        List<Paper> quantized = EmbeddedSeed.papers().stream().filter(EmbeddedSeed::aboutQuantization).limit(2)
                .toList();
        Set<PaperId> examples = Set.of(quantized.get(0).id(), quantized.get(1).id());
        PaperId excluded = search("quantization", SearchQuery.Mode.AUTO, 3).stream().map(h -> h.paper().id())
                .filter(id -> !examples.contains(id)).findFirst().orElseThrow();

        List<SearchHit> like = index.search(SearchQuery.like(examples, 5).withExcluded(Set.of(excluded))).hits();

        assertThat(like).extracting(h -> h.paper().id()).doesNotContainAnyElementsOf(examples)
                .doesNotContain(excluded);
        assertThat(quantization(like)).isGreaterThanOrEqualTo(4);
    }

    @Test
    void bm25_mode_never_uses_vectors() {
        assertThat(search("make LLM weights use fewer bits", SearchQuery.Mode.BM25, 10)).noneMatch(SearchHit::semantic);
    }

    @Test
    void rank_matches_search() {
        SearchQuery q = SearchQuery.of("efficient attention for long sequences", 10);
        assertThat(index.rank(q)).extracting(LuceneIndex.Ranked::id)
                .containsExactlyElementsOf(index.search(q).hits().stream().map(h -> h.paper().id()).toList());
    }

    private static String text(SearchHit h) {
        return (h.paper().title() + " " + h.paper().abstractText()).toLowerCase(java.util.Locale.ROOT);
    }
}
