package dev.paperbot.index.search;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.index.source.SeedCorpus;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The embedded corpus (227 papers) in one in-memory index with the real model's vectors, built once per test JVM
 * and shared by the tests that only search it (embedding takes seconds, or tens of them on a busy machine).
 */
final class EmbeddedSeed {

    private EmbeddedSeed() {
    }

    static LuceneIndex index() {
        return Holder.INDEX;
    }

    static List<Paper> papers() {
        return Holder.PAPERS;
    }

    /** Quantization papers of the corpus: the word is in their title or abstract. */
    static boolean aboutQuantization(Paper p) {
        return (p.title() + " " + p.abstractText()).toLowerCase(Locale.ROOT).contains("quantiz");
    }

    private static final class Holder {
        static final List<Paper> PAPERS = SeedCorpus.papers();
        static final LuceneIndex INDEX = build();

        private static LuceneIndex build() {
            LuceneIndex index = PaperIndexes.inMemory(IndexSettings.defaults(), Clock.systemUTC(),
                    new SemanticSettings(java.util.Optional.of(TestEmbedders.real()), true, false));
            index.upsert(PAPERS);
            index.embedPending(n -> { });
            return index;
        }
    }
}
