package dev.paperbot.bot.cli;

import dev.paperbot.bot.index.Embeddings;
import dev.paperbot.index.search.BulkOptions;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.source.ImportFilter;
import dev.paperbot.index.source.PaperFormat;
import dev.paperbot.index.source.PaperImport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code paperbot import}: loads a file of papers into the local index. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Adds the papers of a file to the index; a paper already there (same id) is replaced. An id"
                + " repeated in the file is skipped (the first line is kept).")
public final class ImportCommand implements Callable<Integer> {

    /** Files smaller than this import in about a second: no progress bar. */
    static final long PROGRESS_BAR_BYTES = 4L << 20;

    /**
     * Imports of at least this many papers end with a merge into one segment: a few seconds per million papers
     * for a search p99 about a fifth lower on a large index (BENCHMARKS.md); smaller imports skip it.
     */
    static final int MERGE_FROM = 100_000;

    @ParentCommand
    private Cli.Context context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "File format: ${COMPLETION-CANDIDATES}.")
    private PaperFormat format;

    @Parameters(index = "0", paramLabel = "PATH", description = "The file (for beir also its directory).")
    private Path path;

    @Option(names = "--category", split = ",", paramLabel = "CAT",
            description = "Only papers in one of these categories: exact (cs.LG), a prefix ending in a dot (cs.),"
                    + " or a whole archive (cs). Comma-separated or repeated.")
    private List<String> categories = List.of();

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Only papers first published on or after this day.")
    private LocalDate since;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Only papers first published on or before this day.")
    private LocalDate until;

    @Option(names = "--commit-every", paramLabel = "N", description = "Papers between commits (default ${DEFAULT-VALUE});"
            + " an interrupted import keeps what was committed, and importing again completes it.")
    private int commitEvery = BulkOptions.defaults().commitEvery();

    @Option(names = "--threads", paramLabel = "N", description = "Indexing threads (default: one per core, at most 4).")
    private Integer threads;

    @Option(names = "--merge", paramLabel = "N", description = "At the end, merge the index down to N segments"
            + " (default: 1 after an import of " + MERGE_FROM + " papers or more, none after a smaller one; 0: no"
            + " merge). About 8 s per million papers; searches of a large index are then faster.")
    private Integer merge;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (merge != null && merge < 0) {
            throw new Cli.UserError("--merge must not be negative (0: no merge), was " + merge);
        }
        Path file = format.file(path);
        if (!Files.isRegularFile(file)) {
            throw new Cli.UserError("no such file: " + file);
        }
        ImportFilter filter;
        BulkOptions options;
        try {
            filter = new ImportFilter(categories, since, until);
            options = bulkOptions(format).withCommitEvery(commitEvery);
        } catch (IllegalArgumentException e) {
            throw new Cli.UserError(e.getMessage());
        }
        if (threads != null && (threads < 1 || threads > 64)) {
            throw new Cli.UserError("--threads must be between 1 and 64, was " + threads);
        }
        long bytes = PaperImport.size(path, format);
        PaperImport.Report report;
        long started = System.nanoTime();
        java.util.Optional<dev.paperbot.index.search.EmbeddingProgress> embedding;
        String merged = null;
        // The import alone (reading, indexing, commits), without the merge: that one prints its own time.
        double importSeconds;
        try (LuceneIndex index = Indexes.forWriting(context.indexDirectory(),
                Embeddings.forCommand(SearchCommand.searchConfig(context), context.home()));
                ProgressBar bar = bytes < PROGRESS_BAR_BYTES ? null : progressBar(bytes)) {
            report = PaperImport.run(path, format, filter, index, options, (read, papers) -> {
                if (bar != null) {
                    bar.stepTo(read);
                    bar.setExtraMessage(papers + " papers");
                }
            }, threads == null ? PaperImport.defaultThreads() : threads);
            importSeconds = (System.nanoTime() - started) / 1e9;
            int mergeTo = merge != null ? merge : report.added() + report.replaced() >= MERGE_FROM ? 1 : 0;
            if (mergeTo > 0) {
                long mergeStart = System.nanoTime();
                int segments = index.forceMerge(mergeTo);
                merged = String.format(Locale.ROOT, "  merged into %d segment%s in %.1f s", segments,
                        segments == 1 ? "" : "s", (System.nanoTime() - mergeStart) / 1e9);
            }
            embedding = index.embedding();
        }
        out.println(summary(file, report));
        if (merged != null) {
            out.println(merged);
        }
        // Papers whose text did not change kept their vectors; the others wait for the bot (or paperbot embed).
        embedding.filter(p -> !p.complete()).ifPresent(p -> out.println("  " + p.pending()
                + " papers wait for their meaning vectors: the bot embeds them in the background while it runs"
                + " (searches use words only until then), or run 'paperbot embed' now."));
        if (!filter.isEmpty()) {
            out.println("  " + report.filtered() + " papers left out by the filter (" + filter + ")");
        }
        if (format == PaperFormat.KAGGLE && importSeconds > 0) {
            out.printf(Locale.ROOT, "  %.1f s, %.0f papers/s%n", importSeconds,
                    (report.added() + report.replaced()) / importSeconds);
        }
        report.examples().forEach(skip -> out.println("  line " + skip.line() + ": " + skip.reason()));
        out.flush();
        return 0;
    }

    /**
     * The snapshot is history: its papers count as added at the epoch, so that a daily digest never takes millions
     * of old papers for new ones. A paper already in the index keeps its own instant.
     */
    static BulkOptions bulkOptions(PaperFormat format) {
        BulkOptions defaults = BulkOptions.defaults();
        // Its reader also drops repeated ids, so into an empty index the loader may add without looking them up.
        return format == PaperFormat.KAGGLE ? defaults.withAddedAt(Instant.EPOCH).withUniqueIds(true) : defaults;
    }

    static String summary(Path file, PaperImport.Report report) {
        String skipped = report.skipped().isEmpty() ? "0 skipped"
                : report.skippedTotal() + " skipped (" + report.skipped().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ")) + ")";
        return String.format(Locale.ROOT, "Imported %s: %d added, %d replaced, %s.",
                file.getFileName(), report.added(), report.replaced(), skipped);
    }

    private static ProgressBar progressBar(long bytes) {
        return new ProgressBarBuilder()
                .setTaskName("import")
                .setInitialMax(bytes)
                .setUnit(" MB", 1L << 20)
                .setStyle(ProgressBarStyle.ASCII)
                .continuousUpdate()
                .build();
    }

}
