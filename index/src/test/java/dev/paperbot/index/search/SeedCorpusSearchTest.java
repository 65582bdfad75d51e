package dev.paperbot.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.index.source.SeedCorpus;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Search quality on the embedded corpus: a handful of topics whose top results must all be on topic. */
class SeedCorpusSearchTest {

    private static LuceneIndex index;

    @BeforeAll
    static void seed() {
        index = PaperIndexes.inMemory(IndexSettings.defaults(), Clock.systemUTC());
        assertThat(SeedCorpus.seedIfEmpty(index)).isEqualTo(227);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static List<Paper> top(String query, int n) {
        return index.search(SearchQuery.of(query, n)).hits().stream().map(SearchHit::paper).toList();
    }

    private static String title(Paper paper) {
        return paper.title().toLowerCase(Locale.ROOT);
    }

    private static String text(Paper paper) {
        return (paper.title() + " " + paper.abstractText()).toLowerCase(Locale.ROOT);
    }

    @Test
    void quantization_top_ten_are_all_quantization_papers() {
        assertThat(top("quantization", 10)).hasSize(10).allSatisfy(p -> assertThat(title(p)).contains("quant"));
    }

    @Test
    void retrieval_augmented_generation_top_five_are_rag_papers() {
        assertThat(top("retrieval-augmented generation", 5))
                .allSatisfy(p -> assertThat(text(p)).containsAnyOf("retrieval-augmented", "retrieval augmented"));
    }

    @Test
    void pruning_llms_top_five_are_about_pruning() {
        assertThat(top("pruning LLMs", 5)).allSatisfy(p -> assertThat(text(p)).contains("prun"));
    }

    @Test
    void domain_adaptation_top_ten_are_about_domain_adaptation() {
        assertThat(top("domain adaptation", 10)).hasSize(10)
                .allSatisfy(p -> assertThat(text(p)).contains("domain").contains("adapt"));
    }

    @Test
    void classifier_free_guidance_top_three_are_about_guidance_in_diffusion() {
        assertThat(top("classifier-free guidance", 3))
                .allSatisfy(p -> assertThat(text(p)).contains("guidance").contains("diffusion"));
    }

    @Test
    void pretraining_pre_training_and_pre_training_with_a_space_find_the_same_papers() {
        Set<String> joined = ids(top("pretraining data", 10));
        Set<String> hyphenated = ids(top("pre-training data", 10));
        Set<String> spaced = ids(top("pre training data", 10));

        // Each spelling finds papers written with the others.
        for (List<Paper> hits : List.of(top("pretraining", 60), top("pre-training", 60), top("pre training", 60))) {
            assertThat(hits).anyMatch(p -> title(p).contains("pretraining"))
                    .anyMatch(p -> title(p).contains("pre-training"));
        }
        // One word, two spellings: the same papers. Two typed words favour papers that write two words.
        assertThat(overlap(joined, hyphenated)).isGreaterThanOrEqualTo(8);
        assertThat(overlap(joined, spaced)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void acronym_and_its_plural_rank_alike() {
        assertThat(ids(top("LLMs quantization", 10))).isEqualTo(ids(top("LLM quantization", 10)));
    }

    @Test
    void snippets_highlight_the_words_that_matched() {
        SearchHit hit = index.search(SearchQuery.of("speculative decoding")).hits().getFirst();
        assertThat(hit.snippet().fragments()).anyMatch(f -> f.highlighted()
                && f.text().toLowerCase(Locale.ROOT).startsWith("speculative"));
        assertThat(hit.matchedTerms()).contains("speculative", "decoding");
    }

    private static Set<String> ids(List<Paper> papers) {
        return papers.stream().map(p -> p.id().value()).collect(Collectors.toSet());
    }

    private static long overlap(Set<String> a, Set<String> b) {
        return a.stream().filter(b::contains).count();
    }
}
