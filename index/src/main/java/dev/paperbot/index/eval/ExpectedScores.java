package dev.paperbot.index.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Pinned results of an evaluation, as Anserini pins its regressions: for a collection, the number of documents and
 * queries and the expected metrics (4 decimals) with the default settings. A change of analysis or ranking that
 * moves them must update the file, deliberately.
 *
 * @param collection the collection's directory name, such as {@code scifact}
 */
public record ExpectedScores(String collection, long documents, int queries, double ndcg10, double recall100,
        double mrr10) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The pinned scores of a collection, from {@code dev/paperbot/index/eval/NAME.json}, if there are any. */
    public static Optional<ExpectedScores> of(String collection) {
        if (!collection.matches("[A-Za-z0-9._-]+")) {
            return Optional.empty();
        }
        try (InputStream in = ExpectedScores.class.getResourceAsStream(collection + ".json")) {
            if (in == null) {
                return Optional.empty();
            }
            JsonNode e = JSON.readTree(in);
            return Optional.of(new ExpectedScores(collection, e.path("documents").asLong(), e.path("queries").asInt(),
                    e.path("ndcg@10").asDouble(), e.path("recall@100").asDouble(), e.path("mrr@10").asDouble()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the expected scores of " + collection, e);
        }
    }

    /** How a result differs from the pinned one; empty when it matches to 4 decimals. */
    public List<String> differences(BeirEvaluation.Result result) {
        List<String> diffs = new ArrayList<>();
        if (result.documents() != documents) {
            diffs.add("documents: expected " + documents + ", got " + result.documents());
        }
        if (result.queries() != queries) {
            diffs.add("queries: expected " + queries + ", got " + result.queries());
        }
        compare(diffs, "nDCG@10", ndcg10, result.ndcg10());
        compare(diffs, "Recall@100", recall100, result.recall100());
        compare(diffs, "MRR@10", mrr10, result.mrr10());
        return diffs;
    }

    private static void compare(List<String> diffs, String metric, double expected, double actual) {
        if (Math.abs(Math.round(actual * 10_000) / 10_000.0 - expected) > 1e-9) {
            diffs.add(String.format(Locale.ROOT, "%s: expected %.4f, got %.4f", metric, expected, actual));
        }
    }
}
