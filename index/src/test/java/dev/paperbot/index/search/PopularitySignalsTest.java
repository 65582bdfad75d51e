package dev.paperbot.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.paper.Popularity;
import dev.paperbot.core.search.SearchQuery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Popularity signals kept as doc values on the papers' documents of a real Lucene index. */
class PopularitySignalsTest {

    private static final LocalDate DAY = LocalDate.of(2024, 10, 25);

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2024-10-25T12:00:00Z"), ZoneOffset.UTC);

    private static Paper paper(String id, String title) {
        return Paper.of(new PaperId(id), title, "An abstract about " + title.toLowerCase() + ".")
                .withCategories(List.of("cs.LG"));
    }

    private static Popularity signal(String id, int upvotes, LocalDate day) {
        return new Popularity(new PaperId(id), upvotes, day);
    }

    @Test
    void records_reads_and_ranks_trending_papers() {
        try (LuceneIndex index = PaperIndexes.open(dir, IndexSettings.defaults(), clock)) {
            index.upsert(List.of(paper("2410.00001", "Memory Barriers"), paper("2410.00002", "Knowledge Editing"),
                    paper("2410.00003", "Old News")));

            int recorded = index.recordPopularity(List.of(signal("2410.00001", 64, DAY), signal("2410.00002", 41, DAY),
                    signal("2410.00003", 90, DAY.minusDays(10)), signal("9999.99999", 5, DAY)));

            assertThat(recorded).isEqualTo(3); // the unknown paper is ignored
            assertThat(index.popularity(new PaperId("2410.00001"))).contains(signal("2410.00001", 64, DAY));
            assertThat(index.popularity(new PaperId("9999.99999"))).isEmpty();
            assertThat(index.trending(DAY.minusDays(7), 10)).containsExactly(
                    signal("2410.00001", 64, DAY), signal("2410.00002", 41, DAY));
            assertThat(index.trending(DAY.minusDays(30), 1)).containsExactly(signal("2410.00003", 90, DAY.minusDays(10)));
        }
    }

    @Test
    void a_newer_day_replaces_the_signal_and_an_older_one_does_not() {
        try (LuceneIndex index = PaperIndexes.inMemory(IndexSettings.defaults(), clock)) {
            index.upsert(List.of(paper("2410.00001", "Memory Barriers")));
            index.recordPopularity(List.of(signal("2410.00001", 64, DAY)));

            assertThat(index.recordPopularity(List.of(signal("2410.00001", 80, DAY.plusDays(1))))).isEqualTo(1);
            assertThat(index.recordPopularity(List.of(signal("2410.00001", 3, DAY.minusDays(5))))).isZero();

            assertThat(index.popularity(new PaperId("2410.00001"))).contains(signal("2410.00001", 80, DAY.plusDays(1)));
        }
    }

    @Test
    void a_replaced_paper_keeps_its_signal_and_survives_reopening() {
        try (LuceneIndex index = PaperIndexes.open(dir, IndexSettings.defaults(), clock)) {
            index.upsert(List.of(paper("2410.00001", "Memory Barriers")));
            index.recordPopularity(List.of(signal("2410.00001", 64, DAY)));
            index.upsert(List.of(paper("2410.00001", "Memory Barriers, Second Version")));
            try (BulkLoader loader = index.bulkLoader(BulkOptions.defaults())) {
                loader.add(paper("2410.00001", "Memory Barriers, Third Version"));
            }
        }
        try (LuceneIndex reopened = PaperIndexes.open(dir, IndexSettings.defaults(), clock)) {
            assertThat(reopened.find(new PaperId("2410.00001")).orElseThrow().title())
                    .isEqualTo("Memory Barriers, Third Version");
            assertThat(reopened.popularity(new PaperId("2410.00001"))).contains(signal("2410.00001", 64, DAY));
            assertThat(reopened.search(SearchQuery.of("memory barriers")).hits()).hasSize(1);
            assertThat(reopened.size()).isEqualTo(1);
        }
    }
}
