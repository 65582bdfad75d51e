package dev.paperbot.index.source.kaggle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.index.search.BulkOptions;
import dev.paperbot.index.search.IndexSettings;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.search.PaperIndexes;
import dev.paperbot.index.source.ImportFilter;
import dev.paperbot.index.source.PaperFormat;
import dev.paperbot.index.source.PaperImport;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot through the real import path into a real Lucene index. */
class KaggleImportTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2025-09-20T00:00:00Z"), ZoneOffset.UTC);

    private Path sample() throws Exception {
        Path file = dir.resolve("snapshot.jsonl");
        try (InputStream in = getClass().getResourceAsStream("/sources/kaggle/snapshot_sample.jsonl")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void imports_searchable_papers_counts_skips_and_is_idempotent() throws Exception {
        Path file = sample();
        try (LuceneIndex index = PaperIndexes.inMemory(IndexSettings.defaults(), clock)) {
            PaperImport.Report first = PaperImport.run(file, PaperFormat.KAGGLE, index,
                    BulkOptions.defaults().withAddedAt(Instant.EPOCH).withUniqueIds(true), (bytes, papers) -> { });
            assertThat(first.added()).isEqualTo(6);
            assertThat(first.skippedTotal()).isEqualTo(6);
            assertThat(first.examples()).extracting(PaperImport.Skip::line).containsExactly(3L, 4L, 5L, 6L, 11L, 13L);

            PaperImport.Report again = PaperImport.run(file, PaperFormat.KAGGLE, index,
                    BulkOptions.defaults().withAddedAt(Instant.EPOCH).withUniqueIds(true), (bytes, papers) -> { });
            assertThat(again.added()).isZero();
            assertThat(again.replaced()).isEqualTo(6);
            assertThat(index.size()).isEqualTo(6);

            assertThat(index.search(SearchQuery.of("attention sinks")).hits())
                    .extracting(h -> h.paper().id().value()).first().isEqualTo("2401.01234");
            // Historical papers never count as new for a digest.
            assertThat(index.indexed(new PaperId("2401.01234")).orElseThrow().addedAt()).isEqualTo(Instant.EPOCH);
        }
    }

    @Test
    void a_filtered_import_takes_only_matching_papers() throws Exception {
        Path file = sample();
        try (LuceneIndex index = PaperIndexes.inMemory(IndexSettings.defaults(), clock)) {
            PaperImport.Report report = PaperImport.run(file, PaperFormat.KAGGLE,
                    new ImportFilter(List.of("cs.LG", "cs.CL"), null, null), index, BulkOptions.defaults(),
                    (bytes, papers) -> { });
            assertThat(report.added()).isEqualTo(2);
            assertThat(report.filtered()).isEqualTo(4);
            assertThat(index.size()).isEqualTo(2);
        }
    }

    @Test
    void generated_files_are_valid_snapshots_with_unique_ids() throws Exception {
        Path file = dir.resolve("generated.jsonl");
        new KaggleSnapshotGenerator(7).write(500, file);
        try (LuceneIndex index = PaperIndexes.inMemory(IndexSettings.defaults(), clock)) {
            PaperImport.Report report = PaperImport.run(file, PaperFormat.KAGGLE, index, BulkOptions.defaults(),
                    (bytes, papers) -> { });
            assertThat(report.skippedTotal()).isZero();
            assertThat(report.added()).isEqualTo(500);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(500);
        assertThat(Files.size(file) / 500).isBetween(1_000L, 2_500L); // the real snapshot averages ~1.7 KB a line
        Path again = dir.resolve("again.jsonl");
        new KaggleSnapshotGenerator(7).write(500, again);
        assertThat(Files.readAllLines(again)).isEqualTo(lines);
    }
}
