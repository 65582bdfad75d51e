package dev.paperbot.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.index.analysis.PaperAnalyzer;
import dev.paperbot.index.embed.CachedEmbedder;
import dev.paperbot.index.eval.BeirEvaluation;
import dev.paperbot.index.eval.ExpectedScores;
import dev.paperbot.index.search.IndexSettings;
import dev.paperbot.index.search.SemanticSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code paperbot eval}: measures search quality on a BEIR collection, in a temporary index. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Indexes a BEIR collection into a temporary index, runs its judged test queries and prints "
                + "nDCG@10, Recall@100 and MRR@10. The tuning options are for relevance experiments. With --mode "
                + "hybrid every document is embedded first (vectors are kept in PAPERBOT_HOME/vector-cache, so "
                + "the next run on the same collection reuses them).")
public final class EvalCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How an evaluation ranks: the two ways a search can. */
    enum Mode {
        BM25(SearchQuery.Mode.BM25), HYBRID(SearchQuery.Mode.HYBRID);

        final SearchQuery.Mode query;

        Mode(SearchQuery.Mode query) {
            this.query = query;
        }
    }

    @ParentCommand
    private Cli.Context context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "bm25",
            description = "bm25 (words only, the default) or hybrid (words and meaning fused).")
    private Mode mode;

    @Option(names = "--beir", required = true, paramLabel = "DIR",
            description = "BEIR collection: corpus.jsonl, queries.jsonl, qrels/test.tsv.")
    private Path collection;

    @Option(names = "--json", description = "Print one JSON object.")
    private boolean json;

    @Option(names = "--verify",
            description = "Compare with the scores pinned for this collection (default settings only); "
                    + "exit 1 when they differ.")
    private boolean verify;

    @Option(names = "--k1", paramLabel = "K1", description = "BM25 k1 (default: " + IndexSettings.DEFAULT_K1 + ").")
    private Float k1;

    @Option(names = "--b", paramLabel = "B", description = "BM25 b (default: " + IndexSettings.DEFAULT_B + ").")
    private Float b;

    @Option(names = "--title-boost", paramLabel = "W",
            description = "Extra weight of title matches (default: " + IndexSettings.DEFAULT_TITLE_BOOST + ").")
    private Float titleBoost;

    @Option(names = "--join-weight", paramLabel = "W",
            description = "Weight of adjacent words joined into one, 0 for none (default: "
                    + IndexSettings.DEFAULT_JOIN_WEIGHT + ").")
    private Float joinWeight;

    @Option(names = "--rrf-k", paramLabel = "K",
            description = "Hybrid: reciprocal rank fusion's constant (default: " + SemanticSettings.DEFAULT_FUSION_K
                    + ").")
    private Integer fusionK;

    @Option(names = "--depth", paramLabel = "N",
            description = "Hybrid: papers taken from each ranking before fusion (default: "
                    + SemanticSettings.DEFAULT_DEPTH + ").")
    private Integer depth;

    @Option(names = "--tokenization", paramLabel = "T", description = "${COMPLETION-CANDIDATES}.")
    private PaperAnalyzer.Tokenization tokenization;

    @Option(names = "--stemmer", paramLabel = "S", description = "${COMPLETION-CANDIDATES}.")
    private PaperAnalyzer.Stemmer stemmer;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(collection)) {
            throw new Cli.UserError("not a directory: " + collection);
        }
        if (mode == Mode.BM25 && (fusionK != null || depth != null)) {
            throw new Cli.UserError("--rrf-k and --depth are for --mode hybrid");
        }
        if (fusionK != null && (fusionK < 1 || fusionK > 1000) || depth != null && (depth < 10 || depth > 10_000)) {
            throw new Cli.UserError("--rrf-k must be 1 to 1000 and --depth 10 to 10000");
        }
        IndexSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        BeirEvaluation.Result r;
        String vectors = "";
        // Ctrl-C or SIGTERM: stop after the batch or query in flight, and only then exit (no embedding running).
        try (StopSignals.Foreground stop = StopSignals.foreground()) {
            if (mode == Mode.HYBRID) {
                CachedEmbedder model = EmbedCommand.loadModel(context,
                        "--mode hybrid needs the embedding model, which is not available");
                try (model; ProgressBar bar = embeddingBar(collection)) {
                    stop.check();
                    r = BeirEvaluation.run(collection, settings, BeirEvaluation.Options.hybrid(model, bar::stepTo)
                            .withFusion(fusionK == null ? SemanticSettings.DEFAULT_FUSION_K : fusionK,
                                    depth == null ? SemanticSettings.DEFAULT_DEPTH : depth)
                            .withCheckpoint(stop::check));
                }
                vectors = String.format(Locale.ROOT, "%nembedded %d documents in %.1f s (%d by the model, %d from"
                        + " the vector cache)", r.embedded(), r.embedding().toMillis() / 1000.0, model.computed(),
                        model.reused());
            } else {
                r = BeirEvaluation.run(collection, settings, BeirEvaluation.Options.bm25().withCheckpoint(stop::check));
            }
        }
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("ndcg@10", round(r.ndcg10()));
            o.put("recall@100", round(r.recall100()));
            o.put("mrr@10", round(r.mrr10()));
            o.put("queries", r.queries());
            o.put("mode", mode.name().toLowerCase(Locale.ROOT));
            o.put("latency_p50_ms", round(r.latency(50).toNanos() / 1e6));
            o.put("latency_p99_ms", round(r.latency(99).toNanos() / 1e6));
            out.println(JSON.writeValueAsString(o));
        } else {
            out.printf(Locale.ROOT, "%s: %d queries, %d documents (indexed in %.1f s, searched in %.1f s)%s%n",
                    collection.toAbsolutePath().normalize().getFileName(), r.queries(), r.documents(),
                    r.indexing().toMillis() / 1000.0, r.searching().toMillis() / 1000.0, vectors);
            out.printf(Locale.ROOT, "nDCG@10     %.4f%nRecall@100  %.4f%nMRR@10      %.4f%n",
                    r.ndcg10(), r.recall100(), r.mrr10());
            out.printf(Locale.ROOT, "query latency p50 %.1f ms, p99 %.1f ms (ranking the top 101, one pass)%n",
                    r.latency(50).toNanos() / 1e6, r.latency(99).toNanos() / 1e6);
            out.println("mode: " + mode.name().toLowerCase(Locale.ROOT) + (mode == Mode.HYBRID
                    ? " (rrf k " + (fusionK == null ? SemanticSettings.DEFAULT_FUSION_K : fusionK) + ", depth "
                    + (depth == null ? SemanticSettings.DEFAULT_DEPTH : depth) + ")" : "") + ", settings: " + settings);
        }
        if (verify) {
            return verify(out, r, settings);
        }
        out.flush();
        return 0;
    }

    /** Embedding a collection takes minutes: show how far it is (on stderr). */
    private static ProgressBar embeddingBar(Path collection) throws java.io.IOException {
        long documents;
        try (var lines = Files.lines(collection.resolve("corpus.jsonl"))) {
            documents = lines.filter(l -> !l.isBlank()).count();
        }
        return new ProgressBarBuilder()
                .setTaskName("embed")
                .setInitialMax(documents)
                .setUnit(" docs", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed()
                .continuousUpdate()
                .build();
    }

    private int verify(PrintWriter out, BeirEvaluation.Result r, IndexSettings settings) {
        String name = collection.toAbsolutePath().normalize().getFileName().toString();
        // Hybrid scores are pinned beside the BM25 ones, as NAME.hybrid.json.
        String pinned = mode == Mode.BM25 ? name : name + "." + mode.name().toLowerCase(Locale.ROOT);
        ExpectedScores expected = ExpectedScores.of(pinned)
                .orElseThrow(() -> new Cli.UserError("no pinned " + mode.name().toLowerCase(Locale.ROOT)
                        + " scores for a collection named " + name));
        if (!settings.equals(IndexSettings.defaults()) || fusionK != null || depth != null) {
            throw new Cli.UserError("--verify checks the default settings; drop the tuning options");
        }
        List<String> differences = expected.differences(r);
        PrintWriter err = spec.commandLine().getErr();
        differences.forEach(d -> err.println("paperbot: " + name + " " + d));
        err.flush();
        if (!json) {
            out.println(differences.isEmpty() ? "verified: matches the pinned scores of " + name : "NOT verified");
        }
        out.flush();
        return differences.isEmpty() ? 0 : 1;
    }

    private IndexSettings settings() {
        IndexSettings s = IndexSettings.defaults();
        s = s.withBm25(k1 == null ? s.k1() : k1, b == null ? s.b() : b);
        s = titleBoost == null ? s : s.withTitleBoost(titleBoost);
        s = joinWeight == null ? s : s.withJoinWeight(joinWeight);
        return s.withAnalysis(tokenization == null ? s.tokenization() : tokenization,
                stemmer == null ? s.stemmer() : stemmer);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
