package dev.paperbot.bot.cli;

import dev.paperbot.index.search.IndexLockedException;
import dev.paperbot.index.search.IndexSettings;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.search.PaperIndexes;
import dev.paperbot.index.search.SemanticSettings;
import dev.paperbot.index.source.SeedCorpus;
import java.nio.file.Path;
import java.time.Clock;

/** How the CLI opens the index in the data directory. */
final class Indexes {

    private Indexes() {
    }

    /**
     * Opens the index to search it, loading the embedded corpus when it is empty. While another process (the
     * bot) holds it, opens it read-only instead: searching needs no lock.
     */
    static LuceneIndex forSearch(Path directory) {
        return forSearch(directory, SemanticSettings.none());
    }

    /**
     * The same with meaning vectors: queries are embedded with the model, and a writable index embeds its papers
     * in the background when {@code semantic} says so (the bot).
     */
    static LuceneIndex forSearch(Path directory, SemanticSettings semantic) {
        try {
            LuceneIndex index = PaperIndexes.open(directory, IndexSettings.defaults(), Clock.systemUTC(), semantic);
            SeedCorpus.seedIfEmpty(index);
            return index;
        } catch (IndexLockedException e) {
            return PaperIndexes.openReadOnly(directory, IndexSettings.defaults(), semantic.withBackground(false));
        }
    }

    /** Opens the index to write to it; a clear error when another process holds it. */
    static LuceneIndex forWriting(Path directory) {
        return PaperIndexes.open(directory);
    }

    /** The same, aware of the embedding model (to carry vectors and tell how many papers wait for theirs). */
    static LuceneIndex forWriting(Path directory, SemanticSettings semantic) {
        return PaperIndexes.open(directory, IndexSettings.defaults(), Clock.systemUTC(),
                semantic.withBackground(false));
    }
}
