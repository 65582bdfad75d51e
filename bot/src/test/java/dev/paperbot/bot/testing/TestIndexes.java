package dev.paperbot.bot.testing;

import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.ForwardingPaperIndex;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.core.search.SearchResults;
import dev.paperbot.index.search.IndexSettings;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.search.PaperIndexes;
import dev.paperbot.index.source.SeedCorpus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Real Lucene indexes for tests of the Slack layer. */
public final class TestIndexes {

    private TestIndexes() {
    }

    /** {@code index}, but every search and similar-papers lookup first waits {@code delay}. */
    public static PaperIndex slow(PaperIndex index, Duration delay) {
        return new ForwardingPaperIndex(index) {
            private void pause() {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public SearchResults search(SearchQuery query) {
                pause();
                return super.search(query);
            }

            @Override
            public List<SearchHit> similar(PaperId id, int limit, Set<PaperId> excluded) {
                pause();
                return super.similar(id, limit, excluded);
            }
        };
    }

    /** An empty in-memory Lucene index with the default settings, whose papers are added at {@code clock}'s time. */
    public static LuceneIndex inMemory(Clock clock) {
        return PaperIndexes.inMemory(IndexSettings.defaults(), clock);
    }

    /** An in-memory Lucene index holding the embedded 227-paper corpus (and no popularity signals). */
    public static LuceneIndex seeded() {
        LuceneIndex index = inMemory(Clock.systemUTC());
        SeedCorpus.seedIfEmpty(index);
        return index;
    }
}
