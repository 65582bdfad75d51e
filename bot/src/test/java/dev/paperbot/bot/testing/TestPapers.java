package dev.paperbot.bot.testing;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Made-up papers for tests of the bot: each with an id and words of its own. */
public final class TestPapers {

    /** Shared by every test in the JVM, so no two calls ever make the same id. */
    private static final AtomicInteger IDS = new AtomicInteger();

    private TestPapers() {
    }

    /**
     * {@code n} papers about {@code topic} (the word is in every title and abstract), with new arXiv-style ids
     * ({@code 2603.00042}) and one author each; none a near-copy of another.
     */
    public static List<Paper> about(String topic, int n) {
        List<Paper> papers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = IDS.incrementAndGet();
            papers.add(Paper.of(new PaperId(String.format("2603.%05d", k)), topic + " study " + k + " of item" + k,
                    "We look at " + topic + " through lens" + k + " with tool" + k + " on data" + k + " and set" + k)
                    .withAuthors(List.of("Author " + k)));
        }
        return papers;
    }
}
