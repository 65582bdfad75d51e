package dev.paperbot.index.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperbot.core.search.Embedder;
import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.index.TemporaryDirectory;
import dev.paperbot.index.search.BulkOptions;
import dev.paperbot.index.search.IndexSettings;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.search.PaperIndexes;
import dev.paperbot.index.search.SemanticSettings;
import dev.paperbot.index.source.PaperFormat;
import dev.paperbot.index.source.PaperImport;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Evaluates search on a BEIR collection ({@code corpus.jsonl}, {@code queries.jsonl}, {@code qrels/test.tsv}):
 * indexes the corpus into a temporary index through the same import path as {@code paperbot import}, runs every
 * query that has relevant judgements through the same query path as {@code paperbot search}, and averages the
 * metrics over those queries. As in BEIR, a document with the query's own id is left out of its ranking.
 *
 * <p>In {@link SearchQuery.Mode#HYBRID} mode every document is embedded (through whatever cache the given
 * {@link Embedder} has) before the queries run, and each query fuses BM25 with the nearest neighbours of its
 * embedding, exactly as the bot's searches do once its index is embedded.
 */
public final class BeirEvaluation {

    /** Documents retrieved per query: enough for Recall@100. */
    static final int DEPTH = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What an evaluation measured.
     *
     * @param ndcg10    mean nDCG@10
     * @param recall100 mean Recall@100
     * @param mrr10     mean reciprocal rank, cut at 10
     * @param queries   queries evaluated (those with at least one relevant document)
     * @param documents documents indexed
     * @param indexing  time to build the index
     * @param searching time to run all queries
     * @param mode      how the queries were ranked ({@code BM25} or {@code HYBRID})
     * @param embedding time to embed the documents (zero in BM25 mode)
     * @param embedded  documents given a vector (computed by the model, or found in its cache)
     * @param latencies time each query took (ranking its top 101, query embedding included), in order
     */
    public record Result(double ndcg10, double recall100, double mrr10, int queries, long documents,
            Duration indexing, Duration searching, SearchQuery.Mode mode, Duration embedding, long embedded,
            List<Duration> latencies) {

        public Result {
            latencies = List.copyOf(latencies);
        }

        /** The {@code p}-th percentile (0-100) of the query latencies, nearest rank. */
        public Duration latency(double p) {
            if (latencies.isEmpty()) {
                return Duration.ZERO;
            }
            List<Duration> sorted = latencies.stream().sorted().toList();
            int rank = (int) Math.ceil(p / 100 * sorted.size());
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
        }
    }

    /**
     * How to rank.
     *
     * @param mode     {@code BM25} (words only) or {@code HYBRID} (words and meaning fused)
     * @param embedder the embedding model for {@code HYBRID}
     * @param progress   told how many documents were embedded so far
     * @param fusionK    reciprocal rank fusion's constant (hybrid)
     * @param depth      papers taken from each ranking before fusion (hybrid)
     * @param checkpoint run between steps (after each batch of embedded documents, before each query); it may
     *                   throw to end the evaluation there (the command line does on Ctrl-C)
     */
    public record Options(SearchQuery.Mode mode, Optional<Embedder> embedder, LongConsumer progress, int fusionK,
            int depth, Runnable checkpoint) {

        public Options {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(embedder, "embedder");
            Objects.requireNonNull(progress, "progress");
            Objects.requireNonNull(checkpoint, "checkpoint");
            if (mode == SearchQuery.Mode.AUTO) {
                throw new IllegalArgumentException("an evaluation ranks by BM25 or HYBRID, not AUTO");
            }
            if (mode == SearchQuery.Mode.HYBRID && embedder.isEmpty()) {
                throw new IllegalArgumentException("HYBRID needs an embedding model");
            }
        }

        public static Options bm25() {
            return new Options(SearchQuery.Mode.BM25, Optional.empty(), n -> { }, SemanticSettings.DEFAULT_FUSION_K,
                    SemanticSettings.DEFAULT_DEPTH, () -> { });
        }

        public static Options hybrid(Embedder embedder, LongConsumer progress) {
            return new Options(SearchQuery.Mode.HYBRID, Optional.of(embedder), progress,
                    SemanticSettings.DEFAULT_FUSION_K, SemanticSettings.DEFAULT_DEPTH, () -> { });
        }

        public Options withFusion(int k, int candidates) {
            return new Options(mode, embedder, progress, k, candidates, checkpoint);
        }

        public Options withCheckpoint(Runnable newCheckpoint) {
            return new Options(mode, embedder, progress, fusionK, depth, newCheckpoint);
        }
    }

