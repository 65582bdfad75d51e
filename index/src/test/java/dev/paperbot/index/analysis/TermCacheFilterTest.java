package dev.paperbot.index.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.index.analysis.PaperAnalyzer.Stemmer;
import dev.paperbot.index.analysis.PaperAnalyzer.Tokenization;
import dev.paperbot.index.document.PaperFields;
import dev.paperbot.index.testing.RandomText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.junit.jupiter.api.Test;

/** The cached chain gives exactly what the same filters give without the cache. */
class TermCacheFilterTest {

    @Test
    void cached_analysis_gives_the_same_tokens_as_the_plain_filters() {
        RandomText random = new RandomText(7L);
        List<String> texts = new ArrayList<>(List.of(
                "The state-of-the-art models of the art, and THE Models' results; pre-training isn't it.",
                "a an the of", "of the", "", "   ", "LLMs (LLM) LoRA's GPT-4 IL-6 naïve Naïve NAÏVE",
                "to be or not to be: that is the question", "It's the model's and the models' training"));
        for (int i = 0; i < 300; i++) {
            texts.add(random.next(200));
            texts.add(random.nextAsciiWords(300));
        }
        for (Tokenization tokenization : Tokenization.values()) {
            for (Stemmer stemmer : Stemmer.values()) {
                Analyzer cached = new PaperAnalyzer(tokenization, stemmer).withWordCache();
                Analyzer plain = plain(tokenization, stemmer);
                // Twice: the first time fills the cache, the second reads it.
                for (int round = 0; round < 2; round++) {
                    for (String text : texts) {
                        assertThat(tokens(cached, text)).as("%s %s: %s", tokenization, stemmer, text)
                                .isEqualTo(tokens(plain, text));
                    }
                }
            }
        }
    }

    @Test
    void a_full_cache_keeps_giving_the_same_tokens() {
        Random random = new Random(11L);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < TermCacheFilter.SLOTS * 3; i++) {
            int length = 1 + random.nextInt(20);
            for (int c = 0; c < length; c++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            text.append(random.nextInt(10) == 0 ? " the " : " ");
        }
        Analyzer cached = new PaperAnalyzer().withWordCache();
        Analyzer plain = new PaperAnalyzer();
        assertThat(tokens(cached, text.toString())).isEqualTo(tokens(plain, text.toString()));
        assertThat(tokens(cached, text.toString())).isEqualTo(tokens(plain, text.toString()));
    }

    /** The chain spelled out filter by filter, as it was before the cache. */
    private static Analyzer plain(Tokenization tokenization, Stemmer stemmer) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = tokenization == Tokenization.STANDARD ? new StandardTokenizer()
                        : new WhitespaceTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(source);
                stream = tokenization == Tokenization.STANDARD ? new EnglishPossessiveFilter(stream)
                        : new WordPartsFilter(stream);
                stream = new LowerCaseFilter(stream);
                stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                stream = switch (stemmer) {
                    case NONE -> stream;
                    case MINIMAL -> new EnglishMinimalStemFilter(stream);
                    case KSTEM -> new KStemFilter(stream);
                    case PORTER -> new PorterStemFilter(stream);
                };
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** Every token with its term, position increment and length and offsets, then the end state. */
    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(PaperFields.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + " +" + increment.getPositionIncrement() + " x" + length.getPositionLength() + " "
                        + offset.startOffset() + "-" + offset.endOffset());
            }
            stream.end();
            tokens.add("end +" + increment.getPositionIncrement() + " " + offset.endOffset());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
