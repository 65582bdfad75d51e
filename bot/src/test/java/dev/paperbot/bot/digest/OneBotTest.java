package dev.paperbot.bot.digest;

import dev.paperbot.bot.testing.FakeSlackApi;
import dev.paperbot.bot.testing.TestIndexes;
import dev.paperbot.core.store.StoreConfig;
import dev.paperbot.core.testing.FakeTime;
import dev.paperbot.index.search.LuceneIndex;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Each test gets one bot on SQLite, a Lucene index in memory and a fake Slack Web API, all on one fake time. */
abstract class OneBotTest {

    private final Instant start;
    private final SlackChat.Retries retries;

    @TempDir
    Path home;

    FakeTime time;
    LuceneIndex index;
    FakeSlackApi slack;
    DigestBot bot;

    OneBotTest(Instant start, SlackChat.Retries retries) {
        this.start = start;
        this.retries = retries;
    }

    @BeforeEach
    void startBot() {
        time = new FakeTime(start);
        index = TestIndexes.inMemory(time);
        slack = FakeSlackApi.start();
        bot = new DigestBot("bot-1", StoreConfig.sqlite(home), index, slack.apiUrl(), time, retries);
    }

    @AfterEach
    void stopBot() {
        bot.close();
        slack.close();
        index.close();
    }
}