    private BeirEvaluation() {
    }

    public static Result run(Path collection, IndexSettings settings) throws IOException {
        return run(collection, settings, Options.bm25());
    }

    public static Result run(Path collection, IndexSettings settings, Options options) throws IOException {
        Path qrelsFile = collection.resolve("qrels").resolve("test.tsv");
        Path queriesFile = collection.resolve("queries.jsonl");
        for (Path required : List.of(collection.resolve("corpus.jsonl"), queriesFile, qrelsFile)) {
            if (!Files.isRegularFile(required)) {
                throw new NoSuchFileException(required.toString());
            }
        }
        Qrels qrels = Qrels.load(qrelsFile);
        Map<String, String> queries = loadQueries(queriesFile);
        SemanticSettings semantic = options.embedder()
                .map(e -> new SemanticSettings(Optional.of(e), false, false, options.fusionK(), options.depth()))
                .orElse(SemanticSettings.none());
        try (TemporaryDirectory tmp = TemporaryDirectory.create("paperbot-eval");
                LuceneIndex index = PaperIndexes.open(tmp.path().resolve("index"), settings, Clock.systemUTC(),
                        semantic)) {
            long start = System.nanoTime();
            PaperImport.Report report = PaperImport.run(collection, PaperFormat.BEIR, index, BulkOptions.defaults(),
                    (bytes, papers) -> { });
            Duration indexing = Duration.ofNanos(System.nanoTime() - start);

            start = System.nanoTime();
            long embedded = options.mode() == SearchQuery.Mode.HYBRID ? index.embedPending(n -> {
                options.progress().accept(n);
                options.checkpoint().run();
            }) : 0;
            Duration embedding = Duration.ofNanos(System.nanoTime() - start);

            start = System.nanoTime();
            double ndcg = 0;
            double recall = 0;
            double mrr = 0;
            int evaluated = 0;
            List<Duration> latencies = new java.util.ArrayList<>();
            for (Map.Entry<String, String> query : queries.entrySet()) {
                if (!qrels.hasRelevant(query.getKey())) {
                    continue;
                }
                options.checkpoint().run();
                long queryStart = System.nanoTime();
                List<LuceneIndex.Ranked> ranked = index.rank(
                        SearchQuery.of(query.getValue(), DEPTH + 1).withMode(options.mode()));
                latencies.add(Duration.ofNanos(System.nanoTime() - queryStart));
                List<String> ranking = ranked.stream()
                        .map(r -> r.id().value())
                        .filter(id -> !id.equals(query.getKey()))
                        .limit(DEPTH)
                        .toList();
                Map<String, Integer> judged = qrels.of(query.getKey());
                ndcg += Metrics.ndcg(ranking, judged, 10);
                recall += Metrics.recall(ranking, judged, DEPTH);
                mrr += Metrics.reciprocalRank(ranking, judged, 10);
                evaluated++;
            }
            Duration searching = Duration.ofNanos(System.nanoTime() - start);
            if (evaluated == 0) {
                throw new IllegalArgumentException("no query of " + queriesFile + " has relevant judgements in "
                        + qrelsFile);
            }
            return new Result(ndcg / evaluated, recall / evaluated, mrr / evaluated, evaluated,
                    report.added() + report.replaced(), indexing, searching, options.mode(), embedding, embedded,
                    latencies);
        }
    }

    /** BEIR queries: {@code _id} and {@code text}, one object a line. */
    public static Map<String, String> loadQueries(Path file) throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode q = JSON.readTree(line);
                queries.put(q.path("_id").asText(), q.path("text").asText());
            }
        }
        return queries;
    }
}
