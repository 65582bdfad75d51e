package dev.paperbot.bot.testing;

import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.index.search.IndexSettings;
import dev.paperbot.index.search.PaperIndexes;
import dev.paperbot.index.source.SeedCorpus;
import java.time.Clock;

/** Real Lucene indexes for tests of the Slack layer. */
public final class TestIndexes {

    private TestIndexes() {
    }

    /** An in-memory Lucene index holding the embedded 227-paper corpus. */
    public static PaperIndex seeded() {
        PaperIndex index = PaperIndexes.inMemory(IndexSettings.defaults(), Clock.systemUTC());
        SeedCorpus.seedIfEmpty(index);
        return index;
    }
}
