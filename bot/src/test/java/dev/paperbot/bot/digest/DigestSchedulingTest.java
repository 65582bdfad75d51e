package dev.paperbot.bot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.bot.schedule.DigestTimes;
import dev.paperbot.bot.testing.TestPapers;
import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.store.ChannelRef;
import dev.paperbot.core.store.Topic;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Digests at each channel's own local time, across time zones and DST changes, with a controllable clock. */
class DigestSchedulingTest extends OneBotTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    DigestSchedulingTest() {
        super(Instant.parse("2026-03-01T00:00:00Z"), DigestBot.FAST_RETRIES);
    }

    ChannelRef channel(String id, LocalTime at, ZoneId zone, String topic) {
        ChannelRef ch = ChannelRef.of("T1", id);
        bot.store.subscriptions().subscribe(ch, Topic.parse(topic), "U1", time.instant());
        bot.store.subscriptions().setDigestTime(ch, at, zone);
        return ch;
    }

    List<String> postedChannels() {
        return slack.calls("chat.postMessage").stream().map(c -> c.param("channel")).toList();
    }

    @Test
    void each_channel_gets_its_digest_at_its_own_local_time() throws Exception {
        // Subscribed at 09:00 in Tokyo, 01:00 in Berlin, 19:00 the day before in New York.
        channel("CTOKYO", LocalTime.of(9, 0), TOKYO, "agents");
        channel("CBERLIN", LocalTime.of(7, 30), BERLIN, "agents");
        channel("CNY", LocalTime.of(9, 0), NEW_YORK, "agents");
        time.set(Instant.parse("2026-03-01T12:00:00Z")); // 21:00 in Tokyo, 13:00 in Berlin, 07:00 in New York
        index.upsert(TestPapers.about("agents", 12));

        // The bot's first tick of the day comes at 12:00 (it was down): Tokyo's and Berlin's times have passed, so
        // they get today's digest late, at once; New York's is to come.
        bot.scheduler.tick();
        assertThat(postedChannels()).containsExactlyInAnyOrder("CTOKYO", "CBERLIN");
        slack.reset();

        time.set(Instant.parse("2026-03-01T13:59:00Z")); // 08:59 in New York (UTC-5)
        assertThat(bot.scheduler.tick()).isEmpty();
        time.set(Instant.parse("2026-03-01T14:00:00Z"));
        bot.scheduler.tick();
        assertThat(postedChannels()).containsExactly("CNY");

        time.set(Instant.parse("2026-03-01T23:59:00Z")); // 08:59 on 2 March in Tokyo
        assertThat(bot.scheduler.tick()).isEmpty();
        time.set(Instant.parse("2026-03-02T00:00:00Z")); // 09:00 in Tokyo
        bot.scheduler.tick();
        assertThat(postedChannels()).containsExactly("CNY", "CTOKYO");

        time.set(Instant.parse("2026-03-02T06:29:00Z")); // 07:29 in Berlin (UTC+1)
        assertThat(bot.scheduler.tick()).isEmpty();
        time.set(Instant.parse("2026-03-02T06:30:00Z"));
        bot.scheduler.tick();
        time.set(Instant.parse("2026-03-02T10:00:00Z"));
        bot.scheduler.tick(); // later ticks the same day post nothing more
        assertThat(postedChannels()).containsExactly("CNY", "CTOKYO", "CBERLIN");
        assertThat(slack.calls("chat.postMessage").getFirst().allText()).contains("agents");
    }

    @Test
    void a_time_skipped_by_the_spring_change_posts_after_the_jump_and_a_repeated_time_posts_once() throws Exception {
        // New York, 8 March 2026: 02:00 -> 03:00. 1 November 2026: 02:00 -> 01:00.
        assertThat(DigestTimes.dueAt(LocalDate.of(2026, 3, 8), LocalTime.of(2, 30), NEW_YORK))
                .isEqualTo(Instant.parse("2026-03-08T07:30:00Z")); // 03:30 EDT
        assertThat(DigestTimes.dueAt(LocalDate.of(2026, 11, 1), LocalTime.of(1, 30), NEW_YORK))
                .isEqualTo(Instant.parse("2026-11-01T05:30:00Z")); // the first 01:30, EDT

        time.set(Instant.parse("2026-03-07T12:00:00Z"));
        ChannelRef spring = channel("CSPRING", LocalTime.of(2, 30), NEW_YORK, "agents");
        assertThat(bot.scheduler.tick()).isEmpty(); // subscribed after 7 March's 02:30: the first digest is 8 March's
        time.advance(Duration.ofMinutes(1));
        index.upsert(TestPapers.about("agents", 20));
        time.set(Instant.parse("2026-03-08T07:29:00Z"));
        assertThat(bot.scheduler.tick()).isEmpty();
        time.set(Instant.parse("2026-03-08T07:30:00Z"));
        assertThat(bot.scheduler.tick()).extracting(DigestPoster.Result::outcome)
                .containsExactly(DigestPoster.Outcome.POSTED);

        bot.store.subscriptions().setDigestTime(spring, LocalTime.of(1, 30), NEW_YORK);
        time.set(Instant.parse("2026-10-31T12:00:00Z"));
        index.upsert(TestPapers.about("agents", 3));
        time.set(Instant.parse("2026-11-01T05:30:00Z")); // 01:30 EDT
        bot.scheduler.tick();
        time.set(Instant.parse("2026-11-01T06:30:00Z")); // 01:30 EST, the same wall time again
        bot.scheduler.tick();
        assertThat(bot.store.digests().run(spring, LocalDate.of(2026, 11, 1))).isPresent();
        assertThat(postedChannels()).hasSize(2);
    }

    @Test
    void a_day_without_new_papers_gets_one_short_line_or_nothing_when_the_channel_chose_quiet() throws Exception {
        channel("CLOUD", LocalTime.of(9, 0), BERLIN, "quantum gravity");
        ChannelRef quiet = channel("CQUIET", LocalTime.of(9, 0), BERLIN, "quantum gravity");
        bot.store.subscriptions().setQuietOnEmpty(quiet, true);
        index.upsert(TestPapers.about("agents", 3));

        time.set(Instant.parse("2026-03-02T08:00:00Z"));
        assertThat(bot.scheduler.tick()).extracting(DigestPoster.Result::outcome)
                .containsExactlyInAnyOrder(DigestPoster.Outcome.EMPTY, DigestPoster.Outcome.QUIET);
        assertThat(postedChannels()).containsExactly("CLOUD");
        assertThat(slack.calls("chat.postMessage").getFirst().allText()).contains(DigestMessages.EMPTY_LINE);
    }

    @Test
    void digest_now_counts_as_todays_digest_and_nothing_repeats_the_next_days() throws Exception {
        ChannelRef ch = channel("C1", LocalTime.of(9, 0), BERLIN, "agents");
        index.upsert(TestPapers.about("agents", 4));

        time.set(Instant.parse("2026-03-02T06:00:00Z")); // 07:00 in Berlin
        DigestPoster.Result now = bot.poster.post(ch, LocalDate.of(2026, 3, 2));
        assertThat(now.outcome()).isEqualTo(DigestPoster.Outcome.POSTED);
        time.set(Instant.parse("2026-03-02T08:00:00Z")); // 09:00: the scheduled digest is already done
        assertThat(bot.scheduler.tick()).extracting(DigestPoster.Result::outcome)
                .containsExactly(DigestPoster.Outcome.ALREADY_DONE);
        assertThat(postedChannels()).hasSize(1);

        time.advance(Duration.ofHours(2));
        index.upsert(TestPapers.about("agents", 2));
        time.set(Instant.parse("2026-03-03T08:00:00Z"));
        bot.scheduler.tick();
        time.set(Instant.parse("2026-03-04T08:00:00Z"));
        bot.scheduler.tick(); // no new papers: the short line
        assertThat(postedChannels()).hasSize(3);
        // 3 papers on day one, the 2 added since on day two, nothing on day three: no paper twice.
        assertThat(bot.store.digests().postedPapers(ch)).hasSize(5);
        assertThat(slack.calls("chat.postMessage").get(2).allText()).contains(DigestMessages.EMPTY_LINE);
    }

    @Test
    void a_channel_that_subscribes_after_its_digest_time_gets_its_first_digest_the_next_day() throws Exception {
        index.upsert(TestPapers.about("agents", 4));
        time.set(Instant.parse("2026-03-02T09:30:00Z")); // 10:30 in Berlin
        ChannelRef late = channel("CLATE", LocalTime.of(9, 0), BERLIN, "agents");

        assertThat(bot.scheduler.due()).isEmpty();
        assertThat(bot.scheduler.tick()).isEmpty();
        time.set(Instant.parse("2026-03-02T22:59:00Z")); // 23:59 in Berlin
        assertThat(bot.scheduler.tick()).isEmpty();
        assertThat(bot.store.digests().run(late, LocalDate.of(2026, 3, 2))).isEmpty();

        time.set(Instant.parse("2026-03-03T08:00:00Z")); // 09:00 on 3 March
        assertThat(bot.scheduler.tick()).extracting(DigestPoster.Result::outcome)
                .containsExactly(DigestPoster.Outcome.POSTED);
        assertThat(bot.store.digests().postedPapers(late)).hasSize(3); // the week's best, though added before
    }

    @Test
    void a_digest_missed_while_the_bot_was_down_goes_out_late_the_same_day_but_not_the_next() throws Exception {
        ChannelRef ch = channel("C1", LocalTime.of(9, 0), BERLIN, "agents");
        index.upsert(TestPapers.about("agents", 2));

        time.set(Instant.parse("2026-03-02T21:00:00Z")); // down at 09:00, back at 22:00 in Berlin
        assertThat(bot.scheduler.tick()).extracting(DigestPoster.Result::outcome)
                .containsExactly(DigestPoster.Outcome.POSTED);
        assertThat(bot.store.digests().run(ch, LocalDate.of(2026, 3, 2))).isPresent();

        // Down from before 09:00 on 3 March until after its midnight: that day's digest is not posted on 4 March.
        time.set(Instant.parse("2026-03-04T07:00:00Z")); // 08:00 on 4 March
        assertThat(bot.scheduler.tick()).isEmpty();
        assertThat(bot.store.digests().run(ch, LocalDate.of(2026, 3, 3))).isEmpty();
    }

    @Test
    void a_day_the_bot_was_down_loses_no_paper_they_come_with_the_next_digest() throws Exception {
        ChannelRef ch = channel("C1", LocalTime.of(9, 0), BERLIN, "agents");
        bot.store.subscriptions().subscribe(ch, Topic.keyword("diffusion"), "U1", time.instant());
        index.upsert(TestPapers.about("agents", 1));
        time.set(Instant.parse("2026-03-02T08:00:00Z")); // 09:00 on 2 March
        bot.scheduler.tick();
        assertThat(bot.store.digests().postedPapers(ch)).hasSize(1);

        // Added after 2 March's digest: in the afternoon, and on 3 March while the bot is down all day.
        time.set(Instant.parse("2026-03-02T15:00:00Z"));
        List<Paper> afternoon = TestPapers.about("agents", 2);
        index.upsert(afternoon);
        time.set(Instant.parse("2026-03-03T11:00:00Z"));
        List<Paper> whileDown = TestPapers.about("diffusion", 2);
        index.upsert(whileDown);

        time.set(Instant.parse("2026-03-04T08:00:00Z")); // back for 4 March's digest
        assertThat(bot.scheduler.tick()).extracting(DigestPoster.Result::outcome)
                .containsExactly(DigestPoster.Outcome.POSTED);
        assertThat(bot.store.digests().run(ch, LocalDate.of(2026, 3, 3))).isEmpty();
        assertThat(bot.store.digests().run(ch, LocalDate.of(2026, 3, 4)).orElseThrow().papers())
                .containsExactlyInAnyOrderElementsOf(Stream.concat(afternoon.stream(), whileDown.stream())
                        .map(Paper::id).toList());
    }
}
