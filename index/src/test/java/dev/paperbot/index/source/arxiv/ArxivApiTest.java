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
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArxivApiTest {

    private static final String DIR = "/sources/arxiv/";

    private final FixtureServer server = new FixtureServer();
    private final FakeTime time = new FakeTime();
    private final TestIndexes.MovableClock clock = new TestIndexes.MovableClock(java.time.Instant.parse("2025-09-18T00:00:00Z"));
    private final LuceneIndex index = TestIndexes.inMemory(clock);

    @AfterEach
    void stop() {
        server.close();
        index.close();
    }

    private ArxivApi api(int pageSize) {
        return new ArxivApi(time.client(HttpSettings.arxiv()), server.baseUrl(), pageSize);
    }

    @Test
    void looks_up_ids_in_any_spelling_without_versions() throws Exception {
        server.enqueueResource(DIR + "api_id_list.xml");

        IngestSummary summary = api(100).lookup(
                List.of("arXiv:1911.12281v1", "https://arxiv.org/abs/hep-ex/0307015", "1911.12281", "nonsense"),
                new PaperUpdater(index));

        assertThat(server.requests().getFirst().query())
                .isEqualTo("id_list=1911.12281%2Chep-ex%2F0307015&start=0&max_results=2");
        Paper configuration = index.find(new PaperId("1911.12281")).orElseThrow();
        assertThat(configuration.abstractText()).contains("Poisson-σ-model").doesNotContain("\n");
        assertThat(configuration.authors()).containsExactly("Ricardo Campos", "Najib Idrissi", "Thomas Willwacher");
        assertThat(configuration.categories()).containsExactly("math.QA", "math.AT");
        assertThat(configuration.published()).isEqualTo(LocalDate.of(2019, 11, 27));
        assertThat(configuration.updated()).isEqualTo(LocalDate.of(2020, 4, 2));
        Paper hera = index.find(new PaperId("hep-ex/0307015")).orElseThrow();
        assertThat(hera.title()).isEqualTo("Multi-Electron Production at High Transverse Momenta in ep Collisions at HERA");
        assertThat(hera.abstractText()).contains("0.30 ± 0.04");
        assertThat(summary.added()).isEqualTo(2);
        assertThat(summary.skipDetails()).containsExactly(new IngestSummary.Skip("'nonsense'", "not an arXiv id"));
        // Looked-up papers are not announcements: a digest must not take them for new ones.
        assertThat(TestIndexes.addedAt(index, new PaperId("1911.12281"))).contains(java.time.Instant.EPOCH);
    }

    @Test
    void backfills_a_topic_page_by_page_with_a_polite_delay() throws Exception {
        server.enqueueResource(DIR + "api_backfill_page1.xml").enqueueResource(DIR + "api_backfill_page2.xml");

        IngestSummary summary = api(2).backfill("cat:cs.LG", 100, new PaperUpdater(index));

        assertThat(server.requests()).extracting(FixtureServer.Received::query).containsExactly(
                "search_query=cat%3Acs.LG&sortBy=submittedDate&sortOrder=descending&start=0&max_results=2",
                "search_query=cat%3Acs.LG&sortBy=submittedDate&sortOrder=descending&start=2&max_results=2");
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(3));
        assertThat(summary.added()).isEqualTo(3);
        // The primary category comes first even when the entry lists it later.
        assertThat(index.find(new PaperId("2511.11447")).orElseThrow().categories()).containsExactly("cs.LG", "cs.DL");
        assertThat(index.find(new PaperId("2511.10001")).orElseThrow().title())
                .isEqualTo("Graph Networks for Protein Folding");
    }

    @Test
    void backfill_stops_at_the_limit() throws Exception {
        server.enqueueResource(DIR + "api_backfill_page1.xml");

        api(2).backfill("cat:cs.LG", 2, new PaperUpdater(index));

        assertThat(server.requests()).hasSize(1);
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void an_api_error_entry_is_a_failure_with_its_message() throws Exception {
        server.enqueueResource(DIR + "api_error.xml");

        IngestSummary summary = api(10).lookup(List.of("2401.01234"), new PaperUpdater(index));

        assertThat(summary.failures()).singleElement().asString().contains("incorrect id format for 1234.12345");
        assertThat(index.size()).isZero();
    }

    @Test
    void the_categories_of_a_query_are_checked_and_spelled_as_arxiv_does() {
        assertThat(ArxivApi.checkedQuery("cat:cs.lg AND ti:\"graph neural\"")).isEqualTo(
                "cat:cs.LG AND ti:\"graph neural\"");
        assertThat(ArxivApi.checkedQuery("(cat:STAT.ML OR cat:cs.*) ANDNOT all:cat")).isEqualTo(
                "(cat:stat.ML OR cat:cs.*) ANDNOT all:cat");
        assertThat(ArxivApi.checkedQuery("cat:hep-th+AND+au:maldacena")).isEqualTo("cat:hep-th+AND+au:maldacena");
        assertThat(ArxivApi.checkedQuery("all:\"scat:xx\" cat:math.A*")).as("other wildcards are the API's")
                .isEqualTo("all:\"scat:xx\" cat:math.A*");
    }

    @Test
    void an_unknown_category_in_a_query_is_refused_before_any_request() {
        assertThatThrownBy(() -> api(10).backfill("cat:zz.XX AND ti:x", 10, new PaperUpdater(index)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'zz.XX' is not an arXiv category");
        assertThatThrownBy(() -> ArxivApi.checkedQuery("cat:cs.ML")).hasMessageEndingWith("did you mean stat.ML?");
        assertThatThrownBy(() -> ArxivApi.checkedQuery("cat:zz.*")).hasMessageStartingWith(
                "'zz' is not an arXiv archive");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void a_blank_query_is_refused() {
        assertThatThrownBy(() -> api(10).backfill(" ", 10, new PaperUpdater(index)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.requests()).isEmpty();
    }
}
