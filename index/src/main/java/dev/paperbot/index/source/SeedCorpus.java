package dev.paperbot.index.source;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.search.PaperIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The embedded corpus (227 papers, title and abstract): what the index holds when nothing else was loaded. */
public final class SeedCorpus {

    static final String RESOURCE = "seed-papers.jsonl";

    private SeedCorpus() {
    }

    /** The embedded papers, source {@code seed}. */
    public static List<Paper> papers() {
        List<Paper> papers = new ArrayList<>();
        try (InputStream in = SeedCorpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the embedded corpus " + RESOURCE + " is missing from the jar");
            }
            new JsonlPaperReader("seed").read(in, new PaperSink() {
                @Override
                public void paper(Paper paper) {
                    papers.add(paper);
                }

                @Override
                public void skipped(long line, String reason) {
                    throw new IllegalStateException("embedded corpus, line " + line + ": " + reason);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded corpus", e);
        }
        return papers;
    }

    /**
     * Loads the embedded corpus into an empty index, in one commit.
     *
     * @return how many papers were added (0 when the index already held papers)
     */
    public static int seedIfEmpty(PaperIndex index) {
        if (index.size() > 0) {
            return 0;
        }
        return index.upsert(papers()).total();
    }
}
