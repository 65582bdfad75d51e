package dev.paperbot.index.source.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.index.source.http.FixtureServer;
import dev.paperbot.index.source.http.FixtureServer.FakeTime;
import dev.paperbot.index.source.http.FixtureServer.Reply;
import dev.paperbot.index.source.http.HttpSettings;
import dev.paperbot.index.source.ingest.HighWaterMarks;
import dev.paperbot.index.source.ingest.IngestSummary;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.source.ingest.TestIndexes;
import dev.paperbot.index.source.ingest.PaperUpdater;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArxivOaiTest {

    private static final String DIR = "/sources/arxiv/";

    @TempDir
    Path dir;

    private final FixtureServer server = new FixtureServer();
    private final FakeTime time = new FakeTime();
    private final LuceneIndex index = TestIndexes.inMemory(Clock.systemUTC());
    private final Clock clock = Clock.fixed(Instant.parse("2025-11-19T15:00:00Z"), ZoneOffset.UTC);

    @AfterEach
    void stop() {
        server.close();
        index.close();
    }

    private HighWaterMarks marks() {
        return new HighWaterMarks(dir.resolve("marks.properties"));
    }

    private ArxivOai oai() {
        return new ArxivOai(time.client(HttpSettings.arxiv()), server.baseUrl() + "/oai", marks(), clock);
    }

    private IngestSummary harvest(Optional<LocalDate> from) throws InterruptedException {
        return oai().harvest(List.of("cs.LG"), from, Optional.empty(), new PaperUpdater(index));
    }

    private void enqueueThreePages() {
        server.enqueueResource(DIR + "oai_page1.xml").enqueueResource(DIR + "oai_page2.xml")
                .enqueueResource(DIR + "oai_page3_last.xml");
    }

    @Test
    void follows_resumption_tokens_over_several_pages_at_a_polite_pace() throws Exception {
        enqueueThreePages();

        IngestSummary summary = harvest(Optional.of(LocalDate.of(2025, 11, 12)));

        assertThat(server.requests()).extracting(FixtureServer.Received::query).containsExactly(
                "verb=ListRecords&metadataPrefix=arXiv&set=cs%3Acs%3ALG&from=2025-11-12",
                "verb=ListRecords&resumptionToken=6960524%7C1001",
                "verb=ListRecords&resumptionToken=6960524%7C2001");
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
        assertThat(summary.added()).isEqualTo(4);
        assertThat(summary.skipsByReason()).containsEntry("deleted record", 1L).containsEntry("no title", 1L);
        assertThat(summary.skipDetails()).extracting(IngestSummary.Skip::where)
                .contains("oai:arXiv.org:2511.20002", "oai:arXiv.org:2511.20003");
        assertThat(index.size()).isEqualTo(4);
    }

    @Test
    void records_keep_authors_in_order_categories_dates_and_clean_text() throws Exception {
        enqueueThreePages();
        harvest(Optional.of(LocalDate.of(2025, 11, 12)));

        Paper grin = index.find(new PaperId("2511.11447")).orElseThrow();
        assertThat(grin.title()).isEqualTo("GRIN Transfer: A production-ready tool for libraries");
        assertThat(grin.abstractText()).isEqualTo("We describe GRIN Transfer, a tool that moves scanned books into"
                + " library systems.");
        assertThat(grin.authors()).containsExactly("Liza Daly", "Matteo Cargnelutti", "Catherine Brobston");
        assertThat(grin.categories()).containsExactly("cs.DL", "cs.LG", "cs.IR");
        assertThat(grin.published()).isEqualTo(LocalDate.of(2025, 11, 17));
        assertThat(grin.updated()).isEqualTo(LocalDate.of(2025, 11, 18));

        Paper moe = index.find(new PaperId("2511.20001")).orElseThrow();
        assertThat(moe.title()).isEqualTo("Sparse Mixture of Experts & Routing");
        assertThat(moe.authors()).containsExactly("Jörg Müller", "Martin L. King Jr");
        assertThat(moe.updated()).isEqualTo(moe.published());

        // A record created long before the harvest window is an old paper's update: historical, not new.
        assertThat(TestIndexes.addedAt(index, new PaperId("hep-th/9608091"))).contains(Instant.EPOCH);
        assertThat(TestIndexes.addedAt(index, new PaperId("2511.11447"))).get().isNotEqualTo(Instant.EPOCH);
        Paper old = index.find(new PaperId("hep-th/9608091")).orElseThrow();
        assertThat(old.title()).isEqualTo(
                "Excited State Destri - De Vega Equation for Sine-Gordon and Restricted Sine-Gordon Models");
        assertThat(old.url()).isEqualTo("https://arxiv.org/abs/hep-th/9608091");
    }

    @Test
    void a_completed_harvest_moves_the_mark_and_the_next_one_starts_there() throws Exception {
        enqueueThreePages();
        harvest(Optional.empty());
        assertThat(server.requests().getFirst().query()).endsWith("&from=2025-11-12"); // 7 days back at first
        assertThat(marks().get("oai.cs:cs:LG")).contains(LocalDate.of(2025, 11, 19));

        server.enqueueResource(DIR + "oai_noRecordsMatch.xml");
        IngestSummary again = harvest(Optional.empty());

        assertThat(server.requests().getLast().query()).endsWith("&from=2025-11-19");
        assertThat(again.failed()).isFalse();
        assertThat(again.notes()).anySatisfy(n -> assertThat(n).contains("no records changed"));
        assertThat(marks().get("oai.cs:cs:LG")).contains(LocalDate.of(2025, 11, 20));
    }

    @Test
    void harvesting_the_same_window_twice_is_idempotent() throws Exception {
        enqueueThreePages();
        enqueueThreePages();
        harvest(Optional.of(LocalDate.of(2025, 11, 12)));
        IngestSummary again = harvest(Optional.of(LocalDate.of(2025, 11, 12)));
        assertThat(again.added()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(index.size()).isEqualTo(4);
    }

    @Test
    void waits_out_503_retry_after_between_pages() throws Exception {
        server.enqueueResource(DIR + "oai_page1.xml")
                .enqueue(Reply.status(503, Map.of("Retry-After", "20")))
                .enqueueResource(DIR + "oai_page2.xml")
                .enqueueResource(DIR + "oai_page3_last.xml");

        IngestSummary summary = harvest(Optional.of(LocalDate.of(2025, 11, 12)));

        assertThat(summary.failed()).isFalse();
        assertThat(summary.added()).isEqualTo(4);
        assertThat(time.waits()).contains(Duration.ofSeconds(20));
        assertThat(server.requests().get(1).query()).isEqualTo(server.requests().get(2).query());
    }

    @Test
    void a_truncated_page_is_fetched_again() throws Exception {
        server.enqueueResource(DIR + "oai_page1.xml")
                .enqueueResource(DIR + "oai_page2_truncated.xml")
                .enqueueResource(DIR + "oai_page2.xml")
                .enqueueResource(DIR + "oai_page3_last.xml");

        IngestSummary summary = harvest(Optional.of(LocalDate.of(2025, 11, 12)));

        assertThat(summary.failed()).isFalse();
        assertThat(index.size()).isEqualTo(4);
    }

    @Test
    void a_harvest_that_breaks_off_keeps_finished_pages_and_does_not_move_the_mark() throws Exception {
        marks().put("oai.cs:cs:LG", LocalDate.of(2025, 11, 10));
        server.enqueueResource(DIR + "oai_page1.xml");
        for (int i = 0; i < 5; i++) {
            server.enqueueResource(DIR + "oai_page2_truncated.xml");
        }

        IngestSummary summary = harvest(Optional.empty());

        assertThat(summary.failed()).isTrue();
        assertThat(summary.failures().getFirst()).contains("not well-formed XML").contains("mark stays at 2025-11-10");
        assertThat(index.size()).isEqualTo(2);
        assertThat(marks().get("oai.cs:cs:LG")).contains(LocalDate.of(2025, 11, 10));
    }

    @Test
    void an_expired_resumption_token_is_reported() throws Exception {
        server.enqueueResource(DIR + "oai_page1.xml").enqueueResource(DIR + "oai_badResumptionToken.xml");

        IngestSummary summary = harvest(Optional.of(LocalDate.of(2025, 11, 12)));

        assertThat(summary.failures()).singleElement().asString()
                .contains("badResumptionToken").contains("starts again from 2025-11-12");
        assertThat(marks().get("oai.cs:cs:LG")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"cs.LG, cs:cs:LG", "stat.ML, stat:stat:ML", "hep-th, physics:hep-th", "cs, cs",
        "astro-ph.GA, physics:astro-ph:GA", "math.AG, math:math:AG", "cs:cs:AI, cs:cs:AI", "q-bio.NC, q-bio:q-bio:NC",
        "cs.lg, cs:cs:LG", "Hep-Th, physics:hep-th", "CS:cs:ai, cs:cs:AI", "physics:hep-th, physics:hep-th",
        "physics:cond-mat, physics:cond-mat", "physics, physics", "eess.SY, eess:eess:SY",
        "cond-mat.str-el, physics:cond-mat:str-el", "physics.optics, physics:physics:optics"})
    void categories_become_oai_sets(String category, String set) {
        assertThat(ArxivOai.setSpec(category)).isEqualTo(set);
    }

    @Test
    void a_bad_set_is_refused_with_its_name() {
        assertThatThrownBy(() -> ArxivOai.setSpec("cs.LG&verb=Identify"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'cs.LG&verb=Identify'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "zz.XX | 'zz.XX' is not an arXiv category",
        "cs.ML | 'cs.ML' is not an arXiv category: did you mean stat.ML?",
        "cs:cs:XX | 'cs:cs:XX' is not an arXiv OAI set (such as cs:cs:LG or physics:hep-th): 'cs.XX' is not an arXiv"
                + " category (cs has",
        "physics:cs | 'physics:cs' is not an arXiv OAI set (such as cs:cs:LG or physics:hep-th): cs is in the cs group",
        "foo:bar | 'foo:bar' is not an arXiv OAI set",
        "cs:cs:LG:x | 'cs:cs:LG:x' is not an arXiv OAI set"})
    void unknown_categories_and_sets_are_refused_in_one_line(String given, String message) {
        assertThatThrownBy(() -> ArxivOai.setSpec(given))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message)
                .extracting(Throwable::getMessage).asString().doesNotContain("\n");
    }
}
