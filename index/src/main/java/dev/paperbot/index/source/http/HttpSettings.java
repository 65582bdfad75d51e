package dev.paperbot.index.source.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How a source talks to a server: timeouts, the pause between two requests, how often to retry and how long a
 * server may ask us to wait ({@code Retry-After}) before we give up instead.
 *
 * @param connectTimeout  time to open a connection
 * @param requestTimeout  time for one whole response
 * @param minInterval     at least this long between the starts of two requests to the same client
 * @param maxAttempts     attempts per request, the first included (retries on 5xx, 429, I/O errors, bad bodies)
 * @param maxRetryAfter   the longest {@code Retry-After} we wait for; a longer one fails the request
 * @param userAgent       sent with every request; names paperbot so operators can reach us
 */
public record HttpSettings(
        Duration connectTimeout, Duration requestTimeout, Duration minInterval, int maxAttempts,
        Duration maxRetryAfter, String userAgent) {

    public static final String USER_AGENT =
            "paperbot/0.1 (research-paper Slack bot; +https://github.com/paperbot-dev/paperbot)";

    public HttpSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(minInterval, "minInterval");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (minInterval.isNegative()) {
            throw new IllegalArgumentException("minInterval must not be negative, was " + minInterval);
        }
        userAgent = userAgent == null || userAgent.isBlank() ? USER_AGENT : userAgent;
    }

    /** arXiv asks for no more than one request every three seconds; its OAI-PMH endpoint answers 503 beyond that. */
    public static HttpSettings arxiv() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(3), 5,
                Duration.ofMinutes(5), USER_AGENT);
    }

    /** One call a run; a short pause is enough. */
    public static HttpSettings huggingFace() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(1), 4,
                Duration.ofMinutes(2), USER_AGENT);
    }

    public HttpSettings withMinInterval(Duration interval) {
        return new HttpSettings(connectTimeout, requestTimeout, interval, maxAttempts, maxRetryAfter, userAgent);
    }

    public HttpSettings withMaxAttempts(int attempts) {
        return new HttpSettings(connectTimeout, requestTimeout, minInterval, attempts, maxRetryAfter, userAgent);
    }
}
