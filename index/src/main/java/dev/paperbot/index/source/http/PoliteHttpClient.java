package dev.paperbot.index.source.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs pages the way public APIs ask to be used: a User-Agent that names paperbot, at most one request per
 * {@link HttpSettings#minInterval()}, {@code 503}/{@code 429} answered by waiting as long as {@code Retry-After}
 * says, other transient failures retried with a growing pause, and a bounded number of attempts.
 *
 * <p>Thread-safe; requests through one client are serialised, which is the point of the pacing.
 */
public final class PoliteHttpClient {

    private static final Logger LOG = LoggerFactory.getLogger(PoliteHttpClient.class);

    private final HttpSettings settings;
    private final HttpClient http;
    private final Pause pause;
    private final LongSupplier nanoTime;
    private final java.time.Clock clock;
    private long lastRequestNanos;
    private boolean requested;

    public PoliteHttpClient(HttpSettings settings) {
        this(settings, Pause.real(), System::nanoTime, java.time.Clock.systemUTC());
    }

    /**
     * @param pause    how to wait (tests pass one that records and advances {@code nanoTime})
     * @param nanoTime a monotonic clock for pacing
     * @param clock    wall clock, for {@code Retry-After} given as an HTTP date
     */
    public PoliteHttpClient(HttpSettings settings, Pause pause, LongSupplier nanoTime, java.time.Clock clock) {
        this.settings = settings;
        this.pause = pause;
        this.nanoTime = nanoTime;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** GETs a page and returns its body as text. */
    public String get(URI uri) throws FetchException, InterruptedException {
        return get(uri, body -> body);
    }

    /** GETs a page and parses it; a body the parser rejects is fetched again like a failed request. */
    public synchronized <T> T get(URI uri, BodyParser<T> parser) throws FetchException, InterruptedException {
        String lastProblem = "no attempt made";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            awaitTurn();
            Duration wait;
            try {
                HttpResponse<InputStream> response = http.send(request(uri), HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status == 200) {
                    String body = readBody(response);
                    try {
                        return parser.parse(body);
                    } catch (BodyParser.MalformedBodyException e) {
                        lastProblem = e.getMessage();
                        wait = backoff(attempt);
                    }
                } else if (status == 503 || status == 429 || status == 500 || status == 502 || status == 504) {
                    drain(response);
                    lastProblem = "HTTP " + status;
                    Optional<Duration> retryAfter = retryAfter(response);
                    if (retryAfter.isPresent() && retryAfter.get().compareTo(settings.maxRetryAfter()) > 0) {
                        throw new FetchException("GET " + uri + ": HTTP " + status + ", server asks to retry after "
                                + retryAfter.get().toSeconds() + " s, more than the limit of "
                                + settings.maxRetryAfter().toSeconds() + " s");
                    }
                    wait = retryAfter.isPresent() ? retryAfter.get() : backoff(attempt);
                } else {
                    String excerpt = excerpt(readBody(response));
                    throw new FetchException("GET " + uri + ": HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt));
                }
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                wait = backoff(attempt);
            }
            if (attempt < settings.maxAttempts()) {
                LOG.info("GET {} failed ({}), attempt {} of {}; retrying in {} s", uri, lastProblem, attempt,
                        settings.maxAttempts(), wait.toMillis() / 1000.0);
                pause.sleep(wait);
            }
        }
        throw new FetchException("GET " + uri + ": " + lastProblem + " (gave up after " + settings.maxAttempts()
                + " attempts)");
    }

    private HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept-Encoding", "gzip")
                .GET()
                .build();
    }

    /** Keeps at least {@code minInterval} between the starts of two requests. */
    private void awaitTurn() throws InterruptedException {
        long now = nanoTime.getAsLong();
        if (requested) {
            long due = lastRequestNanos + settings.minInterval().toNanos();
            if (due - now > 0) {
                pause.sleep(Duration.ofNanos(due - now));
                now = nanoTime.getAsLong();
            }
        }
        requested = true;
        lastRequestNanos = now;
    }

    /** A pause that grows with each failed attempt: minInterval, then doubling, at least one second. */
    private Duration backoff(int attempt) {
        Duration base = settings.minInterval().compareTo(Duration.ofSeconds(1)) < 0
                ? Duration.ofSeconds(1) : settings.minInterval();
        return base.multipliedBy(1L << Math.min(attempt - 1, 6));
    }

    /** {@code Retry-After} as seconds or as an HTTP date. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty() || header.get().isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (java.time.DateTimeException notADate) {
                return Optional.empty();
            }
        }
    }

    private static String readBody(HttpResponse<InputStream> response) throws IOException {
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readAllBytes();
        }
        boolean gzip = response.headers().firstValue("Content-Encoding")
                .map(v -> v.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false);
        if (gzip) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            }
        }
        return new String(bytes, charset(response));
    }

    private static Charset charset(HttpResponse<?> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        int at = type.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at >= 0) {
            String name = type.substring(at + 8).replace("\"", "").split(";")[0].strip();
            try {
                return Charset.forName(name);
            } catch (RuntimeException unknown) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static void drain(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the connection is dropped either way
        }
    }

    private static String excerpt(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }
}
