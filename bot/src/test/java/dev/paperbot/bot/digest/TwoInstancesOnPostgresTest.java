package dev.paperbot.bot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperbot.bot.testing.FakeSlackApi;
import dev.paperbot.bot.testing.TestIndexes;
import dev.paperbot.bot.testing.TestPapers;
import dev.paperbot.core.store.ChannelRef;
import dev.paperbot.core.store.DigestRun;
import dev.paperbot.core.store.StoreConfig;
import dev.paperbot.core.store.Topic;
import dev.paperbot.core.testing.FakeTime;
import dev.paperbot.core.testing.TestDatabases;
import dev.paperbot.index.search.LuceneIndex;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two bot instances (separate pools, posters and schedulers) on one real PostgreSQL: every channel gets its digest
 * exactly once, also when one instance dies between Slack accepting a message and recording it.
 */
class TwoInstancesOnPostgresTest {

    static final int CHANNELS = 50;
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    FakeTime time;
    LuceneIndex index;
    FakeSlackApi slack;
    StoreConfig db;
    final List<DigestBot> bots = new ArrayList<>();

    @BeforeEach
    void setUp() {
        time = new FakeTime(Instant.parse("2026-03-02T06:00:00Z"));
        index = TestIndexes.inMemory(time);
        slack = FakeSlackApi.start();
        db = TestDatabases.freshPostgres();
        DigestBot setup = bot("setup", 1);
        for (int i = 0; i < CHANNELS; i++) {
            ChannelRef ch = channel(i);
            setup.store.subscriptions().subscribe(ch, Topic.keyword(i % 2 == 0 ? "agents" : "diffusion"), "U1",
                    time.instant());
            setup.store.subscriptions().setDigestTime(ch, LocalTime.of(9, 0), ZoneId.of("UTC"));
        }
        index.upsert(TestPapers.about("agents", 5));
        index.upsert(TestPapers.about("diffusion", 5));
        time.set(Instant.parse("2026-03-02T09:00:00Z"));
    }

    @AfterEach
    void tearDown() {
        bots.forEach(DigestBot::close);
        slack.close();
        index.close();
    }

    static ChannelRef channel(int i) {
        return ChannelRef.of(i % 2 == 0 ? "TEVEN" : "TODD", "C" + i);
    }

    DigestBot bot(String name, int parallelism) {
        DigestBot b = new DigestBot(name, db, index, slack.apiUrl(), time, DigestBot.FAST_RETRIES, parallelism);
        bots.add(b);
        return b;
    }

    void tickTogether(DigestBot... instances) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(instances.length);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (DigestBot b : instances) {
                running.add(pool.submit(() -> {
                    try {
                        return b.scheduler.tick();
                    } catch (RuntimeException | Error e) {
                        return List.of(); // a "killed" instance
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    void assertEveryChannelPostedExactlyOnce(DigestBot reader) {
        List<String> posted = slack.calls("chat.postMessage").stream().map(c -> c.param("channel")).toList();
        assertThat(posted).hasSize(CHANNELS).doesNotHaveDuplicates();
        for (int i = 0; i < CHANNELS; i++) {
            DigestRun run = reader.store.digests().run(channel(i), DAY).orElseThrow();
            assertThat(run.state()).as("run of %s", channel(i)).isEqualTo(DigestRun.State.POSTED);
            assertThat(reader.store.digests().postedPapers(channel(i))).hasSize(3);
        }
    }

    @Test
    void two_instances_post_fifty_digests_exactly_once() throws Exception {
        DigestBot a = bot("bot-a", 4);
        DigestBot b = bot("bot-b", 4);
        tickTogether(a, b);
        tickTogether(a, b); // a second round finds nothing left to do
        assertEveryChannelPostedExactlyOnce(a);
    }

    @Test
    void an_instance_killed_mid_run_and_restarted_leaves_no_channel_without_and_none_with_two_digests()
            throws Exception {
        DigestBot a = bot("bot-a", 1);
        DigestBot b = bot("bot-b", 4);
        AtomicInteger postsByA = new AtomicInteger();
        AtomicReference<ChannelRef> killedIn = new AtomicReference<>();
        a.poster.afterPost((channel, part) -> {
            if (postsByA.incrementAndGet() == 5) {
                // Slack accepted the message; the process dies before recording it.
                killedIn.set(channel);
                a.store.close();
                throw new KilledError();
            }
        });

        tickTogether(a); // A posts four digests and dies right after Slack accepted the fifth
        tickTogether(b); // B posts the rest; the dead instance's claim still holds the fifth channel
        ChannelRef victim = killedIn.get();
        assertThat(victim).isNotNull();
        assertThat(b.store.digests().run(victim, DAY).orElseThrow().state()).isEqualTo(DigestRun.State.POSTING);

        // The channel's history shows the message the dead instance posted.
        FakeSlackApi.Call lost = slack.calls("chat.postMessage").stream()
                .filter(c -> c.param("channel").equals(victim.channelId())).findFirst().orElseThrow();
        ObjectMapper json = new ObjectMapper();
        ObjectNode history = json.createObjectNode().put("ok", true).put("has_more", false);
        history.putArray("messages").addObject().put("type", "message").put("ts", "1772442000.000100")
                .put("text", lost.param("text")).set("blocks", lost.json("blocks"));
        slack.answer("conversations.history", json.writeValueAsString(history));

        // Restart the killed instance; once the dead claim's lease ran out, one of them finishes the run.
        time.advance(DigestBot.LEASE.plus(Duration.ofSeconds(1)));
        DigestBot restarted = bot("bot-a-restarted", 4);
        tickTogether(restarted, b);

        assertEveryChannelPostedExactlyOnce(b);
        assertThat(slack.calls("conversations.history")).hasSize(1);
    }

    /** Stands for the process dying. */
    static final class KilledError extends Error {
        private static final long serialVersionUID = 1L;
    }
}
