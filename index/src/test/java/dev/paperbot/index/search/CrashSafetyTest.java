package dev.paperbot.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.SearchQuery;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A writer process killed (SIGKILL) in the middle of writing leaves an index that checks clean and holds exactly
 * the papers of its last commit: whole batches, never part of one.
 */
class CrashSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {"upsert", "bulk"})
    void a_killed_writer_leaves_the_last_commit(String mode, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Process child = CrashingWriter.start(dir, mode);
        long lastCommitted = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            lastCommitted = CrashingWriter.awaitCommits(out, 4);
            // Killed while it writes the next batch (or commits it): no chance to clean up.
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(lastCommitted).as("the child committed some batches").isGreaterThanOrEqualTo(4L * CrashingWriter.BATCH);

        try (Directory directory = FSDirectory.open(dir); CheckIndex check = new CheckIndex(directory)) {
            assertThat(check.checkIndex().clean).isTrue();
        }
        try (LuceneIndex index = PaperIndexes.open(dir)) {
            long size = index.size();
            assertThat(size % CrashingWriter.BATCH).as("whole batches only").isZero();
            assertThat(size).isGreaterThanOrEqualTo(lastCommitted);
            assertThat(index.find(new PaperId("crash-" + (size - 1)))).isPresent();
            assertThat(index.find(new PaperId("crash-" + size))).isEmpty();
            // The index takes writes again, and its papers are searchable.
            index.upsert(List.of(CrashingWriter.paper(size)));
            assertThat(index.size()).isEqualTo(size + 1);
            assertThat(index.search(SearchQuery.of("atomic commits")).hits()).isNotEmpty();
        }
    }
}
