package dev.paperbot.index.analysis;

import java.util.Objects;
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

/**
 * The one analyzer for paper text, used both to index and to analyse queries, so that both sides meet.
 *
 * <p>The default chain: split on white space; fold to ASCII ({@code naïve} -> {@code naive}, typographic hyphens
 * and apostrophes to plain ones); split words at hyphens and other punctuation while also keeping the joined form
 * ({@code pre-training} -> {@code pre}, {@code training}, {@code pretraining}; {@code IL-6} -> {@code il},
 * {@code 6}, {@code il6}); drop possessive {@code 's}; lower case; drop English stop words; Porter stemming. Case
 * changes inside a word do not split it, so acronyms such as {@code LLMs}, {@code LoRA} or {@code GPT} stay one
 * token ({@code LLMs} and {@code LLM} both become {@code llm}). The last three steps see one word at a time, so
 * an indexing analyzer can cache them ({@link #withWordCache()}).
 */
public final class PaperAnalyzer extends Analyzer {

    /** How text is cut into words. */
    public enum Tokenization {
        /** Unicode word boundaries (Lucene's StandardTokenizer): {@code pre-training} becomes two words only. */
        STANDARD,
        /** White space, then word parts with the joined form kept (the default): {@link WordPartsFilter}. */
        WORD_PARTS
    }

    /** How words are reduced to a common form. */
    public enum Stemmer { NONE, MINIMAL, KSTEM, PORTER }

    private final Tokenization tokenization;
    private final Stemmer stemmer;
    private final boolean wordCache;

    /** The analysis paperbot uses, chosen by measurement (see BENCHMARKS.md). */
    public PaperAnalyzer() {
        this(Tokenization.WORD_PARTS, Stemmer.PORTER);
    }

    /** A variant, for relevance experiments. */
    public PaperAnalyzer(Tokenization tokenization, Stemmer stemmer) {
        this(tokenization, stemmer, false);
    }

    private PaperAnalyzer(Tokenization tokenization, Stemmer stemmer, boolean wordCache) {
        this.tokenization = Objects.requireNonNull(tokenization, "tokenization");
        this.stemmer = Objects.requireNonNull(stemmer, "stemmer");
        this.wordCache = wordCache;
    }

    /**
     * The same analysis, with the word-by-word steps cached per thread ({@link TermCacheFilter}): the same terms for
     * about a third less work, for 512 KB per thread that analyses. Meant for indexing, where a few threads analyse
     * millions of abstracts; searches (many threads, a few words each) do without.
     */
    public PaperAnalyzer withWordCache() {
        return new PaperAnalyzer(tokenization, stemmer, true);
    }

    public Tokenization tokenization() {
        return tokenization;
    }

    public Stemmer stemmer() {
        return stemmer;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source;
        TokenStream stream;
        if (tokenization == Tokenization.STANDARD) {
            source = new StandardTokenizer();
            stream = new ASCIIFoldingFilter(source);
            stream = new EnglishPossessiveFilter(stream);
        } else {
            source = new WhitespaceTokenizer();
            // Folding first turns typographic apostrophes into ASCII ones, so possessives are found.
            stream = new ASCIIFoldingFilter(source);
            stream = new WordPartsFilter(stream);
        }
        // Everything after the split depends on the word alone, so it can be cached.
        stream = wordCache ? new TermCacheFilter(stream, this::wordFilters) : wordFilters(stream);
        return new TokenStreamComponents(source, stream);
    }

    /** Lower case, stop words, stemming: the filters that look at one word at a time. */
    private TokenStream wordFilters(TokenStream word) {
        TokenStream stream = new LowerCaseFilter(word);
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return switch (stemmer) {
            case NONE -> stream;
            case MINIMAL -> new EnglishMinimalStemFilter(stream);
            case KSTEM -> new KStemFilter(stream);
            case PORTER -> new PorterStemFilter(stream);
        };
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(new ASCIIFoldingFilter(in));
    }

    @Override
    public String toString() {
        return "PaperAnalyzer[" + tokenization + ", " + stemmer + (wordCache ? ", word cache" : "") + "]";
    }
}
