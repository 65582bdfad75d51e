package dev.paperbot.bot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.paperbot.bot.config.IngestSchedule;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.index.search.IndexSettings;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.search.PaperIndexes;
import dev.paperbot.index.source.http.HttpSettings;
import dev.paperbot.index.source.ingest.IngestSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestSchedulerTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @TempDir
    Path home;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2024-10-25T12:00:00Z"), ZoneOffset.UTC);
    private final HttpSettings fast = HttpSettings.arxiv().withMinInterval(Duration.ZERO).withMaxAttempts(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            String path = exchange.getRequestURI().getPath();
            String resource = path.startsWith("/rss/") ? "/sources/arxiv/rss_cs.LG+stat.ML_2025-09-18.xml"
                    : path.equals("/api/daily_papers") ? "/sources/huggingface/daily_papers_2024-10-25.json" : null;
            byte[] body;
            try (InputStream in = resource == null ? null : getClass().getResourceAsStream(resource)) {
                body = in == null ? new byte[0] : in.readAllBytes();
            }
            exchange.sendResponseHeaders(resource == null ? 404 : 200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private IngestSchedule schedule(Set<IngestSchedule.Source> sources) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new IngestSchedule(sources, List.of("cs.LG"), LocalTime.of(20, 30), NEW_YORK,
                IngestSchedule.ANNOUNCEMENT_DAYS, 7, base, base, base);
    }

    @Test
    void a_run_ingests_rss_and_hugging_face_into_the_bots_index() throws Exception {
        try (LuceneIndex index = PaperIndexes.inMemory(IndexSettings.defaults(), clock)) {
            IngestScheduler scheduler = new IngestScheduler(schedule(EnumSet.of(IngestSchedule.Source.RSS,
                    IngestSchedule.Source.HF)), () -> Optional.of(index), home, clock, fast, fast);

            List<IngestSummary> summaries = scheduler.runNow();

            assertThat(summaries).extracting(IngestSummary::line).containsExactly(
                    "arxiv-rss: 2 added, 0 updated, 0 unchanged, 3 skipped",
                    "huggingface: 3 added, 0 updated, 0 unchanged, 1 skipped, 3 popularity signals");
            assertThat(requests).containsExactly("/rss/cs.LG", "/api/daily_papers?date=2024-10-25");
            assertThat(index.find(new PaperId("2509.13332"))).isPresent();
            assertThat(index.trending(clock.instant().atZone(ZoneOffset.UTC).toLocalDate(), 1))
                    .extracting(p -> p.id().value()).containsExactly("2410.17243");
        }
    }

    @Test
    void nothing_happens_before_the_index_is_open_or_when_the_schedule_is_off() throws Exception {
        IngestScheduler waiting = new IngestScheduler(schedule(EnumSet.of(IngestSchedule.Source.RSS)),
                Optional::<PaperIndex>empty, home, clock, fast, fast);
        assertThat(waiting.runNow()).isEmpty();

        try (IngestScheduler off = new IngestScheduler(IngestSchedule.off(), Optional::<PaperIndex>empty, home, clock,
                fast, fast)) {
            off.start();
        }
        assertThat(requests).isEmpty();
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
}
