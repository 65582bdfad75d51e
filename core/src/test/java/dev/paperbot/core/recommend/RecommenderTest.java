package dev.paperbot.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.paper.Popularity;
import dev.paperbot.core.store.ChannelRef;
import dev.paperbot.core.store.DigestClaim;
import dev.paperbot.core.store.DigestRun;
import dev.paperbot.core.store.Feedback;
import dev.paperbot.core.store.PaperbotStore;
import dev.paperbot.core.store.StoreConfig;
import dev.paperbot.core.store.Stores;
import dev.paperbot.core.store.Topic;
import dev.paperbot.core.testing.FakeTime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommenderTest {

    static final ChannelRef CH = ChannelRef.of("T1", "C1");
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path home;

    FakeTime time;
    InMemoryPaperIndex index;
    PaperbotStore store;
    PicksCache picks;
    int nextId = 1;

    @BeforeEach
    void setUp() {
        time = new FakeTime(Instant.parse("2026-03-01T00:00:00Z"));
        index = new InMemoryPaperIndex(time);
        store = Stores.open(StoreConfig.sqlite(home));
        picks = Recommenders.create(index, store, RecommenderSettings.defaults(), time, time);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    Paper paper(String title, String abstractText, String... authors) {
        String id = String.format("2603.%05d", nextId++);
        return Paper.of(new PaperId(id), title, abstractText).withAuthors(List.of(authors));
    }

    List<Paper> addPapers(String topicWord, int n) {
        List<Paper> added = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Each paper has its own distinct words, so none is a near-copy of another.
            added.add(paper(topicWord + " study number " + nextId,
                    "We examine " + topicWord + " with distinct" + nextId + " ideas alpha" + nextId + " beta" + nextId
                            + " gamma" + nextId + " delta" + nextId));
        }
        index.upsert(added);
        return added;
    }

    void subscribe(String topic) {
        store.subscriptions().subscribe(CH, Topic.parse(topic), "U1", time.instant());
        picks.invalidate(CH);
        time.advance(Duration.ofSeconds(1)); // topics are listed in the order they were subscribed
    }

    /** Posts the day's picks the way the poster does: claim, intent, one part, finish. */
    void post(DailyPicks p) {
        DigestClaim claim = store.digests().claim(CH, p.day(), "test", time.instant(), Duration.ofMinutes(5))
                .orElseThrow();
        store.digests().recordIntent(claim, p.paperIds(), 1, p.papersAsOf());
        store.digests().recordPartPosted(claim, 1, p.paperIds(), time.instant());
        store.digests().finish(claim, p.isEmpty() ? DigestRun.State.EMPTY : DigestRun.State.POSTED, null,
                time.instant());
    }

    @Test
    void picks_the_best_new_papers_per_topic_with_the_reason() {
        subscribe("quantization");
        subscribe("agents");
        addPapers("quantization", 5);
        addPapers("agents", 5);
        addPapers("unrelated", 5);
        time.set(Instant.parse("2026-03-02T09:00:00Z"));

        DailyPicks p = picks.picks(CH, DAY);

        assertThat(p.picks()).hasSize(6);
        assertThat(p.picks().subList(0, 3)).allSatisfy(pick -> {
            assertThat(pick.topic()).isEqualTo(Topic.keyword("quantization"));
            assertThat(pick.matchedTerms()).containsExactly("quantization");
            assertThat(pick.reason()).isEqualTo("quantization: quantization");
        });
        assertThat(p.picks().subList(3, 6)).allSatisfy(pick -> assertThat(pick.topic().text()).isEqualTo("agents"));
    }

    @Test
    void candidates_come_without_snippets_and_only_the_picked_papers_are_explained_once_per_shared_search() {
        ChannelRef other = ChannelRef.of("T1", "C2");
        subscribe("quantization");
        store.subscriptions().subscribe(other, Topic.parse("quantization"), "U1", time.instant());
        addPapers("quantization", 12);
        time.set(Instant.parse("2026-03-02T09:00:00Z"));

        DailyPicks first = picks.picks(CH, DAY);
        DailyPicks second = picks.picks(other, DAY);

        assertThat(index.searches.get()).isEqualTo(1);
        // 12 candidates found, 3 shown: only those 3 were explained, and the second channel reused them.
        assertThat(index.explained.get()).isEqualTo(3);
        assertThat(second.paperIds()).isEqualTo(first.paperIds());
        assertThat(first.picks()).hasSize(3).allSatisfy(pick -> {
            assertThat(pick.snippet().isEmpty()).isFalse();
            assertThat(pick.matchedTerms()).containsExactly("quantization");
        });
    }

    @Test
    void nothing_repeats_across_days_and_dismissed_papers_never_come_back() {
        subscribe("quantization");
        addPapers("quantization", 4);
        Set<PaperId> seen = new HashSet<>();
        Set<PaperId> dismissed = new HashSet<>();
        for (int d = 0; d < 6; d++) {
            LocalDate day = DAY.plusDays(d);
            time.set(day.atTime(9, 0).atZone(ZoneId.of("UTC")).toInstant());
            DailyPicks p = picks.picks(CH, day);
            for (PaperId id : p.paperIds()) {
                assertThat(seen.add(id)).as("%s picked again on %s", id, day).isTrue();
                assertThat(dismissed).doesNotContain(id);
            }
            post(p);
            // Someone dismisses a paper that has not been posted yet, from a search.
            Paper extra = addPapers("quantization", 2).getFirst();
            store.feedback().record(new Feedback(CH, "U2", extra.id(), Feedback.Kind.NOT_INTERESTED, time.instant()));
            dismissed.add(extra.id());
            time.advance(Duration.ofHours(1));
            addPapers("quantization", 1);
        }
        assertThat(seen).hasSizeGreaterThan(6);
    }

    @Test
    void only_papers_added_since_the_previous_digest_are_new() {
        subscribe("quantization");
        List<Paper> old = addPapers("quantization", 2);
        time.set(Instant.parse("2026-03-02T09:00:00Z"));
        DailyPicks first = picks.picks(CH, DAY);
        assertThat(first.paperIds()).containsExactlyInAnyOrderElementsOf(old.stream().map(Paper::id).toList());
        post(first);

        time.advance(Duration.ofHours(3));
        List<Paper> fresh = addPapers("quantization", 1);
        time.set(Instant.parse("2026-03-03T09:00:00Z"));
        DailyPicks second = picks.picks(CH, DAY.plusDays(1));
        assertThat(second.paperIds()).containsExactly(fresh.getFirst().id());
        assertThat(second.windowStart()).isBeforeOrEqualTo(first.papersAsOf());
    }

    @Test
    void a_day_without_new_papers_has_empty_picks() {
        subscribe("quantization");
        addPapers("agents", 3);
        time.set(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(picks.picks(CH, DAY).isEmpty()).isTrue();
    }

    @Test
    void near_copies_are_not_picked_together() {
        subscribe("quantization");
        String abs = "We quantize large language model weights to four bits with minimal accuracy loss on benchmarks";
        index.upsert(List.of(
                paper("Four-bit quantization of language models", abs),
                paper("Four-bit quantization of language models (extended)", abs + " extended"),
                paper("Quantization for speech recognition", "Speech models quantization on device, low latency audio"),
                paper("Quantization aware training for vision", "Convolutional vision networks trained with quantization noise")));
        time.set(Instant.parse("2026-03-02T09:00:00Z"));

        List<String> titles = picks.picks(CH, DAY).picks().stream().map(pk -> pk.paper().title()).toList();
        assertThat(titles).hasSize(3);
        assertThat(titles.stream().filter(t -> t.startsWith("Four-bit"))).hasSize(1);
    }

    @Test
    void an_author_topic_picks_papers_by_that_author() {
        subscribe("author:\"Yann LeCun\"");
        index.upsert(List.of(
                paper("Self-supervised world models", "Joint embedding predictive architectures", "Yann LeCun"),
                paper("Yann LeCun's views reviewed", "A paper mentioning Yann LeCun, written by someone else", "Ann Other")));
        time.set(Instant.parse("2026-03-02T09:00:00Z"));

        List<Pick> p = picks.picks(CH, DAY).picks();
        assertThat(p).singleElement().satisfies(pick -> {
            assertThat(pick.paper().title()).isEqualTo("Self-supervised world models");
            assertThat(pick.reason()).isEqualTo("author:\"Yann LeCun\": Yann LeCun");
        });
    }

    /** Records one signal per paper through the port: {@code upvotes[i]} for {@code papers[i]}, on {@code day}. */
    void upvote(List<Paper> papers, LocalDate day, int... upvotes) {
        List<Popularity> signals = new ArrayList<>();
        for (int i = 0; i < upvotes.length; i++) {
            signals.add(new Popularity(papers.get(i).id(), upvotes[i], day));
        }
        assertThat(index.recordPopularity(signals)).isEqualTo(upvotes.length);
    }

    @Test
    void a_trending_topic_brings_the_most_upvoted_papers_of_the_window_with_their_upvotes() {
        subscribe("quantization");
        subscribe("Trending");
        List<Paper> quantization = addPapers("quantization", 3);
        List<Paper> popular = addPapers("robotics", 5);
        upvote(quantization, DAY.minusDays(1), 500); // picked for its topic first: not again as trending
        upvote(popular, DAY.minusDays(2), 40, 90, 10, 70);
        upvote(popular.subList(4, 5), DAY.minusDays(7), 999); // the 8th day back: outside the 7-day window
        time.set(Instant.parse("2026-03-02T09:00:00Z"));

        List<Pick> p = picks.picks(CH, DAY).picks();

        assertThat(p.subList(0, 3)).allSatisfy(pick -> assertThat(pick.topic().text()).isEqualTo("quantization"));
        assertThat(p.subList(3, p.size())).extracting(pick -> pick.paper().id())
                .containsExactly(popular.get(1).id(), popular.get(3).id(), popular.get(0).id());
        assertThat(p.get(3).topic()).isEqualTo(Topic.trending());
        assertThat(p.get(3).reason()).isEqualTo("90 upvotes on Hugging Face");
        assertThat(Pick.upvotes(1)).isEqualTo("1 upvote on Hugging Face");
    }

    @Test
    void trending_never_brings_a_paper_the_channel_had_or_dismissed_and_shares_one_ranking_between_channels() {
        ChannelRef other = ChannelRef.of("T1", "C2");
        subscribe("trending");
        store.subscriptions().subscribe(other, Topic.trending(), "U1", time.instant());
        List<Paper> popular = addPapers("robotics", 6);
        upvote(popular, DAY.minusDays(1), 60, 50, 40, 30, 20, 10);
        time.set(Instant.parse("2026-03-02T09:00:00Z"));

        DailyPicks first = picks.picks(CH, DAY);
        assertThat(first.paperIds()).containsExactly(popular.get(0).id(), popular.get(1).id(), popular.get(2).id());
        assertThat(picks.picks(other, DAY).paperIds()).isEqualTo(first.paperIds());
        assertThat(index.trendingScans.get()).isEqualTo(1);
        post(first);
        store.feedback().record(new Feedback(CH, "U2", popular.get(3).id(), Feedback.Kind.NOT_INTERESTED,
                time.instant()));

        time.set(Instant.parse("2026-03-03T09:00:00Z"));
        assertThat(picks.picks(CH, DAY.plusDays(1)).paperIds()).containsExactly(popular.get(4).id(),
                popular.get(5).id());
    }

    @Test
    void trending_ranks_again_for_a_channel_that_had_every_shared_paper() {
        subscribe("trending");
        List<Paper> popular = addPapers("robotics", RecommenderSettings.defaults().candidates() + 2);
        int[] upvotes = new int[popular.size()];
        for (int i = 0; i < upvotes.length; i++) {
            upvotes[i] = 1000 - i;
        }
        upvote(popular, DAY, upvotes);
        for (Paper p : popular.subList(0, RecommenderSettings.defaults().candidates())) {
            store.feedback().record(new Feedback(CH, "U2", p.id(), Feedback.Kind.NOT_INTERESTED, time.instant()));
        }
        time.set(Instant.parse("2026-03-02T09:00:00Z"));

        assertThat(picks.picks(CH, DAY).paperIds()).containsExactly(popular.get(popular.size() - 2).id(),
                popular.getLast().id());
    }

    @Test
    void trending_brings_nothing_from_an_index_without_signals() {
        subscribe("trending");
        addPapers("robotics", 3);
        time.set(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(picks.picks(CH, DAY).isEmpty()).isTrue();
    }

    @Test
    void the_same_channel_day_is_served_from_the_cache_and_a_topic_change_recomputes() {
        subscribe("quantization");
        addPapers("quantization", 3);
        addPapers("agents", 3);
        time.set(Instant.parse("2026-03-02T08:00:00Z"));

        DailyPicks preview = picks.picks(CH, DAY);
        addPapers("quantization", 3); // arrives between preview and digest: today's picks do not change
        time.set(Instant.parse("2026-03-02T09:00:00Z"));
        DailyPicks digest = picks.picks(CH, DAY);
        assertThat(digest).isSameAs(preview);
        assertThat(picks.stats().hitCount()).isEqualTo(1);
        assertThat(picks.stats().missCount()).isEqualTo(1);

        subscribe("agents");
        DailyPicks after = picks.picks(CH, DAY);
        assertThat(after).isNotSameAs(preview);
        assertThat(after.picks()).extracting(pk -> pk.topic().text()).contains("agents");
        assertThat(picks.stats().missCount()).isEqualTo(2);
    }

    @Test
    void a_topic_change_made_by_another_process_is_noticed_through_the_topics_version() {
        subscribe("quantization");
        addPapers("quantization", 3);
        addPapers("agents", 3);
        time.set(Instant.parse("2026-03-02T08:00:00Z"));
        DailyPicks before = picks.picks(CH, DAY);

        // Another bot process subscribes: this process's cache is not told.
        store.subscriptions().subscribe(CH, Topic.keyword("agents"), "U2", time.instant());
        DailyPicks after = picks.picks(CH, DAY);
        assertThat(after).isNotSameAs(before);
        assertThat(after.picks()).hasSize(6);
    }

    @Test
    void cached_picks_expire_at_the_channels_own_local_midnight() {
        ChannelRef tokyo = ChannelRef.of("T1", "CTOKYO");
        ChannelRef newYork = ChannelRef.of("T1", "CNY");
        store.subscriptions().setDigestTime(tokyo, LocalTime.of(9, 0), ZoneId.of("Asia/Tokyo"));
        store.subscriptions().setDigestTime(newYork, LocalTime.of(9, 0), ZoneId.of("America/New_York"));
        store.subscriptions().subscribe(tokyo, Topic.keyword("agents"), "U1", time.instant());
        store.subscriptions().subscribe(newYork, Topic.keyword("agents"), "U1", time.instant());
        addPapers("agents", 3);

        LocalDate day = LocalDate.of(2026, 3, 2);
        time.set(Instant.parse("2026-03-02T10:00:00Z")); // 19:00 in Tokyo, 05:00 in New York
        picks.picks(tokyo, day);
        picks.picks(newYork, day);
        assertThat(picks.size()).isEqualTo(2);

        time.set(Instant.parse("2026-03-02T15:00:01Z")); // just past midnight in Tokyo (UTC+9)
        assertThat(picks.size()).isEqualTo(1);

        time.set(Instant.parse("2026-03-03T05:00:01Z")); // just past midnight in New York (UTC-5)
        assertThat(picks.size()).isZero();
    }

    @Test
    void channels_following_the_same_topic_share_one_search() {
        addPapers("agents", 5);
        for (int i = 0; i < 50; i++) {
            store.subscriptions().subscribe(ChannelRef.of("T" + (i % 3), "C" + i), Topic.keyword("Agents"), "U1",
                    time.instant());
        }
        time.set(Instant.parse("2026-03-02T09:00:00Z"));
        int before = index.searches.get();
        for (int i = 0; i < 50; i++) {
            assertThat(picks.picks(ChannelRef.of("T" + (i % 3), "C" + i), DAY).picks()).hasSize(3);
        }
        assertThat(index.searches.get() - before).isEqualTo(1);
    }
}
