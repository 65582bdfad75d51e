package dev.paperbot.bot.cli;

import dev.paperbot.index.search.IndexLockedException;
import dev.paperbot.index.search.IndexSettings;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.search.PaperIndexes;
import dev.paperbot.index.search.SemanticSettings;
import dev.paperbot.index.source.SeedCorpus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

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

    /** The same with meaning vectors: queries are embedded with the model. */
    static LuceneIndex forSearch(Path directory, SemanticSettings semantic) {
        try {
            LuceneIndex index = PaperIndexes.open(directory, IndexSettings.defaults(), Clock.systemUTC(), semantic);
            SeedCorpus.seedIfEmpty(index);
            return index;
        } catch (IndexLockedException e) {
            return PaperIndexes.openReadOnly(directory, IndexSettings.defaults(), semantic.withBackground(false));
        }
    }

    /**
     * The index of {@code serve}: written by this process, loading the embedded corpus when it is empty, or, while
     * another replica on this machine writes it, followed every {@code refresh} until that one stops and this one
     * takes over (see {@link PaperIndexes#openOrFollow}).
     */
    static LuceneIndex forServe(Path directory, SemanticSettings semantic, Duration refresh) {
        LuceneIndex index = PaperIndexes.openOrFollow(directory, IndexSettings.defaults(), Clock.systemUTC(),
                semantic, refresh);
        try {
            if (index.role() == LuceneIndex.Role.WRITER) {
                SeedCorpus.seedIfEmpty(index);
            }
            return index;
        } catch (RuntimeException e) {
            index.close();
            throw e;
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
