package dev.paperbot.bot.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.model.block.SectionBlock;
import dev.paperbot.bot.slack.view.BlockText;
import dev.paperbot.bot.testing.FakeSlackApi;
import dev.paperbot.bot.testing.FakeSlackApi.Failure;
import dev.paperbot.bot.testing.TestPapers;
import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.Popularity;
import dev.paperbot.core.recommend.DailyPicks;
import dev.paperbot.core.recommend.Pick;
import dev.paperbot.core.search.PopularitySignals;
import dev.paperbot.core.search.Snippet;
import dev.paperbot.core.store.ChannelRef;
import dev.paperbot.core.store.DigestRun;
import dev.paperbot.core.store.Topic;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Posting against a local fake Slack Web API that fails on demand. */
class DigestPostingFaultsTest extends OneBotTest {

    static final ChannelRef CH = ChannelRef.of("T1", "C1");
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    DigestPostingFaultsTest() {
        super(Instant.parse("2026-03-02T08:00:00Z"),
                new SlackChat.Retries(4, Duration.ofSeconds(1), 5, Duration.ofMinutes(2), Duration.ofMillis(500)));
    }

    @BeforeEach
    void subscribe() {
        bot.store.subscriptions().subscribe(CH, Topic.keyword("agents"), "U1", time.instant());
        index.upsert(TestPapers.about("agents", 3));
        time.advance(Duration.ofMinutes(1));
    }

    @Test
    void a_429_waits_retry_after_and_posts_once() throws Exception {
        slack.failNext("chat.postMessage", Failure.rateLimited(7));

        assertThat(bot.poster.post(CH, DAY).outcome()).isEqualTo(DigestPoster.Outcome.POSTED);
        assertThat(bot.waits).containsExactly(Duration.ofSeconds(7));
        assertThat(slack.calls("chat.postMessage")).hasSize(2); // the refused one and the accepted one
        assertThat(bot.store.digests().run(CH, DAY).orElseThrow().state()).isEqualTo(DigestRun.State.POSTED);
    }

    @Test
    void a_store_error_out_of_a_post_goes_on_to_the_caller_and_is_counted_as_an_error() throws Exception {
        assertThat(bot.poster.post(CH, DAY).outcome()).isEqualTo(DigestPoster.Outcome.POSTED);
        bot.store.close();

        assertThatThrownBy(() -> bot.poster.post(CH, DAY.plusDays(1))).isInstanceOf(RuntimeException.class);
        assertThat(bot.meters.get("paperbot.digests").tags("outcome", "posted", "reason", "none").counter().count())
                .isEqualTo(1);
        assertThat(bot.meters.get("paperbot.digests").tags("outcome", "error", "reason", "none").counter().count())
                .isEqualTo(1);
    }

