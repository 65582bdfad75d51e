package dev.paperbot.bot.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperbot.bot.activity.PaperActivity;
import dev.paperbot.bot.digest.DigestPoster;
import dev.paperbot.bot.runtime.BotRuntime;
import dev.paperbot.bot.slack.view.ActionIds;
import dev.paperbot.bot.testing.FakeSlackApi;
import dev.paperbot.bot.testing.SlackRequests;
import dev.paperbot.bot.testing.TestBots;
import dev.paperbot.bot.testing.TestIndexes;
import dev.paperbot.bot.testing.TestPapers;
import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.Popularity;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.store.ChannelRef;
import dev.paperbot.core.store.DigestRun;
import dev.paperbot.core.store.PaperbotStore;
import dev.paperbot.core.store.StoreConfig;
import dev.paperbot.core.store.Stores;
import dev.paperbot.core.testing.FakeTime;
import dev.paperbot.index.search.LuceneIndex;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /papers subscribe | unsubscribe | topics | digest | trending ...} for real: signed slash commands over HTTP
 * to the running bot (HTTP mode), a real SQLite store and Lucene index (popularity recorded through its port),
 * digests posted to the fake Slack Web API, and a controllable clock for the scheduler (ticked by hand) and for what
 * "today" is.
 */
class SubscriptionCommandsOverHttpTest {

    static final String SECRET = "3f1e2d4c5b6a79880123456789abcdef";
    static final String FORM = "application/x-www-form-urlencoded";
    static final ObjectMapper JSON = new ObjectMapper();
    static final ChannelRef CHANNEL = ChannelRef.of(SlackRequests.TEAM, SlackRequests.CHANNEL);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path home;

    FakeTime time;
    LuceneIndex index;
    FakeSlackApi slack;
    PaperbotStore store;
    DigestSubscriptions subscriptions;
    BotRuntime bot;
    SlackRequests requests;

    @BeforeEach
    void start() {
        time = new FakeTime(Instant.parse("2026-03-02T05:00:00Z")); // 06:00 in Berlin
        index = TestIndexes.inMemory(time);
        slack = FakeSlackApi.start();
        store = Stores.open(StoreConfig.sqlite(home));
        startBot(() -> index);
    }

    void startBot(Supplier<PaperIndex> opener) {
        subscriptions = (DigestSubscriptions) Subscriptions.withDigests(store, TestBots.digestsTickedByHand(), time,
                time);
        bot = BotRuntime.start(TestBots.config(slack, SECRET, null), new BotRuntime.Parts(opener, subscriptions,
                PaperActivity.store(store.feedback(), time), Duration.ofSeconds(20)).withClock(time));
        requests = SlackRequests.toPort(bot.port(), SECRET);
    }

    @AfterEach
    void stop() {
        bot.close();
        store.close();
        slack.close();
    }

    void awaitDigests() throws InterruptedException {
        for (int i = 0; i < 500 && subscriptions.ready().isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertThat(subscriptions.ready()).isPresent();
    }

    /** {@code /papers <text>} in {@link SlackRequests#CHANNEL}; the reply, from the ack body. */
    JsonNode command(String text) throws Exception {
        HttpResponse<String> response = requests.send(SlackRequests.slashCommand(text, slack.responseUrl("c")), FORM);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("response_type").asText()).isEqualTo("ephemeral");
        return body;
    }

    static String text(JsonNode reply) {
        List<String> texts = new ArrayList<>();
        reply.findValues("text").forEach(t -> texts.add(t.isTextual() ? t.asText() : t.path("text").asText()));
        return String.join("\n", texts);
    }

    /** The papers of a message, in order: the values of their Save buttons. */
    static List<String> paperIds(JsonNode blocks) {
        List<String> ids = new ArrayList<>();
        for (JsonNode block : blocks) {
            for (JsonNode element : block.path("elements")) {
                if (ActionIds.SAVE.equals(element.path("action_id").asText())) {
                    ids.add(element.path("value").asText());
                }
            }
        }
        return ids;
    }

    List<String> postedPaperIds() {
        List<String> ids = new ArrayList<>();
        slack.calls("chat.postMessage").forEach(c -> ids.addAll(paperIds(c.json("blocks"))));
        return ids;
    }

