package dev.paperbot.index.analysis;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Runs the word-by-word end of an analysis chain (lower case, stop words, stemming) through a cache: a word seen
 * before gets its term, or is dropped, with one hash look-up instead of three filters. Those filters look at
 * nothing but the word itself, so the cache gives exactly the terms they give; a miss runs the real filters on that
 * one word. Stop words are dropped the way Lucene's {@code StopFilter} drops them: their positions go to the next
 * word, or to the end of the stream.
 *
 * <p>The words of papers follow Zipf's law: a few thousand of them make up most of any text, so a small cache
 * catches most tokens. The cache is one flat array of fixed slots, each holding a word and its term in about one
 * cache line: a look-up is a hash, one memory line and a compare, with no pointer to follow (a hash map of strings
 * costs about as much as the filters it saves). A word replaces whatever its slot held. One cache per chain, and
 * Lucene keeps one chain per thread: no locking; 512 KB per thread.
 */
final class TermCacheFilter extends TokenFilter {

    /** Cache slots; a word goes to one slot by its hash and replaces what was there. */
    static final int SLOTS = 8192;
    /** Chars a slot takes: 64 bytes, about one cache line, so a look-up touches one line and no other object. */
    private static final int SLOT = 32;
    /** Longest word, and longest term, a slot holds; longer words (rare) always go through the filters. */
    static final int MAX_WORD = 15;
    /** Slot layout: word length + 1 (0: empty), term length + 1 (0: dropped), the word, the term. */
    private static final int WORD = 2;
    private static final int TERM = WORD + MAX_WORD;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final char[] slots = new char[SLOTS * SLOT];
    private final OneWord word = new OneWord();
    private final TokenStream filters;
    private final CharTermAttribute filtered;
    /** Positions of dropped words, added to the next word's increment. */
    private int carried;

    /**
     * @param input   the words
     * @param filters builds the word-by-word filters over a stream (they must look at the term text only)
     */
    TermCacheFilter(TokenStream input, UnaryOperator<TokenStream> filters) {
        super(input);
        this.filters = filters.apply(word);
        this.filtered = this.filters.getAttribute(CharTermAttribute.class);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (input.incrementToken()) {
            if (keep()) {
                if (carried != 0) {
                    increment.setPositionIncrement(increment.getPositionIncrement() + carried);
                    carried = 0;
                }
                return true;
            }
            carried += increment.getPositionIncrement();
        }
        return false;
    }

    /** Turns the current word into its term; false when the filters drop it. */
    private boolean keep() throws IOException {
        char[] buffer = term.buffer();
        int length = term.length();
        if (length > MAX_WORD) {
            return filter();
        }
        int slot = (hash(buffer, length) & (SLOTS - 1)) * SLOT;
        if (slots[slot] == length + 1 && Arrays.equals(slots, slot + WORD, slot + WORD + length, buffer, 0, length)) {
            int termLength = slots[slot + 1];
            if (termLength == 0) {
                return false;
            }
            term.copyBuffer(slots, slot + TERM, termLength - 1);
            return true;
        }
        boolean kept = filter();
        if (!kept || term.length() <= MAX_WORD) {
            slots[slot] = (char) (length + 1);
            System.arraycopy(word.chars, 0, slots, slot + WORD, length);
            slots[slot + 1] = (char) (kept ? term.length() + 1 : 0);
            if (kept) {
                System.arraycopy(term.buffer(), 0, slots, slot + TERM, term.length());
            }
        }
        return kept;
    }

    /** The current word through the real filters: its term set, or false when they drop it. */
    private boolean filter() throws IOException {
        word.set(term.buffer(), term.length());
        filters.reset();
        boolean kept = filters.incrementToken();
        if (kept) {
            term.copyBuffer(filtered.buffer(), 0, filtered.length());
        }
        filters.end();
        filters.close();
        return kept;
    }

    private static int hash(char[] chars, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + chars[i];
        }
        // Spread the bits: the low ones choose the slot.
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        return h ^ (h >>> 13);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        carried = 0;
    }

    @Override
    public void end() throws IOException {
        super.end();
        increment.setPositionIncrement(increment.getPositionIncrement() + carried);
        carried = 0;
    }

    /** A stream of one word, fed to the real filters on a cache miss. */
    private static final class OneWord extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private char[] chars = new char[32];
        private int length;
        private boolean done;

        void set(char[] buffer, int len) {
            if (chars.length < len) {
                chars = new char[Math.max(len, chars.length * 2)];
            }
            System.arraycopy(buffer, 0, chars, 0, len);
            length = len;
        }

        @Override
        public boolean incrementToken() {
            if (done) {
                return false;
            }
            clearAttributes();
            term.copyBuffer(chars, 0, length);
            done = true;
            return true;
        }

        @Override
        public void reset() {
            done = false;
        }
    }
}
