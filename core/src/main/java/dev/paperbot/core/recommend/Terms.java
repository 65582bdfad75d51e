package dev.paperbot.core.recommend;

import dev.paperbot.core.paper.Paper;
import java.util.HashSet;
import java.util.Locale;
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

    static Set<String> of(Paper paper) {
        Set<String> terms = new HashSet<>();
        add(terms, paper.title());
        add(terms, paper.abstractText());
        return Set.copyOf(terms);
    }

    private static void add(Set<String> terms, String text) {
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 2 && !STOP.contains(w)) {
                terms.add(w);
            }
        }
    }

    /** |a ∩ b| / |a ∪ b|; 0 for two empty sets. */
    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int common = 0;
        for (String t : small) {
            if (large.contains(t)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }
}