    /** {@code n} new papers about {@code topic}, in the index. */
    List<Paper> papers(String topic, int n) {
        List<Paper> papers = TestPapers.about(topic, n);
        index.upsert(papers);
        return papers;
    }

    @Test
    void subscribe_topics_digest_time_and_unsubscribe_all_work_for_real() throws Exception {
        awaitDigests();
        JsonNode subscribed = command("subscribe llm agents, author:\"Ada Lovelace\"");
        assertThat(text(subscribed)).contains("now follows \u201Cllm agents\u201D, author \u201CAda Lovelace\u201D")
                .contains("daily at 09:00 UTC").contains("first one comes today at 09:00")
                .contains("Nothing in my index matches \u201Cllm agents\u201D, author \u201CAda Lovelace\u201D yet");
        assertThat(store.subscriptions().subscriptions(CHANNEL)).extracting(s -> s.topic().display())
                .containsExactly("llm agents", "author:\"Ada Lovelace\"");
        assertThat(store.subscriptions().subscriptions(CHANNEL)).allSatisfy(s ->
                assertThat(s.subscribedBy()).isEqualTo(SlackRequests.USER));

        assertThat(text(command("subscribe LLM  Agents"))).contains("already followed \u201CLLM Agents\u201D");
        assertThat(text(command("digest time 08:30 Europe/Berlin")))
                .contains("digest time is now 08:30 Europe/Berlin").contains("today at 08:30");
        String topics = text(command("topics"));
        assertThat(topics).contains("follows 2 topics", "\u201Cllm agents\u201D", "author \u201CAda Lovelace\u201D",
                "<@" + SlackRequests.USER + ">", "08:30 Europe/Berlin", "today at 08:30");

        assertThat(text(command("digest quiet on"))).contains("gets nothing");
        assertThat(text(command("topics"))).contains("Nothing is posted on a day without new papers");
        assertThat(store.subscriptions().settings(CHANNEL).quietOnEmpty()).isTrue();
        assertThat(text(command("digest quiet off"))).contains("one short line");
        assertThat(store.subscriptions().settings(CHANNEL).quietOnEmpty()).isFalse();

        assertThat(text(command("unsubscribe llm agents"))).contains("no longer follows \u201Cllm agents\u201D")
                .contains("still follows author \u201CAda Lovelace\u201D");
        assertThat(text(command("unsubscribe diffusion"))).contains("does not follow \u201Cdiffusion\u201D");
        assertThat(text(command("unsubscribe all"))).contains("no longer follows its 1 topic");
        assertThat(text(command("topics"))).contains("follows no topics yet").contains("08:30 Europe/Berlin");
        assertThat(store.subscriptions().allSubscribedChannels()).isEmpty();

        time.set(Instant.parse("2026-03-02T08:00:00Z"));
        assertThat(subscriptions.tickNow()).isEmpty();
        assertThat(slack.calls("chat.postMessage")).isEmpty();
        assertThat(text(command("digest preview"))).contains("follows no topics yet");
    }

    @Test
    void a_channel_follows_papers_like_examples_by_command_or_from_more_like_this() throws Exception {
        List<Paper> quantization = papers("quantization", 3);
        awaitDigests();
        String first = quantization.get(0).id().value();
        String second = quantization.get(1).id().value();

        assertThat(text(command("subscribe like:" + first + ", https://arxiv.org/abs/" + second + "v2")))
                .contains("now follows papers like \u201C" + first + " " + second + "\u201D")
                .doesNotContain("Nothing in my index matches");
        assertThat(text(command("subscribe like:2699.99999"))).contains("Nothing in my index matches papers like");

        // The button under More like this results.
        requests.send(SlackRequests.interactionBody(SlackRequests.blockAction(ActionIds.FOLLOW_LIKE,
                quantization.get(2).id().value(), slack.responseUrl("follow"))), FORM);
        FakeSlackApi.Call reply = slack.awaitCall(FakeSlackApi.RESPONSE_URL);
        assertThat(reply.allText()).contains("now follows papers like \u201C" + quantization.get(2).id().value());

        assertThat(store.subscriptions().subscriptions(CHANNEL)).extracting(s -> s.topic().display())
                .containsExactlyInAnyOrder("like:" + first + " " + second, "like:2699.99999",
                        "like:" + quantization.get(2).id().value());
    }

