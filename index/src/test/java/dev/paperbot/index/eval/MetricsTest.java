package dev.paperbot.index.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metrics checked against values computed by hand, as trec_eval defines them. */
class MetricsTest {

    /** Judgements: d1 grade 2, d2 grade 1, d3 grade 2 (never retrieved), d4 judged not relevant (0). */
    private static final Map<String, Integer> JUDGED = Map.of("d1", 2, "d2", 1, "d3", 2, "d4", 0);

    /** Ranking: rank 1 x (unjudged), 2 d2, 3 d4, 4 d1. */
    private static final List<String> RANKING = List.of("x", "d2", "d4", "d1");

    @Test
    void ndcg_uses_graded_gains_and_an_ideal_ranking_made_from_the_judgements() {
        // DCG  = 1/log2(3) + 2/log2(5) = 0.630930 + 0.861353 = 1.492283
        // IDCG = 2/log2(2) + 2/log2(3) + 1/log2(4) = 2 + 1.261860 + 0.5 = 3.761860 (d3 counts though not retrieved)
        assertThat(Metrics.ndcg(RANKING, JUDGED, 10)).isCloseTo(1.492283 / 3.761860, within(1e-6));
        // Cut at 2: DCG = 0.630930, IDCG = 2 + 1.261860
        assertThat(Metrics.ndcg(RANKING, JUDGED, 2)).isCloseTo(0.630930 / 3.261860, within(1e-6));
    }

    @Test
    void recall_counts_relevant_documents_found_among_all_relevant_ones() {
        assertThat(Metrics.recall(RANKING, JUDGED, 100)).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(Metrics.recall(RANKING, JUDGED, 3)).isCloseTo(1.0 / 3, within(1e-9));
    }

    @Test
    void reciprocal_rank_is_that_of_the_first_relevant_document_within_the_cut() {
        assertThat(Metrics.reciprocalRank(RANKING, JUDGED, 10)).isEqualTo(0.5);
        assertThat(Metrics.reciprocalRank(RANKING, JUDGED, 1)).isZero();
    }

    @Test
    void a_query_without_relevant_documents_scores_zero() {
        Map<String, Integer> none = Map.of("d4", 0);
        assertThat(Metrics.ndcg(RANKING, none, 10)).isZero();
        assertThat(Metrics.recall(RANKING, none, 10)).isZero();
        assertThat(Metrics.reciprocalRank(RANKING, none, 10)).isZero();
    }

    @Test
    void a_perfect_ranking_scores_one() {
        assertThat(Metrics.ndcg(List.of("d1", "d3", "d2"), JUDGED, 10)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void qrels_read_beir_tsv_with_its_header_and_trec_format(@TempDir Path dir) throws IOException {
        Path beir = Files.writeString(dir.resolve("test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t2\nq1\td2\t0\n");
        Path trec = Files.writeString(dir.resolve("qrels.txt"), "q1 0 d1 2\nq2 0 d9 1\n");

        assertThat(Qrels.load(beir).judgements()).isEqualTo(Map.of("q1", Map.of("d1", 2, "d2", 0)));
        assertThat(Qrels.load(trec).of("q2")).isEqualTo(Map.of("d9", 1));
        assertThat(Qrels.load(trec).hasRelevant("q3")).isFalse();
    }
}
