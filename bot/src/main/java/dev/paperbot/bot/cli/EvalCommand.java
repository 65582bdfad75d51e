package dev.paperbot.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperbot.index.analysis.PaperAnalyzer;
import dev.paperbot.index.eval.BeirEvaluation;
import dev.paperbot.index.eval.ExpectedScores;
import dev.paperbot.index.search.IndexSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paperbot eval}: measures search quality on a BEIR collection, in a temporary index. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Indexes a BEIR collection into a temporary index, runs its judged test queries and prints "
                + "nDCG@10, Recall@100 and MRR@10. The tuning options are for relevance experiments.")
public final class EvalCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

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

    @Option(names = "--tokenization", paramLabel = "T", description = "${COMPLETION-CANDIDATES}.")
    private PaperAnalyzer.Tokenization tokenization;

    @Option(names = "--stemmer", paramLabel = "S", description = "${COMPLETION-CANDIDATES}.")
    private PaperAnalyzer.Stemmer stemmer;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(collection)) {
            throw new Cli.UserError("not a directory: " + collection);
        }
        IndexSettings settings = settings();
        BeirEvaluation.Result r = BeirEvaluation.run(collection, settings);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("ndcg@10", round(r.ndcg10()));
            o.put("recall@100", round(r.recall100()));
            o.put("mrr@10", round(r.mrr10()));
            o.put("queries", r.queries());
            out.println(JSON.writeValueAsString(o));
        } else {
            out.printf(Locale.ROOT, "%s: %d queries, %d documents (indexed in %.1f s, searched in %.1f s)%n",
                    collection.toAbsolutePath().normalize().getFileName(), r.queries(), r.documents(),
                    r.indexing().toMillis() / 1000.0, r.searching().toMillis() / 1000.0);
            out.printf(Locale.ROOT, "nDCG@10     %.4f%nRecall@100  %.4f%nMRR@10      %.4f%n",
                    r.ndcg10(), r.recall100(), r.mrr10());
            out.println("settings: " + settings);
        }
        if (verify) {
            return verify(out, r, settings);
        }
        out.flush();
        return 0;
    }

    private int verify(PrintWriter out, BeirEvaluation.Result r, IndexSettings settings) {
        String name = collection.toAbsolutePath().normalize().getFileName().toString();
        ExpectedScores expected = ExpectedScores.of(name)
                .orElseThrow(() -> new Cli.UserError("no pinned scores for a collection named " + name));
        if (!settings.equals(IndexSettings.defaults())) {
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
