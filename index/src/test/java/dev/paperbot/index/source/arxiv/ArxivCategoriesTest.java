package dev.paperbot.index.source.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArxivCategoriesTest {

    @Test
    void every_category_of_the_taxonomy_is_known_in_its_spelling_and_in_any_case() {
        assertThat(ArxivCategories.all()).hasSize(155).doesNotHaveDuplicates()
                .startsWith("cs.AI", "cs.AR").contains("cs.SY", "math.ST", "hep-th", "cond-mat.str-el", "q-fin.TR")
                .endsWith("stat.TH");
        for (String category : ArxivCategories.all()) {
            assertThat(ArxivCategories.categoryOrArchive(category)).isEqualTo(category);
            assertThat(ArxivCategories.categoryOrArchive(category.toUpperCase(Locale.ROOT))).isEqualTo(category);
            assertThat(ArxivCategories.categoryOrArchive(" " + category.toLowerCase(Locale.ROOT))).isEqualTo(category);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cs.LG", "stat.ML", "cs.DL", "cs.IR", "hep-th", "hep-ex", "math.QA", "math.AT", "q-bio.BM",
        "cond-mat.str-el", "math-ph", "math.MP", "quant-ph", "gr-qc", "physics.hist-ph", "astro-ph.GA", "nlin.CD",
        "eess.SP", "econ.EM", "q-fin.ST", "nucl-th", "math.CO", "cs.CG"})
    void the_spellings_of_the_real_feeds_are_known(String category) {
        assertThat(ArxivCategories.isKnown(category)).isTrue();
        assertThat(ArxivCategories.categoryOrArchive(category)).isEqualTo(category);
    }

    @ParameterizedTest
    @CsvSource({"cs, cs", "MATH, math", "hep-th, hep-th", "physics, physics", "Q-Bio, q-bio", "astro-ph, astro-ph"})
    void whole_archives_are_known(String given, String archive) {
        assertThat(ArxivCategories.categoryOrArchive(given)).isEqualTo(archive);
        assertThat(ArxivCategories.archive(given)).isEqualTo(archive);
    }

    @Test
    void an_archive_is_not_a_category_and_an_unknown_one_lists_them() {
        assertThatThrownBy(() -> ArxivCategories.archive("cs.LG")).hasMessage("'cs.LG' is not an arXiv archive"
                + " (cs, econ, eess, math, astro-ph, cond-mat, gr-qc, hep-ex, hep-lat, hep-ph, hep-th, math-ph, nlin,"
                + " nucl-ex, nucl-th, physics, quant-ph, q-bio, q-fin, stat)");
        assertThatThrownBy(() -> ArxivCategories.archive("qbio")).hasMessage(
                "'qbio' is not an arXiv archive: did you mean q-bio?");
    }

    @ParameterizedTest
    @CsvSource({
        "cs_LG, cs.LG", "csLG, cs.LG", "cs LG, cs.LG", "cs-lg, cs.LG", "hepth, hep-th", "astro-ph-ga, astro-ph.GA",
        "cs.ML, stat.ML", "stat.LG, cs.LG", "cs.OC, math.OC", "stat.LM, stat.ML", "cs.LGG, cs.LG",
        "cond-mat.stat-mec, cond-mat.stat-mech", "quant-phh, quant-ph", "chao-dyn, nlin.CD", "cmp-lg, cs.CL"})
    void an_unknown_category_is_refused_with_the_one_obviously_meant(String given, String meant) {
        assertThatThrownBy(() -> ArxivCategories.categoryOrArchive(given))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + given + "' is not an arXiv category: did you mean " + meant + "?");
    }

    @Test
    void without_an_obvious_one_the_refusal_lists_the_archives_categories_or_points_to_the_taxonomy() {
        // cs.LF is one typo from both cs.LG and cs.LO: no guess.
        assertThatThrownBy(() -> ArxivCategories.categoryOrArchive("cs.LF")).hasMessage("'cs.LF' is not an arXiv"
                + " category (cs has AI, AR, CC, CE, CG, CL, CR, CV, CY, DB, DC, DL, DM, DS, ET, FL, GL, GR, GT, HC, IR,"
                + " IT, LG, LO, MA, MM, MS, NA, NE, NI, OH, OS, PF, PL, RO, SC, SD, SE, SI, SY)");
        assertThatThrownBy(() -> ArxivCategories.categoryOrArchive("zz.XX")).hasMessage("'zz.XX' is not an arXiv"
                + " category (such as cs.LG, math.AG or hep-th; the list: https://arxiv.org/category_taxonomy)");
        assertThat(ArxivCategories.closest("cs.ST")).as("math.ST and q-fin.ST").isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"cs.LG, cs", "cs, cs", "hep-th, physics", "astro-ph.GA, physics", "physics.optics, physics",
        "q-fin.ST, q-fin", "econ.EM, econ", "eess.SP, eess", "math-ph, physics", "stat.ML, stat"})
    void each_category_has_its_oai_group(String category, String group) {
        assertThat(ArxivCategories.group(category)).isEqualTo(group);
        assertThat(ArxivCategories.isGroup(group)).isTrue();
    }

    @Test
    void no_two_names_fold_alike_so_a_respelled_name_has_one_meaning() {
        Set<String> folded = new HashSet<>();
        for (String category : ArxivCategories.all()) {
            assertThat(folded.add(category.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""))).as(category).isTrue();
        }
    }

    @Test
    void any_text_is_known_or_refused_in_one_line_that_quotes_it() {
        Random random = new Random(20261128L);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_: &/%\n\u00e9";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int k = 0; k < length; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String given = random.nextInt(4) == 0 ? mutate(random) : text.toString();
            Throwable refused = catchThrowable(() -> ArxivCategories.categoryOrArchive(given));
            if (refused == null) {
                assertThat(ArxivCategories.isKnown(given)).as(given).isTrue();
            } else {
                assertThat(refused).as(given).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("'" + given.strip() + "' is not an arXiv category");
                assertThat(refused.getMessage().replace(given.strip(), "")).as(given).doesNotContain("\n");
            }
        }
    }

    /** A known category with one character changed: the kind of slip a suggestion is for. */
    private static String mutate(Random random) {
        String category = ArxivCategories.all().get(random.nextInt(ArxivCategories.all().size()));
        int at = random.nextInt(category.length());
        return category.substring(0, at) + (char) ('a' + random.nextInt(26)) + category.substring(at + 1);
    }
}
