package dev.paperbot.index.source.kaggle;

import dev.paperbot.index.search.BulkOptions;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.search.PaperIndexes;
import dev.paperbot.index.source.ImportFilter;
import dev.paperbot.index.source.PaperFormat;
import dev.paperbot.index.source.PaperImport;
import java.nio.file.Path;
import java.time.Instant;

/** Run in a child JVM by {@link KaggleKilledImportTest}: imports a snapshot the way the CLI does, to be killed. */
public final class KaggleImportChild {

    private KaggleImportChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path indexDir = Path.of(args[1]);
        int commitEvery = Integer.parseInt(args[2]);
        try (LuceneIndex index = PaperIndexes.open(indexDir)) {
            PaperImport.run(file, PaperFormat.KAGGLE, ImportFilter.none(), index,
                    BulkOptions.defaults().withAddedAt(Instant.EPOCH).withUniqueIds(true).withCommitEvery(commitEvery),
                    (bytes, papers) -> { });
        }
    }
}
