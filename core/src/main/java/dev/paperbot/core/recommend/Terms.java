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

    /** Lower-cased runs of letters and digits longer than two characters, stop words left out. */
    static Set<String> of(Paper paper) {
        Set<String> terms = new HashSet<>();
        add(terms, paper.title());
        add(terms, paper.abstractText());
        return new TermSet(terms);
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
     * A paper's terms with their 64-bit hashes sorted: MMR compares every candidate with every other, and a merge
     * over two sorted arrays is many times faster than probing a hash set word by word.
     */
    private static final class TermSet extends AbstractSet<String> {
        private final Set<String> words;
        private final long[] hashes;

        TermSet(Set<String> words) {
            this.words = Set.copyOf(words);
            this.hashes = words.stream().mapToLong(TermSet::hash).sorted().distinct().toArray();
        }

        static int common(TermSet a, TermSet b) {
            long[] x = a.hashes;
            long[] y = b.hashes;
            int i = 0;
            int j = 0;
            int common = 0;
            while (i < x.length && j < y.length) {
                if (x[i] == y[j]) {
                    common++;
                    i++;
                    j++;
                } else if (x[i] < y[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return common;
        }

        /** FNV-1a over the chars: two words of one paper pair colliding is vanishingly unlikely. */
        private static long hash(String w) {
            long h = 0xcbf29ce484222325L;
            for (int k = 0; k < w.length(); k++) {
                h = (h ^ w.charAt(k)) * 0x100000001b3L;
            }
            return h;
        }

        @Override
        public boolean contains(Object o) {
            return words.contains(o);
        }

        @Override
        public Iterator<String> iterator() {
            return words.iterator();
        }

        @Override
        public int size() {
            return words.size();
        }

        @Override
        public String toString() {
            return Arrays.toString(words.toArray());
        }
    }
}
