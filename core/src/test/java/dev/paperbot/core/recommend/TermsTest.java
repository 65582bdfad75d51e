package dev.paperbot.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermsTest {

    private static Paper paper(String title, String abs) {
        return Paper.of(new PaperId("2401.00001"), title, abs);
    }

    @Test
    void terms_are_lower_cased_content_words_without_stop_words_or_short_ones() {
        assertThat(Terms.of(paper("Quantization of LLMs", "We study 4-bit quantization, in 2024; naïve GPTQ.")))
                .containsExactlyInAnyOrder("quantization", "llms", "study", "bit", "2024", "naïve", "gptq");
    }

    @Test
    void the_fast_overlap_agrees_with_counting_words_on_random_texts() {
        Random random = new Random(7);
        String[] vocabulary = new String[300];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = "w" + Integer.toString(i * 7919, 36) + (i % 3 == 0 ? "é" : "");
        }
        for (int round = 0; round < 200; round++) {
            Set<String> a = Terms.of(paper("t", text(random, vocabulary)));
            Set<String> b = Terms.of(paper("t", text(random, vocabulary)));
            Set<String> union = new HashSet<>(a);
            union.addAll(b);
            Set<String> common = new HashSet<>(a);
            common.retainAll(b);
            double expected = union.isEmpty() ? 0 : (double) common.size() / union.size();
            assertThat(Terms.jaccard(a, b)).isCloseTo(expected, within(1e-12));
            assertThat(Terms.jaccard(a, Set.copyOf(b))).isCloseTo(expected, within(1e-12));
        }
        assertThat(Terms.jaccard(Set.of(), Terms.of(paper("some words", "")))).isZero();
    }

    @Test
    void the_overlap_of_mixed_case_accented_and_astral_words_agrees_with_counting_words() {
        Random random = new Random(11);
        String[] vocabulary = {"The", "THE", "the", "Using", "USING", "using", "of", "OF", "Ab", "abc", "ABC", "Abc",
            "naïve", "NAÏVE", "Straße", "STRASSE", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "𐐀𐐁𐐂", "𐐨𐐩𐐪", "x1", "x12", "X12", "2024", "İstanbul",
            "ǅemal", "between", "Between", "approaches", "methods", "method"};
        for (int round = 0; round < 300; round++) {
            Set<String> a = Terms.of(paper("t " + text(random, vocabulary), text(random, vocabulary)));
            Set<String> b = Terms.of(paper("t", text(random, vocabulary)));
            Set<String> union = new HashSet<>(a);
            union.addAll(b);
            Set<String> common = new HashSet<>(a);
            common.retainAll(b);
            double expected = union.isEmpty() ? 0 : (double) common.size() / union.size();
            assertThat(Terms.jaccard(a, b)).isCloseTo(expected, within(1e-12));
            assertThat(a.isEmpty()).isEqualTo(Set.copyOf(a).isEmpty());
        }
    }

    private static String text(Random random, String[] vocabulary) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(80); i > 0; i--) {
            sb.append(vocabulary[random.nextInt(vocabulary.length)]).append(random.nextBoolean() ? " " : ", ");
        }
        return sb.toString();
    }
}