    @Test
    void server_errors_are_retried_with_growing_backoff() throws Exception {
        slack.failNext("chat.postMessage", Failure.serverError(500));
        slack.failNext("chat.postMessage", Failure.serverError(503));

        assertThat(bot.poster.post(CH, DAY).outcome()).isEqualTo(DigestPoster.Outcome.POSTED);
        assertThat(bot.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(bot.store.digests().postedPapers(CH)).hasSize(3);
    }

    @Test
    void a_timeout_is_retried() throws Exception {
        slack.failNext("chat.postMessage", Failure.slow(Duration.ofSeconds(3))); // the client gives up after 0.5 s

        assertThat(bot.poster.post(CH, DAY).outcome()).isEqualTo(DigestPoster.Outcome.POSTED);
        assertThat(bot.waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void when_slack_stays_down_the_run_is_left_for_a_later_try_and_then_posted_once() throws Exception {
        slack.failAlways("chat.postMessage", Failure.serverError(500));
        assertThat(bot.poster.post(CH, DAY).outcome()).isEqualTo(DigestPoster.Outcome.RETRY_LATER);
        assertThat(bot.store.subscriptions().settings(CH).paused()).isFalse();

        slack.reset();
        assertThat(bot.poster.post(CH, DAY).outcome()).isEqualTo(DigestPoster.Outcome.BUSY); // lease still held
        time.advance(DigestBot.LEASE.plusSeconds(1));
        assertThat(bot.poster.post(CH, DAY).outcome()).isEqualTo(DigestPoster.Outcome.POSTED);
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"channel_not_found", "is_archived", "not_in_channel", "invalid_auth", "token_revoked",
            "account_inactive"})
    void a_permanent_error_pauses_the_channel_with_the_reason(String error) throws Exception {
        slack.failNext("chat.postMessage", Failure.slackError(error));

        DigestPoster.Result r = bot.poster.post(CH, DAY);
        assertThat(r.outcome()).isEqualTo(DigestPoster.Outcome.FAILED);
        assertThat(bot.store.subscriptions().settings(CH).pause()).hasValueSatisfying(p ->
                assertThat(p.reason()).isEqualTo(error));
        assertThat(bot.store.digests().run(CH, DAY).orElseThrow().note()).contains(error);
        assertThat(slack.calls("chat.postMessage")).hasSize(1); // no retry
        assertThat(bot.scheduler.due()).isEmpty(); // the scheduler leaves a paused channel alone
        assertThat(bot.store.digests().postedPapers(CH)).isEmpty();
    }

    @Test
    void a_full_digest_stays_within_block_kit_limits() throws Exception {
        for (int i = 0; i < 5; i++) {
            bot.store.subscriptions().subscribe(CH, Topic.keyword("topic" + i), "U1", time.instant());
            time.advance(Duration.ofSeconds(1));
        }
        for (int i = 0; i < 5; i++) {
            index.upsert(TestPapers.about("topic" + i, 3));
        }
        time.advance(Duration.ofMinutes(1));

        DigestPoster.Result r = bot.poster.post(CH, DAY);
        assertThat(r.messagesPosted()).isBetween(1, 2);
        for (FakeSlackApi.Call call : slack.calls("chat.postMessage")) {
            assertThat(call.json("blocks").size()).isLessThanOrEqualTo(50);
        }
        assertThat(bot.store.digests().postedPapers(CH)).hasSize(10);
    }

    @Test
    void many_long_papers_are_split_into_messages_within_block_kit_limits() {
        String longText = "x<&>*_`".repeat(500);
        List<Pick> picks = new ArrayList<>();
        for (Paper p : TestPapers.about("agents", 25)) {
            Paper big = new Paper(p.id(), longText, longText, List.of(longText, longText, longText, longText,
                    longText), List.of(), null, null, null, "test");
            picks.add(new Pick(big, Topic.keyword("topic " + picks.size() % 7), List.of(longText), null, 1));
        }
        var daily = new DailyPicks(CH, DAY, ZoneOffset.UTC, picks, time.instant(), time.instant(), 0);

        List<DigestMessage> messages = DigestMessages.render(daily, PopularitySignals.none());
        assertThat(messages).hasSizeGreaterThan(2);
        for (int i = 0; i < messages.size(); i++) {
            DigestMessage m = messages.get(i);
            assertThat(m.marker()).isEqualTo("paperbot-digest:2026-03-02:" + (i + 1));
            assertThat(m.blocks().getFirst().getBlockId()).isEqualTo(m.marker());
            assertThat(m.blocks().size()).isLessThanOrEqualTo(50);
            int chars = 0;
            for (var b : m.blocks()) {
                if (b instanceof SectionBlock sb) {
                    assertThat(sb.getText().getText().length()).isLessThanOrEqualTo(3000);
                    assertThat(sb.getText().getText()).doesNotContain("<&>");
                }
                chars += BlockText.of(b).length();
            }
            assertThat(chars).isLessThan(11_000);
        }
        assertThat(messages.stream().mapToInt(m -> m.papers().size()).sum()).isEqualTo(25);
    }

    @Test
    void the_same_papers_split_the_same_way_whatever_their_reasons_snippets_upvotes_and_sections() {
        // A poster taking over a half-posted digest re-renders it from the recorded paper ids, maybe without the
        // original reasons, snippets and trending section, and with upvotes that changed meanwhile: the messages
        // must hold the same papers, so their markers mean the same.
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            List<Pick> rich = new ArrayList<>();
            List<Pick> bare = new ArrayList<>();
            List<Paper> papers = new ArrayList<>();
            for (Paper p : TestPapers.about("agents", 1 + random.nextInt(30))) {
                papers.add(new Paper(p.id(), "t".repeat(1 + random.nextInt(500)), "a".repeat(random.nextInt(3000)),
                        List.of("n".repeat(1 + random.nextInt(300))), List.of(), null, null, null, "arxiv"));
            }
            index.upsert(papers);
            int trendingFrom = random.nextInt(papers.size() + 1);
            List<Popularity> signals = new ArrayList<>();
            for (int i = 0; i < papers.size(); i++) {
                Paper paper = papers.get(i);
                String words = "w ".repeat(random.nextInt(600));
                Popularity upvotes = new Popularity(paper.id(), random.nextInt(Integer.MAX_VALUE), DAY);
                signals.add(upvotes);
                rich.add(i >= trendingFrom ? Pick.trending(paper, Topic.trending(), upvotes)
                        : new Pick(paper, Topic.keyword("topic " + random.nextInt(200)), List.of(words, words),
                                new Snippet(List.of(new Snippet.Fragment(words, false),
                                        new Snippet.Fragment("w", true))), 1));
                bare.add(new Pick(paper, Topic.keyword("this channel's topics"), List.of(), Snippet.empty(), 0));
            }
            index.recordPopularity(signals);
            List<DigestMessage> a = DigestMessages.render(new DailyPicks(CH, DAY, ZoneOffset.UTC, rich,
                    time.instant(), time.instant(), 0), index);
            List<DigestMessage> b = DigestMessages.render(new DailyPicks(CH, DAY, ZoneOffset.UTC, bare,
                    time.instant(), time.instant(), 0), PopularitySignals.none());
            assertThat(b).extracting(DigestMessage::papers)
                    .containsExactlyElementsOf(a.stream().map(DigestMessage::papers).toList());
            List<String> texts = a.stream().flatMap(m -> m.blocks().stream()).map(BlockText::of).toList();
            assertThat(texts).filteredOn(t -> t.contains("upvotes on Hugging Face")).hasSize(papers.size());
            assertThat(texts.stream().anyMatch(t -> t.strip().equals("*Trending on Hugging Face*")))
                    .isEqualTo(trendingFrom < papers.size());
            for (DigestMessage m : a) {
                assertThat(m.blocks().stream().mapToInt(x -> BlockText.of(x).length()).sum()).isLessThan(11_000);
                assertThat(m.blocks()).hasSizeLessThanOrEqualTo(50);
            }
        }
    }
}