    @Test
    void digest_preview_shows_the_papers_the_scheduled_digest_then_posts() throws Exception {
        papers("agents", 5);
        papers("diffusion", 4);
        awaitDigests();
        assertThat(text(command("subscribe agents, diffusion"))).doesNotContain("Nothing in my index");
        command("digest time 09:00 Europe/Berlin");

        time.set(Instant.parse("2026-03-02T06:00:00Z")); // 07:00 in Berlin
        JsonNode preview = command("digest preview");
        assertThat(text(preview)).contains("Preview of today's digest", "due today at 09:00", "Papers for Mon 2 March");
        List<String> previewed = paperIds(preview.path("blocks"));
        assertThat(previewed).hasSize(6); // 3 per topic

        time.set(Instant.parse("2026-03-02T07:00:00Z"));
        List<Paper> later = papers("agents", 2); // added after the preview: they come tomorrow
        assertThat(text(command("digest preview"))).contains("Preview of today's digest");
        assertThat(paperIds(command("digest preview").path("blocks"))).isEqualTo(previewed);

        time.set(Instant.parse("2026-03-02T08:00:00Z")); // 09:00 in Berlin
        assertThat(subscriptions.tickNow()).extracting(DigestPoster.Result::outcome)
                .containsExactly(DigestPoster.Outcome.POSTED);
        assertThat(postedPaperIds()).isEqualTo(previewed);
        assertThat(slack.calls("chat.postMessage")).allSatisfy(c -> {
            assertThat(c.param("channel")).isEqualTo(SlackRequests.CHANNEL);
            assertThat(c.token()).isEqualTo(TestBots.BOT_TOKEN);
        });
        assertThat(subscriptions.ready().orElseThrow().picks.stats().hitCount()).isGreaterThanOrEqualTo(2);

        assertThat(text(command("digest preview"))).contains("Today's digest went out", "Tomorrow's so far");
        slack.reset();
        time.set(Instant.parse("2026-03-03T08:00:00Z"));
        subscriptions.tickNow();
        assertThat(postedPaperIds()).containsAll(later.stream().map(p -> p.id().value()).toList())
                .doesNotContainAnyElementsOf(previewed);
    }

    @Test
    void a_long_digest_previews_in_as_many_messages_as_it_posts() throws Exception {
        for (String topic : List.of("agents", "diffusion", "robots", "graphs")) {
            papers(topic, 3);
        }
        awaitDigests();
        command("subscribe agents, diffusion, robots, graphs");
        time.set(Instant.parse("2026-03-02T06:00:00Z"));

        JsonNode first = command("digest preview"); // the first message in the ack, the others via response_url
        List<FakeSlackApi.Call> more = slack.awaitCalls(FakeSlackApi.RESPONSE_URL, 1);
        List<String> previewed = new ArrayList<>(paperIds(first.path("blocks")));
        more.forEach(c -> previewed.addAll(paperIds(c.json("blocks"))));
        assertThat(previewed).hasSize(10); // 10 per digest at most

        time.set(Instant.parse("2026-03-02T09:00:00Z"));
        subscriptions.tickNow();
        assertThat(slack.calls("chat.postMessage")).hasSize(1 + more.size());
        assertThat(postedPaperIds()).isEqualTo(previewed);
    }

    @Test
    void a_topic_change_recomputes_the_cached_picks() throws Exception {
        papers("agents", 3);
        papers("diffusion", 3);
        awaitDigests();
        command("subscribe agents");
        List<String> before = paperIds(command("digest preview").path("blocks"));
        assertThat(paperIds(command("digest preview").path("blocks"))).isEqualTo(before);

        command("subscribe diffusion");
        List<String> after = paperIds(command("digest preview").path("blocks"));
        assertThat(after).hasSize(6).containsAll(before);
        command("unsubscribe agents");
        assertThat(paperIds(command("digest preview").path("blocks"))).hasSize(3).doesNotContainAnyElementsOf(before);
    }

