package dev.paperbot.index.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Relevance judgements: for each query, the graded relevance of the documents judged for it. Reads BEIR's
 * {@code qrels/*.tsv} ({@code query-id, corpus-id, score}, tab-separated, with a header row) and TREC qrels
 * ({@code query-id 0 doc-id score}, space-separated, no header).
 */
public record Qrels(Map<String, Map<String, Integer>> judgements) {

    public Qrels {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        judgements.forEach((q, docs) -> copy.put(q, Map.copyOf(docs)));
        judgements = java.util.Collections.unmodifiableMap(copy);
    }

    public static Qrels load(Path file) throws IOException {
        Map<String, Map<String, Integer>> judgements = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 3 && f.length != 4) {
                throw new IllegalArgumentException(file + ", line " + (i + 1) + ": expected 3 or 4 columns");
            }
            int grade;
            try {
                grade = Integer.parseInt(f[f.length - 1]);
            } catch (NumberFormatException e) {
                if (i == 0) {
                    continue; // BEIR's header row
                }
                throw new IllegalArgumentException(file + ", line " + (i + 1) + ": the score is not a number");
            }
            String doc = f.length == 4 ? f[2] : f[1];
            judgements.computeIfAbsent(f[0], q -> new HashMap<>()).put(doc, grade);
        }
        return new Qrels(judgements);
    }

    /** The judgements of one query (empty when it has none). */
    public Map<String, Integer> of(String queryId) {
        return judgements.getOrDefault(queryId, Map.of());
    }

    /** True when at least one document is relevant (grade above 0) to the query. */
    public boolean hasRelevant(String queryId) {
        return of(queryId).values().stream().anyMatch(g -> g > 0);
    }
}
