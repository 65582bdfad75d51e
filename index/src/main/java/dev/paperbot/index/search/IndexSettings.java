package dev.paperbot.index.search;

import dev.paperbot.index.analysis.PaperAnalyzer;
import dev.paperbot.index.analysis.PaperAnalyzer.Stemmer;
import dev.paperbot.index.analysis.PaperAnalyzer.Tokenization;
import java.util.Objects;

/**
 * How the index analyses and ranks. The defaults are what paperbot uses, chosen by measurement (see BENCHMARKS.md);
 * the other values exist for relevance experiments ({@code paperbot eval --k1 ...}).
 *
 * @param k1           BM25 term-frequency saturation
 * @param b            BM25 length normalisation
 * @param titleBoost   weight of a match in the title on top of the match in title+abstract (0: none)
 * @param joinWeight   weight of adjacent query words written as one ({@code pre training} -> {@code pretraining});
 *                     0 turns it off
 * @param tokenization how text is cut into words
 * @param stemmer      how words are reduced to a common form
 */
public record IndexSettings(
        float k1, float b, float titleBoost, float joinWeight, Tokenization tokenization, Stemmer stemmer) {

    /** Robertson's and Lucene's standard BM25 parameters; the sweep in BENCHMARKS.md found no reason to move. */
    public static final float DEFAULT_K1 = 1.2f;
    public static final float DEFAULT_B = 0.75f;
    /** A title match adds 0.3 of a text match: the middle of the plateau (0.2..0.5) measured on SciFact. */
    public static final float DEFAULT_TITLE_BOOST = 0.3f;
    /**
     * Half weight for {@code pre training} -> {@code pretraining}: a rare compound should not outweigh the two
     * words it stands for.
     */
    public static final float DEFAULT_JOIN_WEIGHT = 0.5f;

    public IndexSettings {
        if (!(k1 >= 0 && k1 <= 10)) {
            throw new IllegalArgumentException("k1 must be between 0 and 10, was " + k1);
        }
        if (!(b >= 0 && b <= 1)) {
            throw new IllegalArgumentException("b must be between 0 and 1, was " + b);
        }
        if (!(titleBoost >= 0 && titleBoost <= 100)) {
            throw new IllegalArgumentException("title boost must be between 0 and 100, was " + titleBoost);
        }
        if (!(joinWeight >= 0 && joinWeight <= 1)) {
            throw new IllegalArgumentException("join weight must be between 0 and 1, was " + joinWeight);
        }
        Objects.requireNonNull(tokenization, "tokenization");
        Objects.requireNonNull(stemmer, "stemmer");
    }

    public static IndexSettings defaults() {
        return new IndexSettings(DEFAULT_K1, DEFAULT_B, DEFAULT_TITLE_BOOST, DEFAULT_JOIN_WEIGHT,
                Tokenization.WORD_PARTS, Stemmer.PORTER);
    }

    public IndexSettings withBm25(float newK1, float newB) {
        return new IndexSettings(newK1, newB, titleBoost, joinWeight, tokenization, stemmer);
    }

    public IndexSettings withTitleBoost(float boost) {
        return new IndexSettings(k1, b, boost, joinWeight, tokenization, stemmer);
    }

    public IndexSettings withJoinWeight(float weight) {
        return new IndexSettings(k1, b, titleBoost, weight, tokenization, stemmer);
    }

    public IndexSettings withAnalysis(Tokenization newTokenization, Stemmer newStemmer) {
        return new IndexSettings(k1, b, titleBoost, joinWeight, newTokenization, newStemmer);
    }

    PaperAnalyzer newAnalyzer() {
        return new PaperAnalyzer(tokenization, stemmer);
    }

    /** The same analysis for the index writer: word results cached per indexing thread. */
    PaperAnalyzer newIndexingAnalyzer() {
        return newAnalyzer().withWordCache();
    }
}
