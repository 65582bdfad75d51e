package dev.paperbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperbot.core.paper.PaperId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The behaviour every store must have, run against SQLite and PostgreSQL by the subclasses. */
abstract class StoreContractTest extends StoreOnFreshDatabase {

    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final ChannelRef A = ChannelRef.of("TAAAA", "C1");
    static final ChannelRef A2 = ChannelRef.of("TAAAA", "C2");
    /** Another workspace with a channel of the same id: Slack channel ids are only unique within a workspace. */
    static final ChannelRef B = ChannelRef.of("TBBBB", "C1");
    static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    static final Duration LEASE = Duration.ofMinutes(5);

    StoreContractTest(TestDatabase database) {
        super(database);
    }

    SubscriptionStore subs() {
        return store.subscriptions();
    }

    static PaperId p(String id) {
        return new PaperId(id);
    }

    @Test
    void subscribe_lists_topics_oldest_first_and_ignores_a_second_spelling_of_one_topic() {
        assertThat(subs().subscribe(A, Topic.parse("LLM  Quantization"), "U1", T0)).isTrue();
        assertThat(subs().subscribe(A, Topic.parse("author:\"Yann LeCun\""), "U2", T0.plusSeconds(1))).isTrue();
        assertThat(subs().subscribe(A, Topic.parse("llm quantization"), "U3", T0.plusSeconds(2))).isFalse();

        assertThat(subs().subscriptions(A)).containsExactly(
                new Subscription(A, Topic.keyword("LLM Quantization"), "U1", T0),
                new Subscription(A, Topic.author("Yann LeCun"), "U2", T0.plusSeconds(1)));
    }

    @Test
    void unsubscribe_removes_one_topic_or_all_and_bumps_the_topics_version() {
        subs().subscribe(A, Topic.keyword("agents"), "U1", T0);
        subs().subscribe(A, Topic.keyword("diffusion"), "U1", T0);
        long before = subs().settings(A).topicsVersion();

        assertThat(subs().unsubscribe(A, Topic.keyword("AGENTS"))).isTrue();
        assertThat(subs().unsubscribe(A, Topic.keyword("agents"))).isFalse();
        assertThat(subs().settings(A).topicsVersion()).isGreaterThan(before);
        assertThat(subs().subscriptions(A)).extracting(s -> s.topic().text()).containsExactly("diffusion");

        assertThat(subs().unsubscribeAll(A)).isEqualTo(1);
        assertThat(subs().subscriptions(A)).isEmpty();
        assertThat(subs().allSubscribedChannels()).isEmpty();
    }

