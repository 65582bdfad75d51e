package dev.paperbot.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperbot.core.paper.Paper;
import dev.paperbot.index.TemporaryDirectory;
import dev.paperbot.index.bench.SearchBenchmark;
import dev.paperbot.index.bench.SyntheticCorpus;
import dev.paperbot.index.eval.BeirEvaluation;
import dev.paperbot.index.source.PaperFormat;
import dev.paperbot.index.source.PaperSink;
import dev.paperbot.index.source.SeedCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paperbot bench search}: index build time and search latency, in a temporary index. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Builds a temporary index (embedded corpus by default) with the bulk path and measures "
                + "build time and search latency (p50/p99, wall and CPU time), one search at a time, then two at"
                + " once. Not part of the tests.")
final class BenchSearchCommand implements Callable<Integer> {

    /** Topics as people type them, for the embedded corpus. */
    static final List<String> SEED_QUERIES = List.of("quantization", "retrieval augmented generation",
            "pre-training data selection", "domain adaptation", "classifier-free guidance diffusion",
            "pruning LLMs", "speculative decoding", "mixture of experts", "federated learning",
            "causal inference treatment effects", "parameter-efficient fine-tuning", "preference optimization",
            "\"language models\" uncertainty", "label noise", "time series forecasting", "dense passage retrieval",
            "low-rank adaptation", "conditional generation", "weight decay", "graph neural networks");

    static final class Corpus {
        @Option(names = "--seed", description = "The embedded corpus (default).")
        boolean seed;

        @Option(names = "--beir", paramLabel = "DIR", description = "A BEIR collection; its queries.jsonl.")
        Path beir;

        @Option(names = "--synthetic", paramLabel = "N",
                description = "N generated papers (words drawn from the embedded corpus, or from --vocabulary).")
        Long synthetic;
    }

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true)
    private Corpus corpus = new Corpus();

    @Option(names = "--vocabulary", paramLabel = "DIR",
            description = "With --synthetic: draw words from this BEIR collection's corpus.")
    private Path vocabulary;

    @Option(names = "--rounds", defaultValue = "5", description = "Times each query runs (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--force-merge", paramLabel = "N", defaultValue = "0",
            description = "Force-merge the index down to N segments before the searches, and time it (default: "
                    + "search it as the bulk load left it).")
    private int forceMerge;

    @Option(names = "--json", description = "Print one JSON object.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || rounds > 1000) {
            throw new Cli.UserError("--rounds must be between 1 and 1000");
        }
        if (forceMerge < 0) {
            throw new Cli.UserError("--force-merge must not be negative (0: no merge)");
        }
        String name;
        Iterable<Paper> papers;
        List<String> queries;
        if (corpus.beir != null) {
            name = corpus.beir.toAbsolutePath().normalize().getFileName().toString();
            papers = read(PaperFormat.BEIR, PaperFormat.BEIR.file(corpus.beir));
            queries = new ArrayList<>(BeirEvaluation.loadQueries(corpus.beir.resolve("queries.jsonl")).values());
        } else if (corpus.synthetic != null) {
            if (corpus.synthetic < 1) {
                throw new Cli.UserError("--synthetic needs a positive number of papers");
            }
            List<Paper> sample = vocabulary == null ? SeedCorpus.papers()
                    : read(PaperFormat.BEIR, PaperFormat.BEIR.file(vocabulary));
            SyntheticCorpus synthetic = new SyntheticCorpus(sample, corpus.synthetic, 42);
            name = "synthetic-" + corpus.synthetic;
            papers = synthetic;
            queries = synthetic.queries(200);
        } else {
            name = "seed";
            papers = SeedCorpus.papers();
            queries = SEED_QUERIES;
        }
        PrintWriter err = spec.commandLine().getErr();
        SearchBenchmark.Result r;
        try (TemporaryDirectory tmp = TemporaryDirectory.create("paperbot-bench")) {
            r = SearchBenchmark.run(tmp.path().resolve("index"), papers, queries, rounds, forceMerge, n -> {
                if (n % 100_000 == 0) {
                    err.println("bench: " + n + " papers loaded");
                    err.flush();
                }
            });
        }
        print(name, r);
        return 0;
    }

    private void print(String name, SearchBenchmark.Result r) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("corpus", name);
            o.put("documents", r.documents());
            o.put("build_seconds", r.buildSeconds());
            o.put("documents_per_second", Math.round(r.documentsPerSecond()));
            o.put("index_bytes", r.indexBytes());
            o.put("segments", r.segments());
            o.put("merge_seconds", r.mergeSeconds());
            o.put("queries", r.queries());
            o.put("search_ms", r.search());
            o.put("rank_ms", r.rank());
            o.put("search_cpu_ms", r.searchCpu());
            o.put("rank_cpu_ms", r.rankCpu());
            o.put("concurrent", r.concurrent());
            out.println(new ObjectMapper().writeValueAsString(o));
        } else {
            out.printf(Locale.ROOT, "%s: %d papers indexed in %.2f s (%.0f papers/s), index %.1f MB%n", name,
                    r.documents(), r.buildSeconds(), r.documentsPerSecond(), r.indexBytes() / 1e6);
            out.printf(Locale.ROOT, "%d segments%s%n", r.segments(), r.mergeSeconds() > 0
                    ? String.format(Locale.ROOT, " after a force-merge of %.1f s", r.mergeSeconds()) : " (no merge)");
            out.printf(Locale.ROOT, "%d queries x %d rounds, one thread%n", r.queries(), r.search().samples()
                    / Math.max(1, r.queries()));
            out.printf(Locale.ROOT, "search (top 10, stored papers, snippets): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    r.search().p50(), r.search().p99(), r.search().max());
            out.printf(Locale.ROOT, "rank   (top 10 ids):                      p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    r.rank().p50(), r.rank().p99(), r.rank().max());
            out.printf(Locale.ROOT, "CPU time of the thread: search p50 %.2f ms, p99 %.2f ms; rank p50 %.2f ms, "
                    + "p99 %.2f ms%n", r.searchCpu().p50(), r.searchCpu().p99(), r.rankCpu().p50(), r.rankCpu().p99());
            SearchBenchmark.Concurrent c = r.concurrent();
            out.printf(Locale.ROOT, "%d threads at once: search p50 %.2f ms, p99 %.2f ms, max %.2f ms; CPU p50 %.2f ms,"
                    + " p99 %.2f ms; %.0f searches/s%n", c.threads(), c.search().p50(), c.search().p99(),
                    c.search().max(), c.searchCpu().p50(), c.searchCpu().p99(), c.perSecond());
            out.printf(Locale.ROOT, "load average at the end: %.1f on %d cores%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
        out.flush();
    }

    private static List<Paper> read(PaperFormat format, Path file) throws IOException {
        List<Paper> papers = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            format.reader().read(in, new PaperSink() {
                @Override
                public void paper(Paper paper) {
                    papers.add(paper);
                }

                @Override
                public void skipped(long line, String reason) {
                }
            });
        }
        return papers;
    }
}
