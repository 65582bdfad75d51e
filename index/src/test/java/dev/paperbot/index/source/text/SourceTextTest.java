package dev.paperbot.index.source.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Poisson-$\\sigma$-model | Poisson-σ-model",
        "$O(n^2)$ time | O(n^2) time",
        "\\emph{Deep} \\textbf{Learning} | Deep Learning",
        "Schr\\\"odinger and G\\\"{o}del | Schrödinger and Gödel",
        "{\\\"U}ber Erd\\H{o}s | Über Erdős",
        "Fran\\c{c}ois Ca\\~nete \\'Ecole | François Cañete École",
        "Journal de l'\\'Ecole polytechnique - Math\\'ematiques | Journal de l'École polytechnique - Mathématiques",
        "Q&amp;A over &lt;tables&gt; &#233;t&#xE9; | Q&A over <tables> été",
        "R&D costs & benefits | R&D costs & benefits",
        "  leading and trailing \t spaces  | leading and trailing spaces",
        "$\\mathbb{R}^N$ and $\\alpha$-masses, $N\\geq 2$ | ℝ^N and α-masses, N≥ 2",
        "mysterious -- they | mysterious – they",
        "``thinking'' models | “thinking” models",
        "<i>in vivo</i> study<br/>next | in vivo study next",
        "100\\% of \\$5 | 100% of $5",
        "see \\cite{smith2020} for \\href{https://x.org}{details} | see for details",
        "n<k and m>1 | n<k and m>1",
        "A \\mathds{1} B | A 1 B",
    })
    void cleans(String raw, String expected) {
        assertThat(SourceText.clean(raw)).isEqualTo(expected);
    }

    @Test
    void newlines_and_indentation_in_titles_become_one_space() {
        assertThat(SourceText.clean("Excited State Destri - De Vega Equation for Sine-Gordon and Restricted\n  "
                + "Sine-Gordon Models\r\n")).isEqualTo(
                "Excited State Destri - De Vega Equation for Sine-Gordon and Restricted Sine-Gordon Models");
    }

    @Test
    void plain_text_is_returned_as_is() {
        String plain = "Breaking the Memory Barrier: Near Infinite Batch Size Scaling for Contrastive Loss";
        assertThat(SourceText.clean(plain)).isSameAs(plain);
        assertThat(SourceText.clean(null)).isEmpty();
    }

    @Test
    void never_throws_and_never_leaves_markup_or_doubled_spaces_on_random_input() {
        Random random = new Random(42);
        String alphabet = "ab \\$&{}<>;#x\"'`^~=.-\n\tçé1";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(30);
            for (int k = 0; k < length; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String cleaned = SourceText.clean(sb.toString());
            assertThat(cleaned).doesNotContain("  ").doesNotContain("\n").doesNotContain("\\");
            assertThat(cleaned).isEqualTo(cleaned.strip());
        }
    }
}
