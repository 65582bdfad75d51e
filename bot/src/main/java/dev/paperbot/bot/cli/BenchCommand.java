package dev.paperbot.bot.cli;

import dev.paperbot.index.source.kaggle.KaggleSnapshotGenerator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code paperbot bench}: tools for the measurements in BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark helpers.",
        subcommands = {BenchCommand.GenKaggle.class, BenchSearchCommand.class, BenchPicksCommand.class})
public final class BenchCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code paperbot bench gen-kaggle N FILE}. */
    @Command(name = "gen-kaggle", mixinStandardHelpOptions = true,
            description = "Writes N synthetic papers in the Kaggle arXiv snapshot format (realistic field sizes)"
                    + " for `import --format kaggle` benchmarks.")
    static final class GenKaggle implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "N", description = "How many papers (lines).")
        private long count;

        @Parameters(index = "1", paramLabel = "FILE", description = "The file to write (replaced).")
        private Path file;

        @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}); same seed, same file.")
        private long seed = 42;

        @Override
        public Integer call() throws Exception {
            if (count < 1) {
                throw new Cli.UserError("N must be at least 1, was " + count);
            }
            long started = System.nanoTime();
            new KaggleSnapshotGenerator(seed).write(count, file);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "Wrote %d papers to %s (%.1f MB) in %.1f s.%n", count, file,
                    Files.size(file) / 1e6, (System.nanoTime() - started) / 1e9);
            out.flush();
            return 0;
        }
    }
}
