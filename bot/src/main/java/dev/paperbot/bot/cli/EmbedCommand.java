package dev.paperbot.bot.cli;

import dev.paperbot.bot.config.SearchConfig;
import dev.paperbot.bot.index.Embeddings;
import dev.paperbot.index.embed.CachedEmbedder;
import dev.paperbot.index.embed.EmbedderUnavailableException;
import dev.paperbot.index.embed.Embedders;
import dev.paperbot.index.search.EmbeddingProgress;
import dev.paperbot.index.search.IndexSettings;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.search.PaperIndexes;
import dev.paperbot.index.search.SemanticSettings;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code paperbot embed}: embeds, in the foreground, every paper of the index that waits for its vector. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {"Embeds every paper of the index that has no meaning vector yet (after an import), with a "
                + "progress bar. The bot does the same in the background while it runs; this is for doing it "
                + "beforehand. Papers whose text did not change are never embedded again. Needs the index to itself: "
                + "stop the bot first."})
public final class EmbedCommand implements Callable<Integer> {

    @ParentCommand
    private Cli.Context context;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SearchConfig config = SearchCommand.searchConfig(context);
        if (!config.embeddings()) {
            throw new Cli.UserError("embeddings are off (PAPERBOT_EMBEDDINGS=off): nothing to do");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Ctrl-C or SIGTERM: stop after the batch in flight (each batch is committed), and only then exit.
        try (StopSignals.Foreground stop = StopSignals.foreground();
                CachedEmbedder model = loadModel(context, "the embedding model is not available")) {
            stop.check();
            long start = System.nanoTime();
            long[] embedded = {0};
            EmbeddingProgress after;
            try (LuceneIndex index = PaperIndexes.open(context.indexDirectory(), IndexSettings.defaults(),
                    Clock.systemUTC(), new SemanticSettings(Optional.of(model), config.hybrid(), false))) {
                EmbeddingProgress before = index.embedding().orElseThrow();
                err.println("Embedding " + before.pending() + " papers (Ctrl-C stops after the batch in flight and"
                        + " keeps what was embedded).");
                err.flush();
                try (ProgressBar bar = new ProgressBarBuilder().setTaskName("embed").setInitialMax(before.pending())
                        .setUnit(" papers", 1).setStyle(ProgressBarStyle.ASCII).showSpeed().continuousUpdate()
                        .build()) {
                    embedded[0] = index.embedPending(n -> {
                        bar.stepTo(n);
                        embedded[0] = n;
                        stop.check();
                    });
                } catch (StopSignals.Stopped stopped) {
                    throw new StopSignals.Stopped("stopped after embedding " + embedded[0] + " papers; the others"
                            + " still wait for their vectors: run 'paperbot embed' again to go on");
                }
                after = index.embedding().orElseThrow();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "Embedded %d papers in %.1f s (%d by the model, %d from the vector cache); %s.%n",
                    embedded[0], seconds, model.computed(), model.reused(), after.describe());
            out.flush();
            return 0;
        }
    }

    /** The embedding model with its vector cache in the data directory; {@code unavailable} starts the error. */
    static CachedEmbedder loadModel(Cli.Context context, String unavailable) {
        try {
            return Embedders.cached(Embedders.bgeSmall(), context.home().resolve(Embeddings.CACHE_FOLDER));
        } catch (EmbedderUnavailableException e) {
            throw new Cli.UserError(unavailable + ": " + e.getMessage());
        }
    }
}
