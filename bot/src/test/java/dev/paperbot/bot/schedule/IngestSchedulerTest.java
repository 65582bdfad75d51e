package dev.paperbot.bot.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperbot.bot.config.IngestSchedule;
import dev.paperbot.bot.config.IngestSchedule.Source;
import dev.paperbot.bot.metrics.IngestMetrics;
import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.ForwardingPaperIndex;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.search.PaperIndex.UpsertSummary;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.source.http.FixtureServer;
import dev.paperbot.index.source.http.HttpSettings;
import dev.paperbot.index.source.ingest.HighWaterMarks;
import dev.paperbot.index.source.ingest.IngestSummary;
import dev.paperbot.index.source.ingest.TestIndexes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled ingestion against a local server that answers with the source fixtures in the real formats, in the
 * order the sources ask. A "restart" is a new scheduler over the same data directory, at a later clock.
 */
class IngestSchedulerTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String ARXIV = "/sources/arxiv/";
    private static final String HF = "/sources/huggingface/";
    // arXiv announces Sunday to Thursday at 20:00 New York time; the schedule runs at 20:30 (EST: 01:30 UTC).
    private static final Instant SUNDAY_RUN = Instant.parse("2025-11-17T01:30:00Z");
    private static final Instant MONDAY_RUN = Instant.parse("2025-11-18T01:30:00Z");
    private static final Instant WEDNESDAY_MORNING = Instant.parse("2025-11-19T14:00:00Z");
    private static final String OAI_BACKFILL = "verb=ListRecords&metadataPrefix=arXiv&set=cs%3Acs%3ALG"
            + "&from=2025-11-16&until=2025-11-19";

    @TempDir
    Path home;

    private final FixtureServer server = new FixtureServer();
    private final TestIndexes.MovableClock clock = new TestIndexes.MovableClock(SUNDAY_RUN);
    private final LuceneIndex index = TestIndexes.inMemory(clock);
    private final HttpSettings fast = HttpSettings.arxiv().withMinInterval(Duration.ZERO).withMaxAttempts(1);

    @AfterEach
    void stop() {
        server.close();
        index.close();
    }

    private IngestSchedule schedule(Set<Source> sources, int catchUpDays) {
        URI base = URI.create(server.baseUrl());
        return new IngestSchedule(sources, List.of("cs.LG"), LocalTime.of(20, 30), NEW_YORK,
                IngestSchedule.ANNOUNCEMENT_DAYS, catchUpDays, base, base.resolve("/oai"), base);
    }

    private IngestScheduler scheduler(Set<Source> sources) {
        return scheduler(schedule(sources, IngestSchedule.DEFAULT_CATCH_UP_DAYS));
    }

    private IngestScheduler scheduler(IngestSchedule schedule) {
        return new IngestScheduler(schedule, () -> Optional.of(index), home, clock, fast, fast);
    }

    private void enqueueRss() {
        server.enqueueResource(ARXIV + "rss_cs.LG+stat.ML_2025-09-18.xml");
    }

    private void enqueueOaiPages() {
        server.enqueueResource(ARXIV + "oai_page1.xml").enqueueResource(ARXIV + "oai_page2.xml")
                .enqueueResource(ARXIV + "oai_page3_last.xml");
    }

    /** The bot ran its RSS schedule on Sunday evening and recorded it. */
    private void rssRanOnSunday() throws InterruptedException {
        clock.set(SUNDAY_RUN);
        enqueueRss();
        scheduler(EnumSet.of(Source.RSS)).runNow();
    }

    private List<String> queries() {
        return server.requests().stream().map(r -> r.path() + (r.query().isEmpty() ? "" : "?" + r.query())).toList();
    }

    private Optional<Instant> record(String source) {
        return HighWaterMarks.in(home).instant("scheduled." + source);
    }

    @Test
    void each_run_is_counted_by_source_with_the_papers_it_added_updated_and_skipped() throws Exception {
        clock.set(Instant.parse("2024-10-25T12:00:00Z"));
        enqueueRss();
        server.enqueueResource(HF + "daily_papers_2024-10-25.json");
        MeterRegistry meters = new SimpleMeterRegistry();

        IngestMetrics metrics = new IngestMetrics(meters);
        new IngestScheduler(schedule(EnumSet.of(Source.RSS, Source.HF), IngestSchedule.DEFAULT_CATCH_UP_DAYS),
                () -> Optional.of(index), home, clock, fast, fast, metrics::record, metrics::threw).runNow();

        assertThat(meters.get("paperbot.ingest.runs").tags("source", "arxiv-rss", "result", "ok").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("paperbot.ingest.runs").tags("source", "huggingface", "result", "ok").counter()
                .count()).isEqualTo(1);
        assertThat(meters.get("paperbot.ingest.papers").tags("source", "arxiv-rss", "change", "added").counter()
                .count()).isEqualTo(2);
        assertThat(meters.get("paperbot.ingest.papers").tags("source", "arxiv-rss", "change", "skipped").counter()
                .count()).isEqualTo(3);
        assertThat(meters.get("paperbot.ingest.papers").tags("source", "huggingface", "change", "added").counter()
                .count()).isEqualTo(3);
    }

    @Test
    void a_run_that_throws_goes_on_to_the_caller_and_is_counted_as_an_error_of_its_source() throws Exception {
        // The record of the run cannot be written: its temporary file's name is taken by a directory.
        Files.createDirectories(home.resolve(HighWaterMarks.FILE_NAME + ".tmp").resolve("taken"));
        enqueueRss();
        MeterRegistry meters = new SimpleMeterRegistry();
        IngestMetrics metrics = new IngestMetrics(meters);

        assertThatThrownBy(() -> new IngestScheduler(schedule(EnumSet.of(Source.RSS), 7), () -> Optional.of(index),
                home, clock, fast, fast, metrics::record, metrics::threw).runNow())
                .isInstanceOf(UncheckedIOException.class);
        assertThat(meters.get("paperbot.ingest.runs").tags("source", "arxiv-rss", "result", "error").counter()
                .count()).isEqualTo(1);
        assertThat(meters.find("paperbot.ingest.runs").tags("result", "ok").counter()).isNull();
    }

    @Test
    void a_run_ingests_rss_and_hugging_face_into_the_bots_index() throws Exception {
        clock.set(Instant.parse("2024-10-25T12:00:00Z"));
        enqueueRss();
        server.enqueueResource(HF + "daily_papers_2024-10-25.json");

        List<IngestSummary> summaries = scheduler(EnumSet.of(Source.RSS, Source.HF)).runNow();

        assertThat(summaries).extracting(IngestSummary::line).containsExactly(
                "arxiv-rss: 2 added, 0 updated, 0 unchanged, 3 skipped",
                "huggingface: 3 added, 0 updated, 0 unchanged, 1 skipped, 3 popularity signals");
        assertThat(queries()).containsExactly("/rss/cs.LG", "/api/daily_papers?date=2024-10-25");
        assertThat(index.find(new PaperId("2509.13332"))).isPresent();
        assertThat(index.trending(LocalDate.of(2024, 10, 25), 1)).extracting(p -> p.id().value())
                .containsExactly("2410.17243");
        assertThat(record("rss")).contains(clock.instant());
        assertThat(record("hf")).contains(clock.instant());
    }

    @Test
    void a_restart_after_missed_announcements_back_fills_them_through_oai_once() throws Exception {
        rssRanOnSunday();
        // Down over Monday's and Tuesday's runs; back on Wednesday morning.
        clock.set(WEDNESDAY_MORNING);
        enqueueOaiPages();
        enqueueRss();

        List<IngestSummary> caughtUp = scheduler(EnumSet.of(Source.RSS)).catchUp();

        assertThat(queries()).containsExactly("/rss/cs.LG", "/oai?" + OAI_BACKFILL,
                "/oai?verb=ListRecords&resumptionToken=6960524%7C1001",
                "/oai?verb=ListRecords&resumptionToken=6960524%7C2001", "/rss/cs.LG");
        assertThat(caughtUp).extracting(IngestSummary::line).containsExactly(
                "arxiv-oai: 4 added, 0 updated, 0 unchanged, 2 skipped",
                "arxiv-rss: 0 added, 0 updated, 2 unchanged, 3 skipped");
        // Announced on the missed days: new for digests. An old paper's update stays historical.
        assertThat(TestIndexes.addedAt(index, new PaperId("2511.11447"))).contains(WEDNESDAY_MORNING);
        assertThat(TestIndexes.addedAt(index, new PaperId("2511.20001"))).contains(WEDNESDAY_MORNING);
        assertThat(TestIndexes.addedAt(index, new PaperId("hep-th/9608091"))).contains(Instant.EPOCH);
        assertThat(record("rss")).contains(WEDNESDAY_MORNING);
        // The back-fill is bounded: an OAI source's own mark is not moved by it.
        assertThat(HighWaterMarks.in(home).get("oai.cs:cs:LG")).isEmpty();

        clock.set(WEDNESDAY_MORNING.plus(Duration.ofHours(3)));
        assertThat(scheduler(EnumSet.of(Source.RSS)).catchUp()).isEmpty();
        assertThat(server.requests()).hasSize(5);
    }

    @Test
    void one_missed_run_needs_only_the_feed_it_is_still_in() throws Exception {
        clock.set(MONDAY_RUN);
        enqueueRss();
        scheduler(EnumSet.of(Source.RSS)).runNow();
        clock.set(WEDNESDAY_MORNING); // missed Tuesday's run only: the feed still carries Tuesday's announcement
        enqueueRss();

        assertThat(scheduler(EnumSet.of(Source.RSS)).catchUp()).extracting(IngestSummary::source)
                .containsExactly("arxiv-rss");
        assertThat(queries()).containsExactly("/rss/cs.LG", "/rss/cs.LG");
    }

    @Test
    void a_failed_back_fill_keeps_the_gap_for_the_next_run() throws Exception {
        rssRanOnSunday();
        clock.set(WEDNESDAY_MORNING);
        server.enqueue(FixtureServer.Reply.status(503, Map.of()));
        enqueueRss();

        List<IngestSummary> failed = scheduler(EnumSet.of(Source.RSS)).catchUp();

        assertThat(failed.getFirst().failed()).isTrue();
        assertThat(failed.getLast().failed()).isFalse();
        assertThat(record("rss")).contains(SUNDAY_RUN);

        clock.set(WEDNESDAY_MORNING.plus(Duration.ofHours(1)));
        enqueueOaiPages();
        enqueueRss();
        List<IngestSummary> retried = scheduler(EnumSet.of(Source.RSS)).catchUp();

        assertThat(queries().get(3)).isEqualTo("/oai?" + OAI_BACKFILL);
        assertThat(retried).noneMatch(IngestSummary::failed);
        assertThat(index.find(new PaperId("2511.11447"))).isPresent();
        assertThat(record("rss")).contains(clock.instant());
    }

    @Test
    void without_a_record_the_first_start_fetches_the_latest_feed_only() throws Exception {
        clock.set(WEDNESDAY_MORNING);
        enqueueRss();

        assertThat(scheduler(EnumSet.of(Source.RSS)).catchUp()).hasSize(1);
        assertThat(queries()).containsExactly("/rss/cs.LG");
        assertThat(record("rss")).contains(WEDNESDAY_MORNING);
    }

    @Test
    void an_oai_source_in_the_schedule_covers_the_rss_gap_with_its_own_marks() throws Exception {
        rssRanOnSunday();
        clock.set(WEDNESDAY_MORNING);
        enqueueRss();
        enqueueOaiPages();

        scheduler(EnumSet.of(Source.RSS, Source.OAI)).catchUp();

        assertThat(queries()).containsExactly("/rss/cs.LG", "/rss/cs.LG",
                "/oai?verb=ListRecords&metadataPrefix=arXiv&set=cs%3Acs%3ALG&from=2025-11-12",
                "/oai?verb=ListRecords&resumptionToken=6960524%7C1001",
                "/oai?verb=ListRecords&resumptionToken=6960524%7C2001");
        assertThat(HighWaterMarks.in(home).get("oai.cs:cs:LG")).contains(LocalDate.of(2025, 11, 19));
        assertThat(record("oai")).contains(WEDNESDAY_MORNING);
    }

    @Test
    void hugging_face_fetches_every_day_since_its_last_run() throws Exception {
        // Last run Thursday 2024-10-24 at 20:30 New York (00:30 UTC on the 25th); back on Sunday after 20:30.
        HighWaterMarks.in(home).put("scheduled.hf", Instant.parse("2024-10-25T00:30:00Z"));
        clock.set(Instant.parse("2024-10-28T01:00:00Z"));
        server.enqueueResource(HF + "daily_papers_empty.json").enqueueResource(HF + "daily_papers_2024-10-25.json")
                .enqueueResource(HF + "daily_papers_2024-10-26.json").enqueueResource(HF + "daily_papers_empty.json")
                .enqueueResource(HF + "daily_papers_empty.json");

        List<IngestSummary> caughtUp = scheduler(EnumSet.of(Source.HF)).catchUp();

        assertThat(queries()).containsExactly("/api/daily_papers?date=2024-10-24", "/api/daily_papers?date=2024-10-25",
                "/api/daily_papers?date=2024-10-26", "/api/daily_papers?date=2024-10-27",
                "/api/daily_papers?date=2024-10-28");
        assertThat(caughtUp).singleElement().satisfies(s -> assertThat(s.failed()).isFalse());
        assertThat(index.trending(LocalDate.of(2024, 10, 26), 10)).isNotEmpty();
        assertThat(record("hf")).contains(clock.instant());
    }

    @Test
    void the_catch_up_reaches_back_no_further_than_the_cap() throws Exception {
        HighWaterMarks.in(home).put("scheduled.rss", SUNDAY_RUN.minus(Duration.ofDays(21)));
        HighWaterMarks.in(home).put("scheduled.hf", SUNDAY_RUN.minus(Duration.ofDays(21)));
        clock.set(WEDNESDAY_MORNING);
        enqueueOaiPages();
        enqueueRss();
        for (int day = 0; day < 3; day++) {
            server.enqueueResource(HF + "daily_papers_empty.json");
        }

        List<IngestSummary> caughtUp = scheduler(schedule(EnumSet.of(Source.RSS, Source.HF), 2)).catchUp();

        assertThat(queries().getFirst()).isEqualTo(
                "/oai?verb=ListRecords&metadataPrefix=arXiv&set=cs%3Acs%3ALG&from=2025-11-17&until=2025-11-19");
        assertThat(queries().subList(4, 7)).containsExactly("/api/daily_papers?date=2025-11-17",
                "/api/daily_papers?date=2025-11-18", "/api/daily_papers?date=2025-11-19");
        assertThat(queries()).hasSize(7);
        assertThat(caughtUp).extracting(IngestSummary::source).containsExactly("arxiv-oai", "arxiv-rss", "huggingface");
        assertThat(caughtUp.getFirst().notes()).anySatisfy(n -> assertThat(n).contains("PAPERBOT_INGEST_CATCHUP_DAYS"));
        assertThat(caughtUp.getLast().notes()).anySatisfy(n -> assertThat(n).contains("caught up from 2025-11-17"));
    }

    @Test
    void start_catches_up_in_the_background_once_the_index_is_open() throws Exception {
        rssRanOnSunday();
        clock.set(WEDNESDAY_MORNING);
        enqueueOaiPages();
        enqueueRss();
        CompletableFuture<PaperIndex> indexReady = new CompletableFuture<>();

        try (IngestScheduler scheduler = scheduler(EnumSet.of(Source.RSS))) {
            CompletableFuture<List<IngestSummary>> caughtUp = scheduler.start(indexReady);
            assertThat(server.requests()).hasSize(1); // Sunday's run only: start does not wait for anything
            indexReady.complete(index);

            assertThat(caughtUp.get(30, TimeUnit.SECONDS)).extracting(IngestSummary::source)
                    .containsExactly("arxiv-oai", "arxiv-rss");
        }
        assertThat(record("rss")).contains(WEDNESDAY_MORNING);
    }

    @Test
    void closing_lets_a_run_under_way_finish_its_write_instead_of_interrupting_it() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PaperIndex slowWrites = new ForwardingPaperIndex(index) {
            @Override
            public UpsertSummary upsert(Collection<Paper> papers) {
                writing.countDown();
                // Uninterruptibly, as a commit is: an interrupt would show as the run failing.
                boolean released = false;
                while (!released) {
                    try {
                        released = release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException("interrupted in the middle of a write", e);
                    }
                }
                return super.upsert(papers);
            }
        };
        enqueueRss();
        IngestScheduler scheduler = new IngestScheduler(schedule(EnumSet.of(Source.RSS), 7),
                () -> Optional.of(slowWrites), home, clock, fast, fast);
        scheduler.start(CompletableFuture.completedFuture(null));
        assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closed = CompletableFuture.runAsync(scheduler::close);
        Thread.sleep(200);
        assertThat(closed).isNotDone();
        release.countDown();
        closed.get(30, TimeUnit.SECONDS);

        assertThat(record("rss")).contains(SUNDAY_RUN);
        assertThat(index.size()).isPositive();
    }

    @Test
    void nothing_happens_before_the_index_is_open_or_when_the_schedule_is_off() throws Exception {
        IngestScheduler waiting = new IngestScheduler(schedule(EnumSet.of(Source.RSS), 7),
                Optional::<PaperIndex>empty, home, clock, fast, fast);
        assertThat(waiting.runNow()).isEmpty();

        try (IngestScheduler off = new IngestScheduler(IngestSchedule.off(), Optional::<PaperIndex>empty, home, clock,
                fast, fast)) {
            assertThat(off.start(CompletableFuture.completedFuture(null)).get()).isEmpty();
        }
        assertThat(server.requests()).isEmpty();
        assertThat(record("rss")).isEmpty();
    }

    @Test
    void runs_after_the_announcement_sunday_to_thursday_in_new_york() {
        IngestSchedule s = IngestSchedule.defaults();
        // Thursday 2025-09-18, 19:00 in New York: tonight at 20:30.
        assertThat(IngestTimes.next(s, Instant.parse("2025-09-18T23:00:00Z")).atZone(NEW_YORK).toString())
                .isEqualTo("2025-09-18T20:30-04:00[America/New_York]");
        // Friday evening: no announcement until Sunday.
        assertThat(IngestTimes.next(s, Instant.parse("2025-09-20T01:00:00Z")).atZone(NEW_YORK).toString())
                .isEqualTo("2025-09-21T20:30-04:00[America/New_York]");
        // Across the end of daylight saving time (Sunday 2025-11-02): still 20:30 local, now UTC-5.
        assertThat(IngestTimes.next(s, Instant.parse("2025-11-02T12:00:00Z")))
                .isEqualTo(Instant.parse("2025-11-03T01:30:00Z"));
        assertThat(s.days()).doesNotContain(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
    }

    @Test
    void the_latest_run_is_the_one_at_or_before_now() {
        IngestSchedule s = IngestSchedule.defaults();
        assertThat(IngestTimes.latest(s, SUNDAY_RUN)).isEqualTo(SUNDAY_RUN);
        assertThat(IngestTimes.latest(s, SUNDAY_RUN.minusSeconds(1)).atZone(NEW_YORK).toString())
                .isEqualTo("2025-11-13T20:30-05:00[America/New_York]"); // Thursday, over the weekend
        assertThat(IngestTimes.latest(s, WEDNESDAY_MORNING)).isEqualTo(Instant.parse("2025-11-19T01:30:00Z"));
    }
}
