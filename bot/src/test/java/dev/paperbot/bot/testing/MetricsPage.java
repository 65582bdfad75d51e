package dev.paperbot.bot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a running bot's {@code GET /metrics} served, read as Prometheus' text format: {@link #sum} adds up the samples
 * of a metric whose labels include the given ones.
 *
 * <pre>{@code
 * MetricsPage page = MetricsPage.of(bot.port());
 * assertThat(page.sum("paperbot_slack_commands_total", "kind", "search", "reply", "ack")).isEqualTo(1);
 * }</pre>
 */
public record MetricsPage(int status, String contentType, String text) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** {@code GET http://127.0.0.1:port/metrics}. */
    public static MetricsPage of(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new MetricsPage(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the page until {@code until} holds (a counter moved on a worker thread), then once more: a scrape reads
     * one metric after the other, so what a thread counted just before moving the awaited counter is only sure to be
     * on a page read after. Fails after 10 s.
     */
    public static MetricsPage await(int port, Predicate<MetricsPage> until) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            if (until.test(of(port))) {
                return of(port);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the metrics never got there; last page:\n" + of(port).text());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * The sum of the samples of {@code name} whose labels include {@code labels} (name, value, name, value, ...);
     * 0 when there is none.
     */
    public double sum(String name, String... labels) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        double sum = 0;
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.matches() || !m.group(1).equals(name)) {
                continue;
            }
            Map<String, String> have = new HashMap<>();
            Matcher l = LABEL.matcher(m.group(2) == null ? "" : m.group(2));
            while (l.find()) {
                have.put(l.group(1), l.group(2));
            }
            if (have.entrySet().containsAll(wanted.entrySet())) {
                sum += Double.parseDouble(m.group(3));
            }
        }
        return sum;
    }

    /** Whether any sample of {@code name} is on the page. */
    public boolean has(String name) {
        return text.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }
}