    @Test
    void digest_now_posts_at_once_counts_as_todays_and_resumes_a_paused_channel() throws Exception {
        papers("agents", 4);
        awaitDigests();
        command("subscribe agents");
        time.set(Instant.parse("2026-03-02T09:00:00Z"));
        slack.failNext("chat.postMessage", FakeSlackApi.Failure.slackError("not_in_channel"));
        assertThat(subscriptions.tickNow()).extracting(DigestPoster.Result::outcome)
                .containsExactly(DigestPoster.Outcome.FAILED);
        assertThat(text(command("topics"))).contains("Paused", "not_in_channel", "/invite @paperbot");

        // Someone invites the bot, then asks for the digest.
        String now = text(command("digest now"));
        assertThat(now).contains("was paused", "runs again", "Posted today's digest: 3 papers in 1 message",
                "counts as today's digest", "tomorrow (Tue 3 March) at 09:00");
        assertThat(store.subscriptions().settings(CHANNEL).paused()).isFalse();
        assertThat(store.digests().run(CHANNEL, LocalDate.of(2026, 3, 2)).orElseThrow().state())
                .isEqualTo(DigestRun.State.POSTED);
        assertThat(slack.calls("chat.postMessage")).hasSize(2); // the refused one and the digest

        assertThat(text(command("digest now"))).contains("already posted here");
        assertThat(subscriptions.tickNow()).isEmpty();
        assertThat(slack.calls("chat.postMessage")).hasSize(2);
        assertThat(text(command("topics"))).doesNotContain("Paused");
    }

    @Test
    void subscribe_resumes_a_paused_channel_and_a_late_subscription_starts_tomorrow() throws Exception {
        papers("agents", 4);
        awaitDigests();
        time.set(Instant.parse("2026-03-02T10:00:00Z")); // after 09:00 UTC
        assertThat(text(command("subscribe agents"))).contains("first one comes tomorrow (Tue 3 March) at 09:00");
        assertThat(subscriptions.tickNow()).isEmpty();
        assertThat(text(command("digest preview"))).contains("the first digest comes tomorrow")
                .contains("If it went out now");

        store.subscriptions().pause(CHANNEL, "is_archived", time.instant());
        assertThat(text(command("subscribe diffusion"))).contains("was paused", "is_archived", "runs again");
        assertThat(store.subscriptions().settings(CHANNEL).paused()).isFalse();

        time.set(Instant.parse("2026-03-03T09:00:00Z"));
        assertThat(subscriptions.tickNow()).extracting(DigestPoster.Result::outcome)
                .containsExactly(DigestPoster.Outcome.POSTED);
    }

    @Test
    void subscribing_works_while_the_index_opens_and_previews_wait_for_it() throws Exception {
        bot.close(); // closes its index too: the restarted bot gets a new one
        index = TestIndexes.inMemory(time);
        CountDownLatch open = new CountDownLatch(1);
        startBot(() -> {
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return index;
        });
        assertThat(text(command("subscribe agents"))).contains("now follows \u201Cagents\u201D");
        assertThat(text(command("digest preview"))).contains("still loading");
        assertThat(text(command("digest now"))).contains("still loading");
        papers("agents", 2);
        open.countDown();
        awaitDigests();
        assertThat(paperIds(command("digest preview").path("blocks"))).hasSize(2);
    }

    /** Records upvotes through the index's popularity port: {@code upvotes[i]} for {@code papers[i]} on {@code day}. */
    void upvote(List<Paper> papers, LocalDate day, int... upvotes) {
        List<Popularity> signals = new ArrayList<>();
        for (int i = 0; i < upvotes.length; i++) {
            signals.add(new Popularity(papers.get(i).id(), upvotes[i], day));
        }
        assertThat(index.recordPopularity(signals)).isEqualTo(upvotes.length);
    }

