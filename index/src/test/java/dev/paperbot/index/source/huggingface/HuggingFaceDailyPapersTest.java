package dev.paperbot.index.source.huggingface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.paper.Popularity;
import dev.paperbot.index.source.http.FixtureServer;
import dev.paperbot.index.source.http.FixtureServer.FakeTime;
import dev.paperbot.index.source.http.HttpSettings;
import dev.paperbot.index.source.ingest.IngestSummary;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.source.ingest.TestIndexes;
import dev.paperbot.index.source.ingest.PaperUpdater;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HuggingFaceDailyPapersTest {

    private static final String DIR = "/sources/huggingface/";
    private static final LocalDate DAY = LocalDate.of(2024, 10, 25);

    private final FixtureServer server = new FixtureServer();
    private final FakeTime time = new FakeTime();
    private final TestIndexes.MovableClock clock = new TestIndexes.MovableClock(java.time.Instant.parse("2025-09-18T00:00:00Z"));
    private final LuceneIndex index = TestIndexes.inMemory(clock);
    private final HuggingFaceDailyPapers hf =
            new HuggingFaceDailyPapers(time.client(HttpSettings.huggingFace()), server.baseUrl());

    @AfterEach
    void stop() {
        server.close();
        index.close();
    }

    private IngestSummary ingest(LocalDate from, LocalDate to) throws InterruptedException {
        return hf.ingest(from, to, new PaperUpdater(index), index);
    }

    @Test
    void adds_the_days_papers_and_keeps_their_upvotes() throws Exception {
        server.enqueueResource(DIR + "daily_papers_2024-10-25.json");

        IngestSummary summary = ingest(DAY, DAY);

        assertThat(server.requests().getFirst().path()).isEqualTo("/api/daily_papers");
        assertThat(server.requests().getFirst().query()).isEqualTo("date=2024-10-25");
        Paper memory = index.find(new PaperId("2410.17243")).orElseThrow();
        assertThat(memory.title())
                .isEqualTo("Breaking the Memory Barrier: Near Infinite Batch Size Scaling for Contrastive Loss");
        assertThat(memory.authors()).containsExactly("Zesen Cheng", "Hang Zhang", "Kehan Li");
        assertThat(memory.published()).isEqualTo(LocalDate.of(2024, 10, 22));
        assertThat(memory.source()).isEqualTo("huggingface");
        assertThat(index.find(new PaperId("2410.16251")).orElseThrow().title())
                .isEqualTo("Can Knowledge Editing Really Correct Hallucinations? O(1) & More");
        assertThat(index.popularity(new PaperId("2410.17243"))).contains(new Popularity(new PaperId("2410.17243"), 64, DAY));
        assertThat(index.trending(DAY, 2)).extracting(p -> p.id().value()).containsExactly("2410.17243", "2410.16251");
        assertThat(summary.added()).isEqualTo(3);
        assertThat(summary.signals()).isEqualTo(3);
        assertThat(summary.skipDetails()).singleElement()
                .isEqualTo(new IngestSummary.Skip("2024-10-25 item 3", "no arXiv id ('not-an-arxiv-id')"));
    }

    @Test
    void an_arxiv_paper_keeps_its_categories_and_abstract_when_hugging_face_lists_it() throws Exception {
        Paper fromArxiv = new Paper(new PaperId("2401.01234"), "Attention Sinks", "The arXiv abstract.",
                List.of("Mara Stone", "Li Wei"), List.of("cs.LG"), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 2),
                "https://arxiv.org/abs/2401.01234", "arxiv");
        index.upsert(List.of(fromArxiv));
        server.enqueueResource(DIR + "daily_papers_2024-10-25.json");

        ingest(DAY, DAY);

        Paper after = index.find(new PaperId("2401.01234")).orElseThrow();
        assertThat(after.categories()).containsExactly("cs.LG");
        assertThat(after.abstractText()).isEqualTo("The arXiv abstract.");
        assertThat(after.source()).isEqualTo("arxiv");
        assertThat(index.popularity(after.id())).map(Popularity::upvotes).contains(7);
    }

    @Test
    void a_later_day_updates_the_signal_and_rerunning_is_idempotent() throws Exception {
        server.enqueueResource(DIR + "daily_papers_2024-10-25.json")
                .enqueueResource(DIR + "daily_papers_2024-10-26.json")
                .enqueueResource(DIR + "daily_papers_2024-10-25.json")
                .enqueueResource(DIR + "daily_papers_2024-10-26.json");

        ingest(DAY, DAY.plusDays(1));
        IngestSummary again = ingest(DAY, DAY.plusDays(1));

        assertThat(server.requests()).extracting(FixtureServer.Received::query)
                .containsExactly("date=2024-10-25", "date=2024-10-26", "date=2024-10-25", "date=2024-10-26");
        assertThat(index.popularity(new PaperId("2410.17243")))
                .contains(new Popularity(new PaperId("2410.17243"), 80, DAY.plusDays(1)));
        assertThat(again.added()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(index.size()).isEqualTo(3);
    }

    @Test
    void invalid_json_is_fetched_again_then_reported_and_other_days_go_on() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.enqueueResource(DIR + "daily_papers_invalid.json");
        }
        server.enqueueResource(DIR + "daily_papers_2024-10-26.json");

        IngestSummary summary = ingest(DAY, DAY.plusDays(1));

        assertThat(summary.failures()).singleElement().asString()
                .startsWith("2024-10-25:").contains("not valid JSON").contains("4 attempts");
        assertThat(summary.added()).isEqualTo(1);
    }

    @Test
    void an_empty_day_is_a_note() throws Exception {
        server.enqueueResource(DIR + "daily_papers_empty.json");
        IngestSummary summary = ingest(DAY, DAY);
        assertThat(summary.notes()).containsExactly("2024-10-25: no daily papers");
        assertThat(summary.failed()).isFalse();
    }

    @Test
    void a_reversed_range_is_refused() {
        assertThatThrownBy(() -> ingest(DAY, DAY.minusDays(1))).hasMessageContaining("before it starts");
    }
}
