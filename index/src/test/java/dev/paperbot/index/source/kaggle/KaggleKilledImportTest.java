package dev.paperbot.index.source.kaggle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.index.search.BulkOptions;
import dev.paperbot.index.search.IndexSettings;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.search.PaperIndexes;
import dev.paperbot.index.source.ImportFilter;
import dev.paperbot.index.source.PaperFormat;
import dev.paperbot.index.source.PaperImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk import killed in the middle (the child JVM is destroyed, no shutdown hooks) leaves an index that opens and
 * searches, holding what its last commit held; importing the file again completes it with the same final count.
 */
class KaggleKilledImportTest {

    private static final int PAPERS = 20_000;
    private static final int COMMIT_EVERY = 1_000;

    @TempDir
    Path dir;

    @Test
    void a_killed_import_leaves_a_usable_index_and_importing_again_completes_it() throws Exception {
        Path file = dir.resolve("snapshot.jsonl");
        new KaggleSnapshotGenerator(11).write(PAPERS, file);
        Path indexDir = dir.resolve("index");

        Process child = startChild(file, indexDir);
        long committed;
        try {
            committed = waitForACommit(indexDir, child, Duration.ofMinutes(3));
            assertThat(child.isAlive()).as("the import was still running when killed").isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }

        BulkOptions options = BulkOptions.defaults().withAddedAt(Instant.EPOCH).withUniqueIds(true);
        try (LuceneIndex index = PaperIndexes.open(indexDir)) {
            long afterKill = index.size();
            assertThat(afterKill).isGreaterThanOrEqualTo(committed).isLessThan(PAPERS);
            assertThat(index.search(SearchQuery.of("the model")).hits()).isNotEmpty();

            PaperImport.Report again = PaperImport.run(file, PaperFormat.KAGGLE, ImportFilter.none(), index, options,
                    (bytes, papers) -> { });
            assertThat(index.size()).isEqualTo(PAPERS);
            assertThat(again.added() + again.replaced()).isEqualTo(PAPERS);
            assertThat(again.added()).isEqualTo(PAPERS - afterKill);

            PaperImport.run(file, PaperFormat.KAGGLE, ImportFilter.none(), index, options, (bytes, papers) -> { });
            assertThat(index.size()).isEqualTo(PAPERS);
        }
        try (LuceneIndex reopened = PaperIndexes.openReadOnly(indexDir, IndexSettings.defaults())) {
            assertThat(reopened.size()).isEqualTo(PAPERS);
        }
    }

    private static Process startChild(Path file, Path indexDir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), KaggleImportChild.class.getName(),
                file.toString(), indexDir.toString(), String.valueOf(COMMIT_EVERY)));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Polls the index directory until a commit holds some papers; returns how many. */
    private static long waitForACommit(Path indexDir, Process child, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (Files.isDirectory(indexDir)) {
                try (FSDirectory fs = FSDirectory.open(indexDir)) {
                    if (DirectoryReader.indexExists(fs)) {
                        try (DirectoryReader reader = DirectoryReader.open(fs)) {
                            if (reader.numDocs() > 0) {
                                return reader.numDocs();
                            }
                        }
                    }
                } catch (java.io.IOException racingACommit) {
                    // a commit in progress; look again
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no commit with papers appeared before the child "
                + (child.isAlive() ? "timed out" : "exited with " + child.exitValue()));
    }
}
