package dev.paperbot.bot.cli;

import dev.paperbot.index.search.IndexLockedException;
import dev.paperbot.index.search.IndexSettings;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.search.PaperIndexes;
import dev.paperbot.index.source.SeedCorpus;
import java.nio.file.Path;

/** How the CLI opens the index in the data directory. */
final class Indexes {

    private Indexes() {
    }

    /**
     * Opens the index to search it, loading the embedded corpus when it is empty. While another process (the
     * bot) holds it, opens it read-only instead: searching needs no lock.
     */
    static LuceneIndex forSearch(Path directory) {
        try {
            LuceneIndex index = PaperIndexes.open(directory);
            SeedCorpus.seedIfEmpty(index);
            return index;
        } catch (IndexLockedException e) {
            return PaperIndexes.openReadOnly(directory, IndexSettings.defaults());
        }
    }

    /** Opens the index to write to it; a clear error when another process holds it. */
    static LuceneIndex forWriting(Path directory) {
        return PaperIndexes.open(directory);
    }
}
