package dev.paperbot.index.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): each ranking gives a document
 * {@code 1 / (k + rank)}, and the sums decide. It uses ranks only, so BM25 scores (unbounded, query-dependent) and
 * cosine similarities need no calibration against each other, which is what makes it hold on collections it was
 * never tuned on. {@code k = 60} is the paper's constant; on SciFact k from 10 to 100 and depths from 50 to 1000
 * all landed within 0.005 nDCG@10 of each other (BENCHMARKS.md).
 */
final class RankFusion {

    /** The constant of the original paper. */
    static final int K = 60;

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

    /** Fuses a word ranking and a meaning ranking, keeping the best {@code n}; ties keep the word ranking's order. */
    static Fused fuse(ScoreDoc[] words, ScoreDoc[] meaning, int n) {
        Map<Integer, float[]> scores = new HashMap<>();
        List<Integer> order = new ArrayList<>();
        add(words, scores, order);
        add(meaning, scores, order);
        Map<Integer, Integer> wordRank = new HashMap<>();
        for (int rank = 0; rank < words.length; rank++) {
            wordRank.putIfAbsent(words[rank].doc, rank);
        }
        BitSet semantic = new BitSet();
        for (int rank = 0; rank < meaning.length; rank++) {
            if (rank < wordRank.getOrDefault(meaning[rank].doc, Integer.MAX_VALUE)) {
                semantic.set(meaning[rank].doc);
            }
        }
        Integer[] docs = order.toArray(Integer[]::new);
        // Stable sort: equal sums keep first-seen order, i.e. the word ranking wins ties.
        Arrays.sort(docs, (a, b) -> Float.compare(scores.get(b)[0], scores.get(a)[0]));
        ScoreDoc[] ranked = new ScoreDoc[Math.min(n, docs.length)];
        for (int i = 0; i < ranked.length; i++) {
            ranked[i] = new ScoreDoc(docs[i], scores.get(docs[i])[0]);
        }
        return new Fused(ranked, semantic);
    }

    private static void add(ScoreDoc[] ranking, Map<Integer, float[]> scores, List<Integer> order) {
        for (int rank = 0; rank < ranking.length; rank++) {
            float[] score = scores.get(ranking[rank].doc);
            if (score == null) {
                score = new float[1];
                scores.put(ranking[rank].doc, score);
                order.add(ranking[rank].doc);
            }
            score[0] += 1f / (K + rank + 1);
        }
    }
}
