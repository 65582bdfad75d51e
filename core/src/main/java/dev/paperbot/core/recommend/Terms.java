package dev.paperbot.core.recommend;

import dev.paperbot.core.paper.Paper;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/** The content words of a paper, for telling near-copies apart; deliberately crude and cheap. */
final class Terms {

    private static final Set<String> STOP = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "has", "have", "in", "into", "is",
            "it", "its", "of", "on", "or", "our", "that", "the", "their", "these", "this", "to", "we", "which",
            "while", "with", "using", "based", "via", "show", "paper", "propose", "proposed", "approach", "method",
            "methods", "results", "new", "also", "than", "such", "not", "but", "both", "more", "over", "between");

    private Terms() {
    }

    /** FNV-1a: two words of one paper pairs colliding in 64 bits is vanishingly unlikely. */
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** The stop words' hashes, sorted; the longest stop word has this many chars. */
    private static final long[] STOP_HASHES = STOP.stream().mapToLong(Terms::hash).sorted().toArray();
    private static final int LONGEST_STOP = STOP.stream().mapToInt(String::length).max().orElse(0);
    /** 1,024 bits, one set for the top 10 bits of each stop word's hash: a quick "certainly not a stop word". */
    private static final long[] STOP_BITS = new long[16];

    static {
        for (long h : STOP_HASHES) {
            int bit = (int) (h >>> 54);
            STOP_BITS[bit >>> 6] |= 1L << bit;
        }
    }

    /** Lower-cased runs of letters and digits longer than two characters, stop words left out. */
    static Set<String> of(Paper paper) {
        return new TermSet(paper.title(), paper.abstractText());
    }

    /** The words of {@link #of} as a set of strings, the slow way (for the set's view of its words). */
    private static Set<String> words(String title, String abstractText) {
        Set<String> terms = new HashSet<>();
        add(terms, title);
        add(terms, abstractText);
        return terms;
    }

    private static void add(Set<String> terms, String text) {
        StringBuilder word = new StringBuilder(16);
        for (int i = 0; i <= text.length(); ) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(Character.toLowerCase(cp));
            } else if (!word.isEmpty()) {
                String w = word.toString();
                if (w.length() > 2 && !STOP.contains(w)) {
                    terms.add(w);
                }
                word.setLength(0);
            }
            i += Character.charCount(cp);
        }
    }

    /** |a ∩ b| / |a ∪ b|; 0 for two empty sets. */
    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        if (a instanceof TermSet x && b instanceof TermSet y) {
            int common = TermSet.common(x, y);
            return (double) common / (x.hashes.length + y.hashes.length - common);
        }
        int common = slowCommon(a, b);
        return (double) common / (a.size() + b.size() - common);
    }

    private static int slowCommon(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int common = 0;
        for (String t : small) {
            if (large.contains(t)) {
                common++;
            }
        }
        return common;
    }

    /**
     * The hashes of the words of {@link #of}, sorted and distinct, computed in one pass over the text without making
     * a string per word: every candidate of every topic search goes through here.
     */
    private static long[] hashes(String... texts) {
        long[] out = new long[128];
        int n = 0;
        for (String s : texts) {
            // A char array: indexing it is several times cheaper than String.charAt in this loop.
            char[] text = s.toCharArray();
            long h = FNV_OFFSET;
            int chars = 0;
            int length = text.length;
            for (int i = 0; i <= length; ) {
                int cp;
                char c = i < length ? text[i] : ' ';
                if (c < 0x80) {
                    int lower = c | 0x20;
                    if (lower >= 'a' && lower <= 'z' || c >= '0' && c <= '9') {
                        h = (h ^ (c >= 'A' && c <= 'Z' ? lower : c)) * FNV_PRIME;
                        chars++;
                        i++;
                        continue;
                    }
                    cp = c;
                } else {
                    cp = Character.codePointAt(text, i);
                }
                if (Character.isLetterOrDigit(cp)) {
                    int lower = Character.toLowerCase(cp);
                    if (Character.isBmpCodePoint(lower)) {
                        h = (h ^ lower) * FNV_PRIME;
                        chars++;
                    } else {
                        h = (h ^ Character.highSurrogate(lower)) * FNV_PRIME;
                        h = (h ^ Character.lowSurrogate(lower)) * FNV_PRIME;
                        chars += 2;
                    }
                } else if (chars > 0) {
                    if (chars > 2 && !(chars <= LONGEST_STOP && isStop(h))) {
                        if (n == out.length) {
                            out = Arrays.copyOf(out, n * 2);
                        }
                        out[n++] = h;
                    }
                    h = FNV_OFFSET;
                    chars = 0;
                }
                i += Character.charCount(cp);
            }
        }
        Arrays.sort(out, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || out[i] != out[distinct - 1]) {
                out[distinct++] = out[i];
            }
        }
        return Arrays.copyOf(out, distinct);
    }

    /** Whether a word's hash is a stop word's: most words are ruled out by one bit of {@link #STOP_BITS}. */
    private static boolean isStop(long hash) {
        int bit = (int) (hash >>> 54);
        return (STOP_BITS[bit >>> 6] & (1L << bit)) != 0 && Arrays.binarySearch(STOP_HASHES, hash) >= 0;
    }

    /** The hash of one word, as {@link #hashes} computes it. */
    private static long hash(String w) {
        long h = FNV_OFFSET;
        for (int k = 0; k < w.length(); k++) {
            h = (h ^ w.charAt(k)) * FNV_PRIME;
        }
        return h;
    }

    /**
     * A paper's terms as their 64-bit hashes, sorted: MMR compares every candidate with every other, and a merge
     * over two sorted arrays is many times faster than probing a hash set word by word. The words themselves are
     * only made when the set is read as strings.
     */
    private static final class TermSet extends AbstractSet<String> {
        private final String title;
        private final String abstractText;
        private final long[] hashes;
        private Set<String> words;

        TermSet(String title, String abstractText) {
            this.title = title;
            this.abstractText = abstractText;
            this.hashes = hashes(title, abstractText);
        }

        static int common(TermSet a, TermSet b) {
            long[] x = a.hashes;
            long[] y = b.hashes;
            int i = 0;
            int j = 0;
            int common = 0;
            // Without branches on the hashes' order, which no processor can predict.
            while (i < x.length && j < y.length) {
                long p = x[i];
                long q = y[j];
                common += p == q ? 1 : 0;
                i += p <= q ? 1 : 0;
                j += p >= q ? 1 : 0;
            }
            return common;
        }

        private synchronized Set<String> words() {
            if (words == null) {
                words = Set.copyOf(Terms.words(title, abstractText));
            }
            return words;
        }

        @Override
        public boolean isEmpty() {
            return hashes.length == 0;
        }

        @Override
        public boolean contains(Object o) {
            return words().contains(o);
        }

        @Override
        public Iterator<String> iterator() {
            return words().iterator();
        }

        @Override
        public int size() {
            return words().size();
        }

        @Override
        public String toString() {
            return Arrays.toString(words().toArray());
        }
    }
}
