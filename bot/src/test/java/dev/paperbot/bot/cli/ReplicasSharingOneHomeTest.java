package dev.paperbot.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.bot.config.PaperbotConfigLoader;
import dev.paperbot.bot.testing.FakeSlackApi;
import dev.paperbot.bot.testing.SlackRequests;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.testing.TestDatabases;
import dev.paperbot.index.source.http.FixtureServer;
import dev.paperbot.index.source.ingest.HighWaterMarks;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} processes' worth of bot (everything {@code serve} starts, from the same environment variables)
 * sharing one PAPERBOT_HOME and one PostgreSQL, as {@code docker compose --scale paperbot=2} runs them on one volume:
 * the first writes the index and ingests, the second follows its commits and answers Slack from them, and takes over
 * writing and ingesting when the first stops. arXiv and Hugging Face are a local server with the source fixtures.
 */
class ReplicasSharingOneHomeTest {

    static final String SIGNING_SECRET = "3a1f0c5e9b7d2468ace013579bdf2468";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String RSS = "/sources/arxiv/rss_cs.LG+stat.ML_2025-09-18.xml";
    static final String HF = "/sources/huggingface/daily_papers_2024-10-25.json";
    /** In the RSS fixture (a new paper) and in the Hugging Face fixture, not in the embedded corpus. */
    static final PaperId FROM_RSS = new PaperId("2509.13332");
    static final PaperId FROM_HF = new PaperId("2410.17243");

    @TempDir
    Path home;

    final FixtureServer sources = new FixtureServer();
    final AtomicInteger replies = new AtomicInteger();
    FakeSlackApi slack;
    Map<String, String> env;
    Replica first;
    Replica second;

    /** One {@code serve}, reached over HTTP as Slack and a load balancer's health check reach it. */
    record Replica(Serving serving, SlackRequests slack, String base) {
        static Replica start(Map<String, String> env, Path home) {
            Serving serving = Serving.start(PaperbotConfigLoader.load(env, home), home.resolve("index"));
            String base = "http://127.0.0.1:" + serving.runtime().port();
            return new Replica(serving, SlackRequests.toPort(serving.runtime().port(), SIGNING_SECRET), base);
        }

        HttpResponse<String> get(String path) {
            return slack.get(URI.create(base + path));
        }

        PaperIndex index() {
            return serving.runtime().index().get().orElseThrow();
        }
    }

    @BeforeEach
    void start() {
        slack = FakeSlackApi.start();
        env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-0000_test_bot_token");
        env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
        env.put("PAPERBOT_SLACK_API_URL", slack.apiUrl());
        env.put("PAPERBOT_HOST", "127.0.0.1");
        env.put("PAPERBOT_PORT", "0");
        env.put("PAPERBOT_DB_URL", TestDatabases.freshPostgres().jdbcUrl());
        env.put("PAPERBOT_EMBEDDINGS", "off");
        env.put("PAPERBOT_INGEST", "rss,hf");
        env.put("PAPERBOT_INGEST_CATEGORIES", "cs.LG");
        env.put("PAPERBOT_ARXIV_RSS_URL", sources.baseUrl());
        env.put("PAPERBOT_HF_URL", sources.baseUrl());
        env.put("PAPERBOT_INDEX_REFRESH_SECONDS", "1");
    }

    @AfterEach
    void stop() {
        for (Replica r : new Replica[] {second, first}) {
            if (r != null) {
                r.serving().close();
            }
        }
        slack.close();
        sources.close();
    }

    @Test
    void the_second_replica_follows_the_first_and_takes_over_writing_and_ingesting_when_it_stops() throws Exception {
        // The first replica's catch-up at start: the feed answers, Hugging Face does not (it is tried again later).
        sources.enqueueResource(RSS);
        first = Replica.start(env, home);
        awaitUntil(() -> first.get("/healthz").statusCode() == 200);
        second = Replica.start(env, home);
        awaitUntil(() -> second.get("/healthz").statusCode() == 200);

        assertThat(first.get("/status").body()).contains("index: writer");
        assertThat(second.get("/status").body()).contains("index: follower");
        // The writer ingested the feed; the follower sees its papers after a refresh and fetched nothing itself.
        awaitUntil(() -> sources.requests().size() == 2);
        awaitUntil(() -> second.index().find(FROM_RSS).isPresent());
        assertThat(papers(second, "Schrodinger bridges sparse transformers")).contains(FROM_RSS.value());
        assertThat(papers(first, "quantization")).contains("Papers for");
        assertThat(sources.requests()).extracting(FixtureServer.Received::path)
                .containsExactly("/rss/cs.LG", "/api/daily_papers");

        // The writer stops (a rolling update, a crash): the follower writes from now on, and catches up what the
        // writer's runs left undone, once.
        sources.enqueueResource(HF);
        first.serving().close();
        first = null;
        assertThat(papers(second, "quantization")).contains("Papers for");
        awaitUntil(() -> second.get("/status").body().contains("index: writer"));
        // Recorded once the whole run is in.
        awaitUntil(() -> HighWaterMarks.in(home).instant("scheduled.hf").isPresent());

        assertThat(sources.requests()).extracting(FixtureServer.Received::path)
                .containsExactly("/rss/cs.LG", "/api/daily_papers", "/api/daily_papers");
        assertThat(second.index().find(FROM_HF)).isPresent();
        assertThat(papers(second, "Schrodinger bridges sparse transformers")).contains(FROM_RSS.value());
        assertThat(second.index().size()).isEqualTo(227 + 2 + 3);
    }

    /** {@code /papers <words>} sent to a replica: its reply, in the ack or, when it came late, to response_url. */
    private String papers(Replica replica, String words) {
        String id = "reply-" + replies.incrementAndGet();
        HttpResponse<String> ack = replica.slack().send(SlackRequests.slashCommand(words, slack.responseUrl(id)),
                FORM);
        assertThat(ack.statusCode()).isEqualTo(200);
        if (!ack.body().isBlank()) {
            return ack.body();
        }
        return slack.awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.path().endsWith("/" + id), Duration.ofSeconds(30))
                .body();
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 60 s");
            }
            Thread.sleep(50);
        }
    }
}