    @Test
    void a_channel_cannot_follow_more_than_the_limit() {
        for (int i = 0; i < SubscriptionStore.MAX_TOPICS_PER_CHANNEL; i++) {
            subs().subscribe(A, Topic.keyword("topic " + i), "U1", T0);
        }
        assertThatThrownBy(() -> subs().subscribe(A, Topic.keyword("one more"), "U1", T0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unsubscribe one first");
    }

    @Test
    void settings_default_to_nine_utc_and_keep_what_was_set() {
        assertThat(subs().settings(A)).isEqualTo(ChannelSettings.defaults(A));

        subs().setDigestTime(A, LocalTime.of(7, 30), ZoneId.of("Europe/Berlin"));
        subs().setQuietOnEmpty(A, true);
        subs().pause(A, "is_archived", T0);

        ChannelSettings s = subs().settings(A);
        assertThat(s.digestTime()).isEqualTo(LocalTime.of(7, 30));
        assertThat(s.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(s.quietOnEmpty()).isTrue();
        assertThat(s.pause()).contains(new ChannelSettings.Pause("is_archived", T0));

        assertThat(subs().resume(A)).isTrue();
        assertThat(subs().resume(A)).isFalse();
        assertThat(subs().settings(A).paused()).isFalse();
    }

    @Test
    void subscribed_channels_lists_only_channels_with_topics() {
        subs().subscribe(A, Topic.keyword("agents"), "U1", T0);
        subs().setDigestTime(A2, LocalTime.NOON, ZoneId.of("Asia/Tokyo")); // settings but no topics
        subs().subscribe(B, Topic.keyword("agents"), "U9", T0);

        assertThat(subs().subscribedChannels("TAAAA")).extracting(ChannelSettings::channel).containsExactly(A);
        assertThat(subs().allSubscribedChannels()).extracting(ChannelSettings::channel).containsExactly(A, B);
    }

    @Test
    void feedback_is_idempotent_and_dismissed_papers_are_per_channel() {
        Feedback dismiss = new Feedback(A, "U1", p("2401.00001"), Feedback.Kind.NOT_INTERESTED, T0);
        assertThat(store.feedback().record(dismiss)).isTrue();
        assertThat(store.feedback().record(new Feedback(A, "U1", p("2401.00001"), Feedback.Kind.NOT_INTERESTED,
                T0.plusSeconds(60)))).isFalse();
        store.feedback().record(new Feedback(A, "U2", p("2401.00002"), Feedback.Kind.LIKE, T0));

        assertThat(store.feedback().dismissed(A)).containsExactly(p("2401.00001"));
        assertThat(store.feedback().dismissed(A2)).isEmpty();
        assertThat(store.feedback().forChannel(A, T0)).hasSize(2);
    }

    @Test
    void recent_by_user_returns_saves_and_shares_newest_first_across_the_users_channels() {
        var fb = store.feedback();
        fb.record(new Feedback(A, "U1", p("2401.00001"), Feedback.Kind.SAVE, T0));
        fb.record(new Feedback(A2, "U1", p("2401.00002"), Feedback.Kind.SHARE, T0.plusSeconds(10)));
        fb.record(new Feedback(A, "U1", p("2401.00003"), Feedback.Kind.NOT_INTERESTED, T0.plusSeconds(20)));
        fb.record(new Feedback(A, "U2", p("2401.00004"), Feedback.Kind.SAVE, T0.plusSeconds(30)));

        List<Feedback> recent = fb.recentByUser("TAAAA", "U1", Set.of(Feedback.Kind.SAVE, Feedback.Kind.SHARE), 10);
        assertThat(recent).extracting(Feedback::paperId).containsExactly(p("2401.00002"), p("2401.00001"));
        assertThat(fb.recentByUser("TAAAA", "U1", Set.of(Feedback.Kind.SAVE, Feedback.Kind.SHARE), 1)).hasSize(1);

        assertThat(fb.retract(A, "U1", p("2401.00001"), Feedback.Kind.SAVE)).isTrue();
        assertThat(fb.recentByUser("TAAAA", "U1", Set.of(Feedback.Kind.SAVE), 10)).isEmpty();
    }

    @Test
    void one_workspace_can_neither_read_nor_change_another_workspaces_data() {
        // Workspace A sets everything up.
        subs().subscribe(A, Topic.keyword("agents"), "U1", T0);
        subs().setDigestTime(A, LocalTime.of(8, 0), ZoneId.of("Europe/Paris"));
        store.feedback().record(new Feedback(A, "U1", p("2401.00001"), Feedback.Kind.NOT_INTERESTED, T0));
        store.feedback().record(new Feedback(A, "U1", p("2401.00002"), Feedback.Kind.SAVE, T0));
        DigestClaim claimA = store.digests().claim(A, DAY, "bot-1", T0, LEASE).orElseThrow();
        store.digests().recordIntent(claimA, List.of(p("2401.00003")), 1, T0);
        store.digests().recordPartPosted(claimA, 1, List.of(p("2401.00003")), T0);

        // Workspace B, using the same channel id and user id, sees none of it...
        assertThat(subs().subscriptions(B)).isEmpty();
        assertThat(subs().settings(B)).isEqualTo(ChannelSettings.defaults(B));
        assertThat(subs().subscribedChannels("TBBBB")).isEmpty();
        assertThat(store.feedback().dismissed(B)).isEmpty();
        assertThat(store.feedback().forChannel(B, Instant.EPOCH)).isEmpty();
        assertThat(store.feedback().recentByUser("TBBBB", "U1", Set.of(Feedback.Kind.values()), 10)).isEmpty();
        assertThat(store.digests().postedPapers(B)).isEmpty();
        assertThat(store.digests().run(B, DAY)).isEmpty();
        assertThat(store.digests().runsOn("TBBBB", DAY)).isEmpty();

        // ...and everything it does leaves A's data as it was.
        assertThat(subs().unsubscribe(B, Topic.keyword("agents"))).isFalse();
        assertThat(subs().unsubscribeAll(B)).isZero();
        subs().setDigestTime(B, LocalTime.of(23, 0), ZoneId.of("Asia/Tokyo"));
        subs().pause(B, "token_revoked", T0);
        assertThat(store.feedback().retract(B, "U1", p("2401.00001"), Feedback.Kind.NOT_INTERESTED)).isFalse();
        assertThat(store.feedback().retract(B, "U1", p("2401.00002"), Feedback.Kind.SAVE)).isFalse();
        Optional<DigestClaim> claimB = store.digests().claim(B, DAY, "bot-1", T0, LEASE);
        assertThat(claimB).isPresent(); // B's own run, not A's finished one
        store.digests().finish(claimB.orElseThrow(), DigestRun.State.FAILED, "token_revoked", T0);

        assertThat(subs().subscriptions(A)).hasSize(1);
        ChannelSettings a = subs().settings(A);
        assertThat(a.digestTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(a.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(a.paused()).isFalse();
        assertThat(store.feedback().dismissed(A)).containsExactly(p("2401.00001"));
        assertThat(store.feedback().recentByUser("TAAAA", "U1", Set.of(Feedback.Kind.SAVE), 10)).hasSize(1);
        assertThat(store.digests().postedPapers(A)).containsExactly(p("2401.00003"));
        assertThat(store.digests().run(A, DAY).orElseThrow().state()).isEqualTo(DigestRun.State.POSTING);
    }

    @Test
    void a_digest_run_goes_from_claim_to_posted_and_cannot_be_claimed_again() {
        var digests = store.digests();
        DigestClaim claim = digests.claim(A, DAY, "bot-1", T0, LEASE).orElseThrow();
        assertThat(claim.attempt()).isEqualTo(1);
        assertThat(digests.claim(A, DAY, "bot-2", T0.plusSeconds(1), LEASE)).isEmpty();

        List<PaperId> papers = List.of(p("2401.00001"), p("2401.00002"), p("2401.00003"));
        assertThat(digests.recordIntent(claim, papers, 2, T0)).isTrue();
        assertThat(digests.recordPartPosted(claim, 2, papers.subList(2, 3), T0)).isFalse(); // out of order
        assertThat(digests.recordPartPosted(claim, 1, papers.subList(0, 2), T0)).isTrue();
        assertThat(digests.recordPartPosted(claim, 2, papers.subList(2, 3), T0)).isTrue();
        assertThat(digests.finish(claim, DigestRun.State.POSTED, null, T0.plusSeconds(5))).isTrue();

        DigestRun run = digests.run(A, DAY).orElseThrow();
        assertThat(run.state()).isEqualTo(DigestRun.State.POSTED);
        assertThat(run.papers()).isEqualTo(papers);
        assertThat(run.partsPosted()).isEqualTo(2);
        assertThat(digests.postedPapers(A)).containsExactlyInAnyOrderElementsOf(papers);

        // Even long after the lease, a finished run is never claimed again.
        assertThat(digests.claim(A, DAY, "bot-2", T0.plus(Duration.ofDays(1)), LEASE)).isEmpty();
        assertThat(digests.previousRun(A, DAY.plusDays(1))).map(DigestRun::papersAsOf).contains(Optional.of(T0));
        assertThat(digests.previousRun(A, DAY)).isEmpty();
    }

    @Test
    void an_expired_claim_is_taken_over_with_its_intent_and_the_old_owner_is_fenced_off() {
        var digests = store.digests();
        DigestClaim first = digests.claim(A, DAY, "bot-1", T0, LEASE).orElseThrow();
        List<PaperId> papers = List.of(p("2401.00001"), p("2401.00002"));
        digests.recordIntent(first, papers, 2, T0);
        digests.recordPartPosted(first, 1, papers.subList(0, 1), T0);

        assertThat(digests.claim(A, DAY, "bot-2", T0.plus(LEASE).minusSeconds(1), LEASE)).isEmpty();
        DigestClaim second = digests.claim(A, DAY, "bot-2", T0.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.run().interrupted()).isTrue();
        assertThat(second.run().papers()).isEqualTo(papers);
        assertThat(second.run().partsPosted()).isEqualTo(1);

        // The first owner wakes up: none of its writes about the run land any more.
        assertThat(digests.renew(first, T0.plus(LEASE), LEASE)).isFalse();
        assertThat(digests.recordPartPosted(first, 2, papers.subList(1, 2), T0)).isFalse();
        assertThat(digests.finish(first, DigestRun.State.POSTED, null, T0)).isFalse();

        assertThat(digests.recordPartPosted(second, 2, papers.subList(1, 2), T0)).isTrue();
        assertThat(digests.finish(second, DigestRun.State.POSTED, null, T0)).isTrue();
        assertThat(digests.run(A, DAY).orElseThrow().owner()).isEqualTo("bot-2");
    }

    @Test
    void a_failed_run_can_be_reopened_and_resumes_after_what_it_had_posted() {
        var digests = store.digests();
        assertThat(digests.reopenFailed(A, DAY)).isFalse(); // no run at all

        DigestClaim claim = digests.claim(A, DAY, "bot-1", T0, LEASE).orElseThrow();
        List<PaperId> papers = List.of(p("2401.00001"), p("2401.00002"));
        digests.recordIntent(claim, papers, 2, T0);
        digests.recordPartPosted(claim, 1, papers.subList(0, 1), T0);
        assertThat(digests.reopenFailed(A, DAY)).isFalse(); // not failed: left alone
        digests.finish(claim, DigestRun.State.FAILED, "not_in_channel", T0);
        assertThat(digests.claim(A, DAY, "bot-2", T0.plus(Duration.ofHours(1)), LEASE)).isEmpty();

        assertThat(digests.reopenFailed(B, DAY)).isFalse(); // another workspace's channel C1
        assertThat(digests.reopenFailed(A, DAY)).isTrue();
        DigestClaim again = digests.claim(A, DAY, "bot-2", T0.plus(Duration.ofHours(1)), LEASE).orElseThrow();
        assertThat(again.run().interrupted()).isTrue();
        assertThat(again.run().partsPosted()).isEqualTo(1);
        assertThat(again.run().note()).isEmpty();
        assertThat(digests.renew(claim, T0, LEASE)).isFalse(); // the first owner stays fenced off
        assertThat(digests.recordPartPosted(again, 2, papers.subList(1, 2), T0)).isTrue();
        assertThat(digests.finish(again, DigestRun.State.POSTED, null, T0)).isTrue();
        assertThat(digests.postedPapers(A)).containsExactlyElementsOf(papers);
    }

    @Test
    void of_many_concurrent_claimers_exactly_one_wins() throws Exception {
        int claimers = 8;
        // Separate store instances: for SQLite they behave like separate processes on one file.
        List<PaperbotStore> others = new ArrayList<>();
        for (int i = 0; i < claimers; i++) {
            others.add(Stores.open(currentConfig()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        try {
            for (int day = 0; day < 10; day++) {
                LocalDate d = DAY.plusDays(day);
                List<Callable<Boolean>> tasks = new ArrayList<>();
                for (int i = 0; i < claimers; i++) {
                    PaperbotStore s = others.get(i);
                    String owner = "bot-" + i;
                    tasks.add(() -> s.digests().claim(A, d, owner, T0, LEASE).isPresent());
                }
                int winners = 0;
                for (Future<Boolean> f : pool.invokeAll(tasks)) {
                    winners += f.get() ? 1 : 0;
                }
                assertThat(winners).as("winners on %s", d).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
            others.forEach(PaperbotStore::close);
        }
    }

    @Test
    void reopening_the_store_keeps_every_subscription_and_setting() {
        subs().subscribe(A, Topic.keyword("agents"), "U1", T0);
        subs().subscribe(A, Topic.author("Yann LeCun"), "U1", T0);
        subs().subscribe(B, Topic.keyword("diffusion"), "U2", T0);
        subs().setDigestTime(A, LocalTime.of(6, 45), ZoneId.of("America/New_York"));
        List<Subscription> before = subs().subscriptions(A);
        store.close();

        store = Stores.open(currentConfig()); // migrations run again and change nothing
        assertThat(subs().subscriptions(A)).isEqualTo(before);
        assertThat(subs().subscriptions(B)).hasSize(1);
        assertThat(subs().settings(A).zone()).isEqualTo(ZoneId.of("America/New_York"));
    }
}
