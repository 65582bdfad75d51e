package dev.paperbot.bot.cli;

import dev.paperbot.bot.bench.PicksBenchmark;
import dev.paperbot.core.recommend.RecommenderSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paperbot bench picks}: the daily picks of many channels over a large synthetic index (BENCHMARKS.md). */
@Command(name = "picks", mixinStandardHelpOptions = true,
        description = {"Times the daily picks of many channels over a synthetic index: builds the index and an SQLite"
                + " store in a temporary folder (deleted afterwards), then computes every channel's picks as the"
                + " scheduler does when all digests are due. Needs a few GB of heap for the defaults."})
final class BenchPicksCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--papers", description = "Papers in the index (default ${DEFAULT-VALUE}).")
    private int papers = 100_000;

    @Option(names = "--channels", description = "Channels with a digest (default ${DEFAULT-VALUE}).")
    private int channels = 10_000;

    @Option(names = "--topics", description = "Topics per channel (default ${DEFAULT-VALUE}).")
    private int topics = 3;

    @Option(names = "--no-sharing", description = "Give every channel topics no other channel follows.")
    private boolean noSharing;

    @Option(names = "--threads", description = "Threads computing picks (default: the processors, ${DEFAULT-VALUE}).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--passes", description = "Measured passes, each a new day with fresh caches (default"
            + " ${DEFAULT-VALUE}).")
    private int passes = 2;

    @Option(names = "--candidates", description = "Hits one topic search keeps (the recommender's setting, default"
            + " ${DEFAULT-VALUE}).")
    private int candidates = RecommenderSettings.defaults().candidates();

    @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}); same seed, same papers and channels.")
    private long seed = 42;

    @Override
    public Integer call() throws Exception {
        if (papers < 1 || channels < 1 || topics < 1 || topics > 25 || threads < 1 || passes < 1) {
            throw new Cli.UserError("--papers, --channels, --threads and --passes must be at least 1, --topics 1..25");
        }
        if (candidates < RecommenderSettings.defaults().perTopic() || candidates > 1000) {
            throw new Cli.UserError("--candidates must be between " + RecommenderSettings.defaults().perTopic()
                    + " and 1000, was " + candidates);
        }
        Path directory = Files.createTempDirectory("paperbot-bench-");
        try {
            PicksBenchmark.Report report = PicksBenchmark.run(new PicksBenchmark.Settings(papers, channels, topics,
                    !noSharing, threads, passes, candidates, seed, directory), spec.commandLine().getErr());
            PicksBenchmark.print(report, spec.commandLine().getOut());
            return 0;
        } finally {
            delete(directory, spec.commandLine().getErr());
        }
    }

    private static void delete(Path directory, PrintWriter err) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            err.println("paperbot: could not delete " + directory + ": " + e.getMessage());
            err.flush();
        }
    }
}