    /** Presses {@code Not interested} under a paper, in {@link SlackRequests#CHANNEL}, and waits for the answer. */
    void dismiss(Paper paper) {
        String reply = "dismiss-" + paper.id().value();
        requests.send(SlackRequests.interactionBody(SlackRequests.blockAction(ActionIds.NOT_INTERESTED,
                paper.id().value(), slack.responseUrl(reply))), FORM);
        slack.awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.path().endsWith("/" + reply), Duration.ofSeconds(10));
    }

    static List<String> ids(List<Paper> papers) {
        return papers.stream().map(p -> p.id().value()).toList();
    }

    @Test
    void trending_lists_the_most_upvoted_papers_of_the_window_without_dismissed_ones() throws Exception {
        List<Paper> popular = papers("robotics", 7);
        upvote(popular, LocalDate.of(2026, 3, 1), 70, 60, 50, 40, 30, 20);
        upvote(popular.subList(6, 7), LocalDate.of(2026, 2, 10), 999); // 21 days back
        awaitDigests();

        JsonNode top = command("trending");
        assertThat(top.at("/blocks/0/text/text").asText())
                .isEqualTo("*Trending on Hugging Face*, most upvoted in the last 7 days  (1\u20135 of 6)");
        assertThat(paperIds(top.path("blocks"))).isEqualTo(ids(popular.subList(0, 5)));
        assertThat(text(top)).contains("\u25B2 70 upvotes on Hugging Face", "\u25B2 30 upvotes on Hugging Face");
        assertThat(top.toString()).contains(ActionIds.MORE_LIKE_THIS, ActionIds.SHARE, ActionIds.NOT_INTERESTED);

        requests.send(SlackRequests.interactionBody(SlackRequests.blockAction(ActionIds.NEXT_TRENDING_PAGE,
                new ActionIds.TrendingPage(7, 5).encode(), slack.responseUrl("next"))), FORM);
        FakeSlackApi.Call next = slack.awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.path().endsWith("/next"),
                Duration.ofSeconds(10));
        assertThat(next.param("replace_original")).isEqualTo("true");
        assertThat(paperIds(next.json("blocks"))).isEqualTo(ids(popular.subList(5, 6)));
        assertThat(next.allText()).contains("(6 of 6)", "\u25B2 20 upvotes on Hugging Face");

        dismiss(popular.get(0));
        JsonNode after = command("trending 7 days");
        assertThat(paperIds(after.path("blocks"))).isEqualTo(ids(popular.subList(1, 6)));
        assertThat(text(after)).contains("(1\u20135 of 5)").doesNotContain("70 upvotes");
        assertThat(paperIds(command("trending 30").path("blocks")).getFirst()).isEqualTo(popular.get(6).id().value());
        assertThat(text(command("trending 1"))).contains("No paper on Hugging Face's daily lists today has upvotes",
                "`/papers trending 30`");
        assertThat(text(command("trending 31"))).contains("looks back 1 to 30 days", "not 31");
    }

    @Test
    void search_and_more_like_this_show_the_upvotes_of_papers_that_have_some() throws Exception {
        List<Paper> robotics = papers("robotics", 3);
        upvote(robotics, LocalDate.of(2026, 3, 1), 123, 1);
        // More like this wants words that some papers share and most do not.
        List<Paper> graphs = papers("graphs", 4);
        upvote(graphs.subList(1, 4), LocalDate.of(2026, 3, 1), 7, 7, 7);
        papers("diffusion", 5);
        awaitDigests();

        JsonNode results = command("robotics");
        assertThat(paperIds(results.path("blocks"))).containsExactlyInAnyOrderElementsOf(ids(robotics));
        List<String> metas = new ArrayList<>();
        results.path("blocks").forEach(b -> {
            if (b.path("type").asText().equals("context")) {
                metas.add(b.path("elements").get(0).path("text").asText());
            }
        });
        assertThat(metas).hasSize(3);
        assertThat(metas).filteredOn(m -> m.contains("\u25B2 123 upvotes on Hugging Face")).hasSize(1);
        assertThat(metas).filteredOn(m -> m.contains("\u25B2 1 upvote on Hugging Face")).hasSize(1);
        assertThat(metas).filteredOn(m -> !m.contains("upvote")).hasSize(1);

        requests.send(SlackRequests.interactionBody(SlackRequests.blockAction(ActionIds.MORE_LIKE_THIS,
                graphs.get(0).id().value(), slack.responseUrl("more"))), FORM);
        assertThat(slack.awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.path().endsWith("/more"), Duration.ofSeconds(10))
                .allText()).contains("More like", "\u25B2 7 upvotes on Hugging Face");
    }

    @Test
    void the_home_tab_and_a_shared_paper_show_the_upvotes_of_papers_that_have_some() throws Exception {
        List<Paper> robotics = papers("robotics", 2);
        upvote(robotics, LocalDate.of(2026, 3, 1), 55);
        awaitDigests();

        requests.send(SlackRequests.interactionBody(SlackRequests.blockAction(ActionIds.SHARE,
                robotics.get(0).id().value(), slack.responseUrl("share"))), FORM);
        assertThat(slack.awaitCall("chat.postMessage").allText()).contains("shared a paper",
                "\u25B2 55 upvotes on Hugging Face");
        slack.awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.path().endsWith("/share"), Duration.ofSeconds(10));
        requests.send(SlackRequests.interactionBody(SlackRequests.blockAction(ActionIds.SAVE,
                robotics.get(1).id().value(), slack.responseUrl("save"))), FORM);
        slack.awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.path().endsWith("/save"), Duration.ofSeconds(10));

        requests.send(SlackRequests.eventCallback(SlackRequests.appHomeOpened(SlackRequests.USER)),
                "application/json");
        List<String> metas = new ArrayList<>();
        slack.awaitCall("views.publish").json("view").path("blocks").forEach(b -> {
            if (b.path("type").asText().equals("context")) {
                metas.add(b.path("elements").get(0).path("text").asText());
            }
        });
        assertThat(metas).filteredOn(m -> m.startsWith("shared ")).singleElement().asString()
                .endsWith("\u25B2 55 upvotes on Hugging Face");
        assertThat(metas).filteredOn(m -> m.startsWith("saved ")).singleElement().asString()
                .doesNotContain("upvote");
    }

    @Test
    void a_trending_subscription_adds_a_trending_section_without_posted_or_dismissed_papers() throws Exception {
        List<Paper> agents = papers("agents", 2);
        List<Paper> popular = papers("robotics", 8);
        awaitDigests();
        String subscribed = text(command("subscribe agents, Trending"));
        assertThat(subscribed)
                .contains("now follows \u201Cagents\u201D, trending papers (most upvoted on Hugging Face)")
                .contains("no Hugging Face upvotes in my index yet", "`bin/paperbot ingest hf`")
                .doesNotContain("Nothing in my index matches");
        assertThat(text(command("topics"))).contains("trending papers (most upvoted on Hugging Face)");

        upvote(popular, LocalDate.of(2026, 3, 1), 80, 70, 60, 50, 40, 30, 20, 10);
        upvote(agents, LocalDate.of(2026, 2, 27), 5);
        time.set(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(subscriptions.tickNow()).extracting(DigestPoster.Result::outcome)
                .containsExactly(DigestPoster.Outcome.POSTED);
        FakeSlackApi.Call digest = slack.calls("chat.postMessage").getFirst();
        assertThat(postedPaperIds()).containsExactlyInAnyOrderElementsOf(List.of(agents.get(0).id().value(),
                agents.get(1).id().value(), popular.get(0).id().value(), popular.get(1).id().value(),
                popular.get(2).id().value()));
        assertThat(postedPaperIds().subList(2, 5)).isEqualTo(ids(popular.subList(0, 3)));
        List<String> blockTexts = new ArrayList<>();
        digest.json("blocks").forEach(b -> blockTexts.add(b.path("text").path("text").asText()
                + b.path("elements").path(0).path("text").asText()));
        int heading = blockTexts.indexOf("*Trending on Hugging Face*");
        assertThat(heading).isPositive();
        assertThat(blockTexts.subList(0, heading)).anyMatch(t -> t.contains("\u25B2 5 upvotes on Hugging Face")
                && t.contains("for agents"));
        assertThat(blockTexts.subList(heading, blockTexts.size()))
                .anyMatch(t -> t.endsWith("\u25B2 80 upvotes on Hugging Face"))
                .noneMatch(t -> t.contains("for trending"));

        dismiss(popular.get(3));
        slack.reset();
        time.set(Instant.parse("2026-03-03T09:00:00Z"));
        assertThat(subscriptions.tickNow()).extracting(DigestPoster.Result::outcome)
                .containsExactly(DigestPoster.Outcome.POSTED);
        assertThat(postedPaperIds()).isEqualTo(ids(popular.subList(4, 7)));
        assertThat(slack.calls("chat.postMessage").getFirst().allText()).contains("Trending on Hugging Face",
                "\u25B2 40 upvotes on Hugging Face");
    }
}
