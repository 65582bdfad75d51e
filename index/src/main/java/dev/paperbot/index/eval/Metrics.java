package dev.paperbot.index.eval;

import java.util.List;
import java.util.Map;

/**
 * Ranking metrics computed as trec_eval computes them: the ranking is taken as given; a document's gain is its
 * judged grade (0 when unjudged); relevant means a grade above 0.
 */
public final class Metrics {

    private Metrics() {
    }

    /**
     * nDCG@k with graded gains and a log2(rank + 1) discount. The ideal ranking is made from the query's
     * judgements, not from the retrieved documents; a query without relevant documents scores 0.
     */
    public static double ndcg(List<String> ranking, Map<String, Integer> judged, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            dcg += gain(judged.get(ranking.get(i))) / log2(i + 2);
        }
        List<Integer> ideal = judged.values().stream().filter(g -> g > 0)
                .sorted(java.util.Comparator.reverseOrder()).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** Share of the relevant documents found in the first k. */
    public static double recall(List<String> ranking, Map<String, Integer> judged, int k) {
        long relevant = judged.values().stream().filter(g -> g > 0).count();
        if (relevant == 0) {
            return 0;
        }
        long found = ranking.stream().limit(k).filter(id -> gain(judged.get(id)) > 0).count();
        return (double) found / relevant;
    }

    /** Reciprocal rank of the first relevant document within the first k, 0 when there is none. */
    public static double reciprocalRank(List<String> ranking, Map<String, Integer> judged, int k) {
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (gain(judged.get(ranking.get(i))) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double gain(Integer grade) {
        return grade == null || grade < 0 ? 0 : grade;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
