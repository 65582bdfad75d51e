package dev.paperbot.index.source.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.index.source.http.FixtureServer;
import dev.paperbot.index.source.http.FixtureServer.FakeTime;
import dev.paperbot.index.source.http.HttpSettings;
import dev.paperbot.index.source.ingest.IngestSummary;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.source.ingest.TestIndexes;
import dev.paperbot.index.source.ingest.PaperUpdater;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArxivRssTest {

    private static final String FEED = "/sources/arxiv/rss_cs.LG+stat.ML_2025-09-18.xml";

    private final FixtureServer server = new FixtureServer();
    private final FakeTime time = new FakeTime();
    private final TestIndexes.MovableClock clock = new TestIndexes.MovableClock(java.time.Instant.parse("2025-09-18T00:00:00Z"));
    private final LuceneIndex index = TestIndexes.inMemory(clock);
    private final ArxivRss rss = new ArxivRss(time.client(HttpSettings.arxiv()), server.baseUrl() + "/");

    @AfterEach
    void stop() {
        server.close();
        index.close();
    }

    private static Paper attentionSinksV1() {
        return new Paper(new PaperId("2401.01234"), "Attention Sinks", "First version.", List.of("Mara Stone"),
                List.of("cs.LG"), LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 3),
                "https://arxiv.org/abs/2401.01234", "arxiv");
    }

    @Test
    void new_papers_and_cross_lists_are_added_with_clean_text_authors_categories_and_dates() throws Exception {
        server.enqueueResource(FEED);

        IngestSummary summary = rss.ingest(List.of("cs.LG"), new PaperUpdater(index));

        assertThat(server.requests().getFirst().path()).isEqualTo("/rss/cs.LG");
        Paper paper = index.find(new PaperId("2509.13332")).orElseThrow();
        assertThat(paper.title())
                .isEqualTo("Learning σ-Algebras with Sparse Transformers: Q&A for Schrödinger Bridges");
        assertThat(paper.abstractText()).isEqualTo(
                "We study σ-algebras learned by sparse transformers and show that they recover the Schrödinger"
                        + " bridge & its dual.");
        assertThat(paper.authors()).containsExactly("Zoë Müller", "José Pérez", "Ann Lee");
        assertThat(paper.categories()).containsExactly("cs.LG", "cs.AI");
        assertThat(paper.published()).isEqualTo(LocalDate.of(2025, 9, 18));
        assertThat(paper.url()).isEqualTo("https://arxiv.org/abs/2509.13332");
        assertThat(index.find(new PaperId("2509.13400"))).get()
                .satisfies(p -> assertThat(p.categories()).containsExactly("stat.ML", "cs.LG"));

        assertThat(summary.added()).isEqualTo(2);
        assertThat(summary.skipsByReason()).containsEntry(
                "replacement of a paper not in the index (not a new paper)", 2L)
                .containsEntry("no arXiv id in guid, link or description", 1L);
        assertThat(summary.skipDetails()).extracting(IngestSummary.Skip::where)
                .contains("cs.LG item 4 (2203.01250, replace-cross)", "cs.LG item 5");
    }

    @Test
    void a_replacement_updates_the_known_paper_and_keeps_when_it_was_added() throws Exception {
        clock.set(Instant.parse("2024-01-04T00:00:00Z"));
        index.upsert(List.of(attentionSinksV1()));
        clock.set(Instant.parse("2025-09-18T01:00:00Z"));
        server.enqueueResource(FEED);

        IngestSummary summary = rss.ingest(List.of("cs.LG"), new PaperUpdater(index));

        Paper v2 = index.find(new PaperId("2401.01234")).orElseThrow();
        assertThat(v2.title()).isEqualTo("Attention Sinks, Revisited (Second Version)");
        assertThat(v2.authors()).containsExactly("Mara Stone", "Li Wei");
        assertThat(v2.published()).isEqualTo(LocalDate.of(2024, 1, 3));
        assertThat(v2.updated()).isEqualTo(LocalDate.of(2025, 9, 18));
        // The digest's "new papers" are those added after its last run: a replacement must not be one of them.
        assertThat(TestIndexes.addedAt(index, v2.id())).contains(Instant.parse("2024-01-04T00:00:00Z"));
        assertThat(index.find(new PaperId("2203.01250"))).isEmpty();
        assertThat(summary.updated()).isEqualTo(1);
        assertThat(summary.added()).isEqualTo(2);
    }

    @Test
    void running_the_same_feed_again_changes_nothing() throws Exception {
        server.enqueueResource(FEED).enqueueResource(FEED);
        rss.ingest(List.of("cs.LG"), new PaperUpdater(index));
        long size = index.size();

        IngestSummary again = rss.ingest(List.of("cs.LG"), new PaperUpdater(index));

        assertThat(again.added()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(index.size()).isEqualTo(size);
    }

    @Test
    void a_paper_in_two_feeds_counts_once() throws Exception {
        server.enqueueResource(FEED).enqueueResource(FEED);

        IngestSummary summary = rss.ingest(List.of("cs.LG", "stat.ML"), new PaperUpdater(index));

        assertThat(server.requests()).extracting(FixtureServer.Received::path)
                .containsExactly("/rss/cs.LG", "/rss/stat.ML");
        assertThat(summary.added()).isEqualTo(2);
        assertThat(index.size()).isEqualTo(2);
        assertThat(time.waits()).containsExactly(java.time.Duration.ofSeconds(3));
    }

    @Test
    void an_empty_weekend_feed_is_a_note_not_an_error() throws Exception {
        server.enqueueResource("/sources/arxiv/rss_empty_weekend.xml");

        IngestSummary summary = rss.ingest(List.of("cs.LG"), new PaperUpdater(index));

        assertThat(summary.failed()).isFalse();
        assertThat(summary.added()).isZero();
        assertThat(summary.notes()).anySatisfy(n -> assertThat(n).contains("no items").contains("Saturdays"));
        assertThat(index.size()).isZero();
    }

    @Test
    void a_truncated_feed_is_fetched_again_and_then_reported_without_touching_the_index() throws Exception {
        for (int i = 0; i < 5; i++) {
            server.enqueueResource("/sources/arxiv/rss_truncated.xml");
        }

        IngestSummary summary = rss.ingest(List.of("cs.LG"), new PaperUpdater(index));

        assertThat(summary.failed()).isTrue();
        assertThat(summary.failures().getFirst()).contains("not well-formed XML").contains("5 attempts");
        assertThat(server.requests()).hasSize(5);
        assertThat(index.size()).isZero();
    }

    @Test
    void a_truncated_feed_followed_by_a_whole_one_is_ingested() throws Exception {
        server.enqueueResource("/sources/arxiv/rss_truncated.xml").enqueueResource(FEED);

        IngestSummary summary = rss.ingest(List.of("cs.LG"), new PaperUpdater(index));

        assertThat(summary.failed()).isFalse();
        assertThat(summary.added()).isEqualTo(2);
    }

    @Test
    void bad_category_names_are_refused_before_any_request() {
        assertThatThrownBy(() -> rss.ingest(List.of("cs.LG", "cs LG/../x"), new PaperUpdater(index)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'cs LG/../x'");
        assertThatThrownBy(() -> rss.ingest(List.of("cs.LG", "zz.XX"), new PaperUpdater(index)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'zz.XX' is not an arXiv category");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void categories_in_another_case_are_fetched_in_arxivs_spelling() throws Exception {
        server.enqueueResource(FEED);

        rss.ingest(List.of("CS.lg"), new PaperUpdater(index));

        assertThat(server.requests().getFirst().path()).isEqualTo("/rss/cs.LG");
        assertThat(ArxivRss.validCategories(List.of("stat.ml", "Math", "HEP-TH")))
                .containsExactly("stat.ML", "math", "hep-th");
    }
}
