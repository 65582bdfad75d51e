package dev.paperbot.bot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The picks benchmark, tiny: it runs, its channels share topics or not as asked, and it reports what it did. */
class PicksBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void shared_topics_are_searched_once_and_unique_ones_once_each() throws Exception {
        PicksBenchmark.Report shared = PicksBenchmark.run(new PicksBenchmark.Settings(300, 20, 3, true, 2, 1, 40, 42,
                dir.resolve("shared")), new PrintWriter(new StringWriter()));
        assertThat(shared.subscriptions()).isEqualTo(60);
        assertThat(shared.distinctTopics()).isLessThan(60);
        PicksBenchmark.Pass pass = shared.passes().getFirst();
        assertThat(pass.searches()).isEqualTo(shared.distinctTopics()); // one search per topic: all due at once
        assertThat(pass.picks()).isGreaterThan(20);

        PicksBenchmark.Report unique = PicksBenchmark.run(new PicksBenchmark.Settings(300, 10, 3, false, 2, 1, 40,
                42, dir.resolve("unique")), new PrintWriter(new StringWriter()));
        assertThat(unique.distinctTopics()).isEqualTo(30);
        assertThat(unique.passes().getFirst().searches()).isGreaterThanOrEqualTo(30);

        StringWriter out = new StringWriter();
        PicksBenchmark.print(unique, new PrintWriter(out));
        assertThat(out.toString()).contains("channels 10", "sharing none", "pass 1:");
    }

    @Test
    void synthetic_papers_read_like_papers_and_name_their_area() {
        SyntheticPapers papers = new SyntheticPapers(1);
        var p = papers.paper(0);
        assertThat(p.abstractText().split(" ")).hasSizeGreaterThan(40);
        assertThat(p.authors()).isNotEmpty();
        assertThat(TopicPool.KEYWORDS.stream().anyMatch(k -> (p.title() + " " + p.abstractText()).toLowerCase()
                .contains(k))).isTrue();
        assertThat(new SyntheticPapers(1).paper(0)).isEqualTo(p); // same seed, same paper
    }
}
