package dev.paperbot.index.search;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): each ranking gives a document
 * {@code 1 / (k + rank)}, and the sums decide. It uses ranks only, so BM25 scores (unbounded, query-dependent) and
 * cosine similarities need no calibration against each other, which is what makes it hold on collections it was
 * never tuned on. {@code k = 60} is the paper's constant ({@link SemanticSettings#DEFAULT_FUSION_K}); the sweep in
 * BENCHMARKS.md shows how little k and the depth matter on SciFact.
 */
final class RankFusion {

    /**
     * A fused ranking.
     *
     * @param ranked   documents, best first, with their fused scores
     * @param semantic the documents (by doc id) that the meaning ranking placed higher than the word ranking did
     *                 (or found alone): meaning, more than words, is why they are there
     */
    record Fused(ScoreDoc[] ranked, BitSet semantic) {
    }

    private RankFusion() {
    }

    /**
     * Fuses a word ranking and a meaning ranking with constant {@code k}, keeping the best {@code n}. Documents with
     * equal scores in a ranking share its rank, and equal sums are ordered by their word score, then their meaning
     * score: the result does not depend on the order in which equal documents happen to lie in the index (which a
     * bulk load on several threads makes vary).
     */
    static Fused fuse(ScoreDoc[] words, ScoreDoc[] meaning, int n, int k) {
        Map<Integer, Float> wordScores = scores(words);
        Map<Integer, Float> meaningScores = scores(meaning);
        Map<Integer, Integer> wordRanks = ranks(words);
        Map<Integer, Integer> meaningRanks = ranks(meaning);
        Map<Integer, Float> fused = new HashMap<>();
        wordRanks.forEach((doc, rank) -> fused.merge(doc, 1f / (k + rank + 1), Float::sum));
        meaningRanks.forEach((doc, rank) -> fused.merge(doc, 1f / (k + rank + 1), Float::sum));
        BitSet semantic = new BitSet();
        meaningRanks.forEach((doc, rank) -> {
            if (rank < wordRanks.getOrDefault(doc, Integer.MAX_VALUE)) {
                semantic.set(doc);
            }
        });
        List<Integer> docs = new ArrayList<>(fused.keySet());
        docs.sort(Comparator.<Integer>comparingDouble(d -> -fused.get(d))
                .thenComparingDouble(d -> -wordScores.getOrDefault(d, Float.NEGATIVE_INFINITY))
                .thenComparingDouble(d -> -meaningScores.getOrDefault(d, Float.NEGATIVE_INFINITY))
                .thenComparingInt(d -> d));
        ScoreDoc[] ranked = new ScoreDoc[Math.min(n, docs.size())];
        for (int i = 0; i < ranked.length; i++) {
            ranked[i] = new ScoreDoc(docs.get(i), fused.get(docs.get(i)));
        }
        return new Fused(ranked, semantic);
    }

    /** Each document's rank (0 = first); equal scores share the rank of the first of them. */
    private static Map<Integer, Integer> ranks(ScoreDoc[] ranking) {
        Map<Integer, Integer> ranks = new HashMap<>();
        for (int i = 0; i < ranking.length; i++) {
            int rank = i > 0 && ranking[i].score == ranking[i - 1].score ? ranks.get(ranking[i - 1].doc) : i;
            ranks.putIfAbsent(ranking[i].doc, rank);
        }
        return ranks;
    }

    private static Map<Integer, Float> scores(ScoreDoc[] ranking) {
        Map<Integer, Float> scores = new HashMap<>();
        for (ScoreDoc sd : ranking) {
            scores.putIfAbsent(sd.doc, sd.score);
        }
        return scores;
    }
}
