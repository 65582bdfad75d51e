package dev.paperbot.bot.testing;

import dev.paperbot.bot.config.PaperbotConfig;
import dev.paperbot.bot.config.Secret;
import dev.paperbot.bot.digest.SlackChat;
import dev.paperbot.bot.runtime.BotRuntime;
import dev.paperbot.bot.subscription.DigestSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What the tests of a running bot configure alike: a bot on an ephemeral port of 127.0.0.1 that calls the fake
 * Slack's Web API, and digests that post only when the test ticks them.
 */
public final class TestBots {

    /** The bot token of {@link #config}: every Web API call of that bot carries it. */
    public static final String BOT_TOKEN = "xoxb-0000_test_bot_token";

    private TestBots() {
    }

    /**
     * One workspace's bot ({@link #BOT_TOKEN}) in HTTP mode with {@code signingSecret}, or in Socket Mode with
     * {@code appToken} (the other null).
     */
    public static PaperbotConfig config(FakeSlackApi slack, String signingSecret, String appToken) {
        return new PaperbotConfig(Optional.of(new Secret(BOT_TOKEN)), Optional.ofNullable(appToken).map(Secret::new),
                Optional.ofNullable(signingSecret).map(Secret::new), URI.create(slack.apiUrl()), "127.0.0.1", 0,
                Path.of("unused"), Optional.empty());
    }

    /** Waits until the bot's index is open (a runtime opens it in the background, and answers "still loading"). */
    public static void awaitIndex(BotRuntime bot) {
        while (!bot.index().isReady()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /**
     * Digests that post only when the test ticks them, and give up on Slack quickly: two attempts 10 ms apart, two
     * 429s waited out for at most a second each, five seconds a call.
     */
    public static DigestSettings digestsTickedByHand() {
        return DigestSettings.defaults().withTickEvery(Duration.ZERO).withRetries(
                new SlackChat.Retries(2, Duration.ofMillis(10), 2, Duration.ofSeconds(1), Duration.ofSeconds(5)));
    }
}
