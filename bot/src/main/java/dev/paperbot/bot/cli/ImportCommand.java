package dev.paperbot.bot.cli;

import dev.paperbot.index.search.BulkOptions;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.source.PaperFormat;
import dev.paperbot.index.source.PaperImport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
        description = "Adds the papers of a file to the index; a paper already there (same id) is replaced.")
public final class ImportCommand implements Callable<Integer> {

    /** Files smaller than this import in about a second: no progress bar. */
    static final long PROGRESS_BAR_BYTES = 4L << 20;

    @ParentCommand
    private Cli.Context context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "File format: ${COMPLETION-CANDIDATES}.")
    private PaperFormat format;

    @Parameters(index = "0", paramLabel = "PATH", description = "The file (for beir also its directory).")
    private Path path;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path file = format.file(path);
        if (!Files.isRegularFile(file)) {
            throw new Cli.UserError("no such file: " + file);
        }
        long bytes = PaperImport.size(path, format);
        PaperImport.Report report;
        try (LuceneIndex index = Indexes.forWriting(context.indexDirectory());
                ProgressBar bar = bytes < PROGRESS_BAR_BYTES ? null : progressBar(bytes)) {
            report = PaperImport.run(path, format, index, BulkOptions.defaults(), (read, papers) -> {
                if (bar != null) {
                    bar.stepTo(read);
                    bar.setExtraMessage(papers + " papers");
                }
            });
        }
        out.println(summary(file, report));
        report.examples().forEach(skip -> out.println("  line " + skip.line() + ": " + skip.reason()));
        out.flush();
        return 0;
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
