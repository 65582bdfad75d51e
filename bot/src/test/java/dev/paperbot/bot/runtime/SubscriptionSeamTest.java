package dev.paperbot.bot.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperbot.bot.activity.PaperActivity;
import dev.paperbot.bot.slack.view.Reply;
import dev.paperbot.bot.subscription.Requester;
import dev.paperbot.bot.subscription.SubscriptionCommands;
import dev.paperbot.bot.testing.FakeSlackApi;
import dev.paperbot.bot.testing.SlackRequests;
import dev.paperbot.bot.testing.TestBots;
import dev.paperbot.bot.testing.TestIndexes;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An implementation plugged in behind the subcommands gets clean arguments, and its replies reach the user. */
class SubscriptionSeamTest {

    static final List<String> calls = new CopyOnWriteArrayList<>();
    static FakeSlackApi slack;
    static BotRuntime bot;
    static SlackRequests requests;

    /** Records what it was asked, answers with what it understood. */
    static final class Recording implements SubscriptionCommands {
        private Reply answer(String call) {
            calls.add(call);
            return Reply.mrkdwn("did " + call);
        }

        @Override
        public Reply subscribe(Requester who, List<String> topics) {
            return answer("subscribe " + who.teamId() + "/" + who.channelId() + " " + topics);
        }

        @Override
        public Reply unsubscribe(Requester who, String topic) {
            return answer("unsubscribe " + topic);
        }

        @Override
        public Reply unsubscribeAll(Requester who) {
            return answer("unsubscribeAll");
        }

        @Override
        public Reply topics(Requester who) {
            return answer("topics");
        }

        @Override
        public Reply digestTime(Requester who, LocalTime time, Optional<ZoneId> zone) {
            return answer("digestTime " + time + " " + zone.map(ZoneId::getId).orElse("-"));
        }

        @Override
        public Reply digestNow(Requester who) {
            return answer("digestNow");
        }

        @Override
        public Reply digestQuiet(Requester who, boolean quiet) {
            return answer("digestQuiet " + quiet);
        }

        @Override
        public List<Reply> digestPreview(Requester who) {
            calls.add("digestPreview");
            return List.of(Reply.mrkdwn("preview part 1"), Reply.mrkdwn("preview part 2"),
                    Reply.mrkdwn("preview part 3"));
        }
    }

    @BeforeAll
    static void start() throws InterruptedException {
        slack = FakeSlackApi.start();
        var index = TestIndexes.seeded();
        bot = BotRuntime.start(TestBots.config(slack, HttpModeTest.SECRET, null), new BotRuntime.Parts(
                () -> index, new Recording(), PaperActivity.inMemory(Clock.systemUTC()), Duration.ofSeconds(2)));
        requests = SlackRequests.toPort(bot.port(), HttpModeTest.SECRET);
    }

    @AfterAll
    static void stop() {
        bot.close();
        slack.close();
    }

    static String command(String text) throws Exception {
        HttpResponse<String> r = requests.send(SlackRequests.slashCommand(text, slack.responseUrl("sub")),
                HttpModeTest.FORM);
        assertThat(r.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body()).at("/blocks/0/text/text").asText();
    }

    @Test
    void each_subcommand_reaches_the_implementation_with_clean_arguments() throws Exception {
        assertThat(command("subscribe  LLM agents , \u201Cauthor:LeCun, Yann\u201D,llm AGENTS"))
                .isEqualTo("did subscribe T0FAKE/C0TESTCHAN [LLM agents, \"author:LeCun, Yann\"]");
        assertThat(command("unsubscribe \"diffusion\"")).isEqualTo("did unsubscribe diffusion");
        assertThat(command("unsubscribe all")).isEqualTo("did unsubscribeAll");
        assertThat(command("topics")).isEqualTo("did topics");
        assertThat(command("digest time 7:30am asia/tokyo")).isEqualTo("did digestTime 07:30 Asia/Tokyo");
        assertThat(command("digest now")).isEqualTo("did digestNow");
        assertThat(command("digest quiet off")).isEqualTo("did digestQuiet false");
    }

    @Test
    void invalid_input_never_reaches_the_implementation() throws Exception {
        int before = calls.size();
        assertThat(command("subscribe " + "x".repeat(500))).contains("500 characters");
        assertThat(command("digest time 9:00 Nowhere/Land")).contains("I don't know the timezone");
        assertThat(calls).hasSize(before);
    }

    @Test
    void a_preview_of_several_messages_comes_as_the_ack_then_through_response_url() throws Exception {
        slack.reset();
        assertThat(command("digest preview")).isEqualTo("preview part 1");
        List<FakeSlackApi.Call> rest = slack.awaitCalls(FakeSlackApi.RESPONSE_URL, 2);
        assertThat(rest).extracting(FakeSlackApi.Call::allText)
                .anySatisfy(t -> assertThat(t).contains("preview part 2"))
                .anySatisfy(t -> assertThat(t).contains("preview part 3"));
    }
}
