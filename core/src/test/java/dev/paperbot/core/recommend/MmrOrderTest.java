package dev.paperbot.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.Snippet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MmrOrderTest {

    @Test
    void the_order_computed_on_demand_is_the_full_greedy_order() throws Exception {
        Random random = new Random(3);
        for (int round = 0; round < 50; round++) {
            List<TopicSearches.Candidate> ranked = candidates(random, 2 + random.nextInt(45));
            List<TopicSearches.Candidate> expected = greedy(ranked, 0.7);

            assertThat(new TopicSearches.MmrOrder(ranked, 0.7)).containsExactlyElementsOf(expected);
            // Read a few first, then the rest, from several threads at once: the same order.
            TopicSearches.MmrOrder shared = new TopicSearches.MmrOrder(ranked, 0.7);
            assertThat(shared.get(Math.min(2, ranked.size() - 1))).isSameAs(expected.get(Math.min(2, ranked.size() - 1)));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<TopicSearches.Candidate>>> reads = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    reads.add(pool.submit(() -> new ArrayList<>(shared)));
                }
                for (Future<List<TopicSearches.Candidate>> read : reads) {
                    assertThat(read.get()).containsExactlyElementsOf(expected);
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    /** MMR computed the plain way: all of it at once. */
    private static List<TopicSearches.Candidate> greedy(List<TopicSearches.Candidate> ranked, double lambda) {
        double top = Math.max(ranked.getFirst().hit().score(), 1e-9);
        List<TopicSearches.Candidate> remaining = new ArrayList<>(ranked);
        List<TopicSearches.Candidate> ordered = new ArrayList<>();
        while (!remaining.isEmpty()) {
            TopicSearches.Candidate best = null;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (TopicSearches.Candidate c : remaining) {
                double maxSim = 0;
                for (TopicSearches.Candidate taken : ordered) {
                    maxSim = Math.max(maxSim, Terms.jaccard(c.terms(), taken.terms()));
                }
                double value = lambda * (c.hit().score() / top) - (1 - lambda) * maxSim;
                if (value > bestValue) {
                    bestValue = value;
                    best = c;
                }
            }
            remaining.remove(best);
            ordered.add(best);
        }
        return ordered;
    }

    private static List<TopicSearches.Candidate> candidates(Random random, int n) {
        List<TopicSearches.Candidate> list = new ArrayList<>();
        double score = 10;
        for (int i = 0; i < n; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 5 + random.nextInt(20); w > 0; w--) {
                text.append("word").append(random.nextInt(40)).append(' ');
            }
            Paper paper = Paper.of(new PaperId("p" + i), "title " + i, text.toString());
            score -= random.nextDouble();
            list.add(new TopicSearches.Candidate(new SearchHit(paper, score, Snippet.empty(), List.of(), false),
                    Terms.of(paper)));
        }
        return list;
    }
}
