package dev.paperbot.bot.digest;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.index.search.IndexSettings;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.search.PaperIndexes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Papers and a real Lucene index in memory for the digest tests. */
final class Fixtures {

    private static final AtomicInteger IDS = new AtomicInteger();

    private Fixtures() {
    }

    static LuceneIndex index(Clock clock) {
        return PaperIndexes.inMemory(IndexSettings.defaults(), clock);
    }

    /** {@code n} distinct papers about {@code topic}; none a near-copy of another. */
    static List<Paper> papers(String topic, int n) {
        List<Paper> papers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = IDS.incrementAndGet();
            papers.add(Paper.of(new PaperId(String.format("2603.%05d", k)),
                    topic + " study " + k + " of item" + k,
                    "We look at " + topic + " through lens" + k + " with tool" + k + " on data" + k + " and set" + k)
                    .withAuthors(List.of("Author " + k)));
        }
        return papers;
    }
}
