package dev.paperbot.bot.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.bot.digest.DigestPoster;
import dev.paperbot.bot.slack.SlackApps;
import dev.paperbot.bot.testing.FakeSlackApi;
import dev.paperbot.bot.testing.SlackRequests;
import dev.paperbot.bot.testing.TestIndexes;
import dev.paperbot.bot.testing.TestPapers;
import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.store.StoreConfig;
import dev.paperbot.core.testing.FakeTime;
import dev.paperbot.core.testing.TestDatabases;
import dev.paperbot.index.search.LuceneIndex;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the bot installed in many workspaces, behind one load balancer, on one real PostgreSQL: an install
 * started on one finishes on the other, both serve every installed workspace with its own token, an uninstall seen
 * by one holds for both, and each channel's digest goes out once.
 */
class ReplicasOnPostgresTest {

    static final FakeSlackApi.Workspace ACME = FakeSlackApi.Workspace.of("TACME");
    static final FakeSlackApi.Workspace BETA = FakeSlackApi.Workspace.of("TBETA");
    static final String ACME_TOKEN = "xoxb-1_acme_replicas";
    static final String BETA_TOKEN = "xoxb-2_beta_replicas";

    FakeTime time;
    List<Paper> papers;
    FakeSlackApi slack;
    StoreConfig db;
    ManyWorkspacesBot one;
    ManyWorkspacesBot two;

    @BeforeEach
    void start() {
        time = new FakeTime(Instant.parse("2026-03-02T05:00:00Z"));
        papers = TestPapers.about("quantization", 4);
        slack = FakeSlackApi.start();
        slack.oauthApp(ManyWorkspacesBot.CLIENT_ID, ManyWorkspacesBot.CLIENT_SECRET);
        db = TestDatabases.freshPostgres();
        one = new ManyWorkspacesBot(slack, db, index(), time, ManyWorkspacesBot.KEY);
        two = new ManyWorkspacesBot(slack, db, index(), time, ManyWorkspacesBot.KEY);
    }

    /** Each replica its own index with the same papers, as each process would have; its runtime closes it. */
    LuceneIndex index() {
        LuceneIndex index = TestIndexes.inMemory(time);
        index.upsert(papers);
        return index;
    }

    @AfterEach
    void stop() {
        one.close();
        two.close();
        slack.close();
    }

    @Test
    void an_install_started_on_one_replica_finishes_on_the_other_and_both_serve_the_workspace() {
        ManyWorkspacesBot.Started started = one.startInstall();
        slack.installCode("code-acme", ACME, ACME_TOKEN, SlackApps.BOT_SCOPES);

        assertThat(two.callback("code-acme", started.state(), started.cookie()).statusCode()).isEqualTo(200);
        // The state is used up for every replica.
        assertThat(one.callback("code-acme", started.state(), started.cookie()).statusCode()).isEqualTo(400);

        for (ManyWorkspacesBot replica : List.of(one, two)) {
            HttpResponse<String> reply = replica.command("TACME", "CACME", "quantization");
            assertThat(reply.body()).contains("Papers for");
        }
        assertThat(slack.calls("auth.test")).extracting(FakeSlackApi.Call::token).containsOnly(ACME_TOKEN);

        // Uninstalled through one replica: the other refuses the workspace too.
        assertThat(two.event(SlackRequests.appUninstalled("TACME")).statusCode()).isEqualTo(200);
        assertThat(one.event(SlackRequests.eventCallback("TACME", ACME.botUserId(),
                SlackRequests.appHomeOpened("UTACMEUSER"))).statusCode()).isEqualTo(401);
    }

    @Test
    void two_replicas_post_each_workspaces_digest_once_with_its_own_token() throws Exception {
        assertThat(one.install(ACME, "code-acme", ACME_TOKEN).statusCode()).isEqualTo(200);
        assertThat(two.install(BETA, "code-beta", BETA_TOKEN).statusCode()).isEqualTo(200);
        assertThat(two.command("TACME", "CACME", "subscribe quantization").statusCode()).isEqualTo(200);
        assertThat(one.command("TBETA", "CBETA", "subscribe quantization").statusCode()).isEqualTo(200);
        slack.reset();

        time.set(Instant.parse("2026-03-02T09:00:00Z"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<DigestPoster.Result> results = new ArrayList<>();
        try {
            List<Future<List<DigestPoster.Result>>> ticks = List.of(pool.submit(one::tick), pool.submit(two::tick));
            for (Future<List<DigestPoster.Result>> tick : ticks) {
                results.addAll(tick.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(results).filteredOn(r -> r.outcome() == DigestPoster.Outcome.POSTED).hasSize(2);
        assertThat(slack.calls("chat.postMessage")).extracting(c -> c.param("channel") + "=" + c.token())
                .containsExactlyInAnyOrder("CACME=" + ACME_TOKEN, "CBETA=" + BETA_TOKEN);
    }
}
