package dev.paperbot.index.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

class RankFusionTest {

    private static ScoreDoc[] ranking(int... docs) {
        ScoreDoc[] r = new ScoreDoc[docs.length];
        for (int i = 0; i < docs.length; i++) {
            r[i] = new ScoreDoc(docs[i], 100 - i);
        }
        return r;
    }

    @Test
    void sums_reciprocal_ranks_and_flags_what_meaning_ranked_higher() {
        // words: 1 2 3; meaning: 3 4 1
        RankFusion.Fused fused = RankFusion.fuse(ranking(1, 2, 3), ranking(3, 4, 1), 10, 60);

        // 1: 1/61 + 1/63; 3: 1/63 + 1/61 (a tie: the word ranking's order wins); 2: 1/62; 4: 1/62.
        assertThat(fused.ranked()).extracting(sd -> sd.doc).containsExactly(1, 3, 2, 4);
        assertThat(fused.ranked()[0].score).isCloseTo(1f / 61 + 1f / 63, within(1e-7f));
        assertThat(fused.ranked()[2].score).isCloseTo(1f / 62, within(1e-7f));
        // 3 and 4 owe their place to meaning; 1 to words (first there); 2 was not found by meaning.
        assertThat(fused.semantic().stream().boxed()).containsExactlyInAnyOrder(3, 4);
    }

    @Test
    void equal_scores_share_a_rank_so_the_order_of_equal_documents_does_not_matter() {
        ScoreDoc[] words = {new ScoreDoc(7, 5f), new ScoreDoc(8, 5f), new ScoreDoc(9, 1f)};
        ScoreDoc[] swapped = {new ScoreDoc(8, 5f), new ScoreDoc(7, 5f), new ScoreDoc(9, 1f)};
        ScoreDoc[] meaning = {new ScoreDoc(9, 0.9f), new ScoreDoc(8, 0.8f), new ScoreDoc(7, 0.7f)};

        RankFusion.Fused a = RankFusion.fuse(words, meaning, 3, 60);
        RankFusion.Fused b = RankFusion.fuse(swapped, meaning, 3, 60);

        assertThat(a.ranked()).extracting(sd -> sd.doc).containsExactly(8, 7, 9);
        assertThat(b.ranked()).extracting(sd -> sd.doc).containsExactly(8, 7, 9);
        assertThat(a.ranked()[0].score).isEqualTo(b.ranked()[0].score).isCloseTo(1f / 61 + 1f / 62, within(1e-7f));
    }

    @Test
    void keeps_the_best_n() {
        assertThat(RankFusion.fuse(ranking(1, 2, 3), ranking(4, 5), 2, 60).ranked()).hasSize(2);
        assertThat(RankFusion.fuse(ranking(), ranking(), 5, 60).ranked()).isEmpty();
    }
}
