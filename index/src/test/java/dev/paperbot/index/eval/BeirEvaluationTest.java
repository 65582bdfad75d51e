package dev.paperbot.index.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.index.search.IndexSettings;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class BeirEvaluationTest {

    static Path miniCollection() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(BeirEvaluationTest.class.getResource("/beir-mini")).toURI());
    }

    @Test
    void evaluates_judged_queries_in_a_temporary_index() throws Exception {
        BeirEvaluation.Result result = BeirEvaluation.run(miniCollection(), IndexSettings.defaults());

        // q5 has no judgements; the bad corpus line is skipped.
        assertThat(result.queries()).isEqualTo(4);
        assertThat(result.documents()).isEqualTo(6);
        // Every query finds its document first, except q4, whose own document (same id as the query) is left out
        // as in BEIR: d6 is then first, and the judgement on q4 can never be met.
        assertThat(result.mrr10()).isEqualTo(1.0);
        assertThat(result.recall100()).isEqualTo((1 + 1 + 1 + 0.5) / 4);
    }
}
