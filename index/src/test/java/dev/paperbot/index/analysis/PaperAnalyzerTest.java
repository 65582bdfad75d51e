package dev.paperbot.index.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.index.document.PaperFields;
import dev.paperbot.index.testing.RandomText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class PaperAnalyzerTest {

    private static final Analyzer ANALYZER = new PaperAnalyzer();

    static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream(PaperFields.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return terms;
    }

    @Test
    void stems_english_words_to_one_form() {
        assertThat(terms("training trained trains")).containsOnly("train");
        assertThat(terms("quantization quantized")).containsOnly("quantiz");
        assertThat(terms("models model's modeling")).containsOnly("model");
    }

    @Test
    void hyphenated_joined_and_separate_forms_meet() {
        assertThat(terms("pretraining")).containsExactly("pretrain");
        assertThat(terms("pre-training")).contains("pre", "train", "pretrain");
        assertThat(terms("pre training")).containsExactly("pre", "train");
        // Typographic hyphens (U+2010, U+2011) are folded to the ASCII one first.
        assertThat(terms("pre\u2010training")).isEqualTo(terms("pre-training"));
        assertThat(terms("pre\u2011training")).isEqualTo(terms("pre-training"));
        assertThat(terms("fine-tuning")).contains("fine", "tune", "finetun");
    }

    @Test
    void numbers_and_letters_split_and_joined() {
        assertThat(terms("GPT-4")).contains("gpt", "4", "gpt4");
        assertThat(terms("IL-6")).contains("il", "6", "il6");
    }

    @Test
    void acronyms_stay_whole_and_their_plural_meets_the_singular() {
        assertThat(terms("LLMs")).containsExactly("llm");
        assertThat(terms("LLM")).containsExactly("llm");
        assertThat(terms("(LLMs),")).containsExactly("llm");
        assertThat(terms("LoRA")).containsExactly("lora");
        assertThat(terms("GANs")).containsExactly("gan");
        assertThat(terms("BERT")).containsExactly("bert");
    }

    @Test
    void folds_accents_and_case() {
        assertThat(terms("Naïve Bayes")).isEqualTo(terms("naive bayes"));
        assertThat(terms("Schrödinger ÉCOLE")).isEqualTo(terms("schrodinger ecole"));
    }

    @Test
    void drops_possessives_stop_words_and_punctuation() {
        assertThat(terms("the model's output")).containsExactly("model", "output");
        assertThat(terms("the model’s output")).containsExactly("model", "output");
        assertThat(terms("*:* AND ( ) \" -- !!")).isEmpty();
    }

    @Test
    void offsets_cover_the_word_without_surrounding_punctuation() throws IOException {
        String text = "(quantization),";
        try (TokenStream stream = ANALYZER.tokenStream(PaperFields.TEXT, text)) {
            OffsetAttribute offsets = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            assertThat(stream.incrementToken()).isTrue();
            assertThat(text.substring(offsets.startOffset(), offsets.endOffset())).isEqualTo("quantization");
            stream.end();
        }
    }

    @Test
    void any_text_analyses_without_error_and_the_same_way_twice() {
        RandomText random = new RandomText(20261128L);
        for (int i = 0; i < 500; i++) {
            String text = random.next(300);
            List<String> first = terms(text);
            assertThat(terms(text)).as(text).isEqualTo(first);
            assertThat(first).as(text).allSatisfy(term -> assertThat(term).isNotEmpty().isEqualTo(
                    term.toLowerCase(java.util.Locale.ROOT)));
        }
    }

    @Test
    void case_does_not_matter_for_ascii_words() {
        RandomText random = new RandomText(7L);
        for (int i = 0; i < 300; i++) {
            String text = random.nextAsciiWords(100);
            assertThat(terms(text.toUpperCase(java.util.Locale.ROOT))).as(text).isEqualTo(terms(text));
        }
    }
}
