package dev.paperbot.bot.digest;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts messages through Slack's Web API and survives its weather: a 429 waits {@code Retry-After}; a 5xx or a
 * timeout is retried with exponential backoff; an {@code ok:false} error is thrown at once (the caller decides
 * whether it is permanent). Every call goes to the configured base URL ({@code PAPERBOT_SLACK_API_URL}).
 */
public final class SlackChat {

    private static final Logger LOG = LoggerFactory.getLogger(SlackChat.class);

    /**
     * How hard to try.
     *
     * @param attempts       tries for 5xx and timeouts before giving up
     * @param firstBackoff   the wait after the first failure; doubled after each
     * @param maxRateLimited how many 429s in a row are waited out before giving up
     * @param maxRetryAfter  the longest Retry-After honoured (longer ones are capped)
     * @param timeout        per-request timeout
     */
    public record Retries(int attempts, Duration firstBackoff, int maxRateLimited, Duration maxRetryAfter,
            Duration timeout) {

        public static Retries defaults() {
            return new Retries(5, Duration.ofSeconds(1), 10, Duration.ofMinutes(2), Duration.ofSeconds(15));
        }
    }

    /** Waits; tests pass one that records the waits instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        Sleeper REAL = Thread::sleep;
    }

    private final Slack slack;
    private final Retries retries;
    private final Sleeper sleeper;

    public SlackChat(String apiBaseUrl, Retries retries, Sleeper sleeper) {
        this(apiBaseUrl, retries, sleeper, Slack::getInstance);
    }

    /** @param clients makes the SDK client from its settings (the runtime's counts each call for the metrics) */
    public SlackChat(String apiBaseUrl, Retries retries, Sleeper sleeper, Function<SlackConfig, Slack> clients) {
        SlackConfig config = new SlackConfig();
        String base = apiBaseUrl.endsWith("/") ? apiBaseUrl : apiBaseUrl + "/";
        config.setMethodsEndpointUrlPrefix(base.endsWith("api/") ? base : base + "api/");
        config.setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        int timeoutMs = (int) retries.timeout().toMillis();
        config.setHttpClientReadTimeoutMillis(timeoutMs);
        config.setHttpClientWriteTimeoutMillis(timeoutMs);
        config.setHttpClientCallTimeoutMillis(timeoutMs);
        this.slack = clients.apply(config);
        this.retries = Objects.requireNonNull(retries, "retries");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Posts a message and returns its {@code ts}. */
    public String post(String token, String channel, String text, java.util.List<LayoutBlock> blocks)
            throws SlackPostException, InterruptedException {
        MethodsClient client = slack.methods(token);
        ChatPostMessageResponse r = call("chat.postMessage", channel,
                () -> client.chatPostMessage(req -> req.channel(channel).text(text).blocks(blocks)
                        .unfurlLinks(false).unfurlMedia(false)));
        if (!r.isOk()) {
            throw new SlackPostException(r.getError(), "chat.postMessage to " + channel + " failed: " + r.getError());
        }
        return r.getTs();
    }

    /** The workspace (team id) a bot token belongs to, as {@code auth.test} tells. */
    public String teamOf(String token) throws SlackPostException, InterruptedException {
        MethodsClient client = slack.methods(token);
        AuthTestResponse r = call("auth.test", "the token's workspace", () -> client.authTest(req -> req));
        if (!r.isOk()) {
            throw new SlackPostException(r.getError(), "auth.test failed: " + r.getError());
        }
        return r.getTeamId();
    }

    /**
     * Whether the channel's history since {@code oldest} holds a message whose first block has this id. Used after
     * a takeover, to tell whether the dead poster's last message went out.
     */
    public boolean historyHasMarker(String token, String channel, Instant oldest, String marker)
            throws SlackPostException, InterruptedException {
        MethodsClient client = slack.methods(token);
        String oldestTs = oldest.getEpochSecond() + ".000000";
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            String c = cursor;
            ConversationsHistoryResponse r = call("conversations.history", channel,
                    () -> client.conversationsHistory(req -> req.channel(channel).oldest(oldestTs).limit(200)
                            .cursor(c)));
            if (!r.isOk()) {
                throw new SlackPostException(r.getError(), "conversations.history of " + channel + ": " + r.getError());
            }
            if (r.getMessages() != null) {
                for (Message m : r.getMessages()) {
                    if (m.getBlocks() != null && !m.getBlocks().isEmpty()
                            && marker.equals(m.getBlocks().getFirst().getBlockId())) {
                        return true;
                    }
                }
            }
            cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
            if (cursor == null || cursor.isEmpty() || !Boolean.TRUE.equals(r.isHasMore())) {
                return false;
            }
        }
        return false;
    }

    @FunctionalInterface
    private interface ApiCall<T> {
        T run() throws IOException, SlackApiException;
    }

    private <T> T call(String method, String channel, ApiCall<T> apiCall)
            throws SlackPostException, InterruptedException {
        Duration backoff = retries.firstBackoff();
        int failures = 0;
        int rateLimited = 0;
        while (true) {
            try {
                return apiCall.run();
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                if (status == 429) {
                    if (++rateLimited > retries.maxRateLimited()) {
                        throw new SlackPostException("ratelimited", method + " to " + channel + " stayed rate limited");
                    }
                    Duration wait = retryAfter(e);
                    LOG.info("{} to {} rate limited; waiting {} s as Slack asked", method, channel, wait.toSeconds());
                    sleeper.sleep(wait);
                    continue;
                }
                if (status < 500) {
                    String error = e.getError() != null && e.getError().getError() != null
                            ? e.getError().getError() : "http_" + status;
                    throw new SlackPostException(error, method + " to " + channel + " failed with HTTP " + status);
                }
                failures++;
                LOG.warn("{} to {} failed with HTTP {} (try {} of {})", method, channel, status, failures,
                        retries.attempts());
            } catch (IOException e) {
                failures++;
                LOG.warn("{} to {} failed: {} (try {} of {})", method, channel, e.toString(), failures,
                        retries.attempts());
            }
            if (failures >= retries.attempts()) {
                throw new SlackPostException("unavailable",
                        method + " to " + channel + " failed " + failures + " times; giving up for now");
            }
            sleeper.sleep(backoff);
            backoff = backoff.multipliedBy(2);
        }
    }

    private Duration retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        long seconds = 1;
        if (header != null) {
            try {
                seconds = Math.max(0, Long.parseLong(header.strip()));
            } catch (NumberFormatException ignored) {
                // an HTTP date or garbage: wait a second and try again
            }
        }
        Duration wait = Duration.ofSeconds(seconds);
        return wait.compareTo(retries.maxRetryAfter()) > 0 ? retries.maxRetryAfter() : wait;
    }
}
