package dev.paperbot.index.source.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HighWaterMarksTest {

    @TempDir
    Path home;

    @Test
    void dates_and_instants_share_one_file_and_each_write_keeps_the_other_marks() {
        Path file = home.resolve(HighWaterMarks.FILE_NAME);
        HighWaterMarks marks = HighWaterMarks.in(home);
        marks.put("oai.cs:cs:LG", LocalDate.parse("2025-11-19"));
        marks.put("scheduled.rss", Instant.parse("2025-11-17T01:30:00Z"));

        HighWaterMarks reopened = new HighWaterMarks(file);
        assertThat(reopened.get("oai.cs:cs:LG")).contains(LocalDate.parse("2025-11-19"));
        assertThat(reopened.instant("scheduled.rss")).contains(Instant.parse("2025-11-17T01:30:00Z"));
        assertThat(reopened.instant("scheduled.hf")).isEmpty();
        assertThat(file.resolveSibling("ingest-state.properties.tmp")).doesNotExist();
    }

    @Test
    void a_broken_mark_reads_as_absent() throws Exception {
        Path file = home.resolve("ingest-state.properties");
        Files.writeString(file, "scheduled.rss=yesterday\noai.cs\\:cs\\:LG=2025-13-45\n");
        HighWaterMarks marks = new HighWaterMarks(file);

        assertThat(marks.instant("scheduled.rss")).isEmpty();
        assertThat(marks.get("oai.cs:cs:LG")).isEmpty();
    }
}
