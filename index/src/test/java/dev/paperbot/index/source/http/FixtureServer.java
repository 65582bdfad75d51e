package dev.paperbot.index.source.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on 127.0.0.1 and an ephemeral port that answers with scripted responses, in order, and
 * remembers every request. Fixtures come from the test class path (src/test/resources), never from the network.
 */
public final class FixtureServer implements AutoCloseable {

    /** A scripted answer. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
        public static Reply ok(String body) {
            return new Reply(200, Map.of("Content-Type", "text/xml; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8));
        }

        public static Reply status(int status, Map<String, String> headers) {
            return new Reply(status, headers, new byte[0]);
        }

        public static Reply resource(String path) {
            return ok(FixtureServer.resource(path));
        }
    }

    /** What the server received. */
    public record Received(String method, URI uri, Map<String, String> headers) {
        public String query() {
            return uri.getRawQuery() == null ? "" : uri.getRawQuery();
        }

        public String path() {
            return uri.getPath();
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public FixtureServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public FixtureServer enqueue(Reply reply) {
        replies.add(reply);
        return this;
    }

    public FixtureServer enqueueResource(String path) {
        return enqueue(Reply.resource(path));
    }

    /** The server's base URL without a trailing slash, such as {@code http://127.0.0.1:43123}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> requests() {
        return List.copyOf(received);
    }

    public static String resource(String path) {
        try (InputStream in = FixtureServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI(), headers));
        Reply reply = replies.poll();
        if (reply == null) {
            reply = new Reply(404, Map.of(), "no scripted reply left".getBytes(StandardCharsets.UTF_8));
        }
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A pause that does not wait: it advances {@link #nanoTime()} and records each wait. */
    public static final class FakeTime implements Pause {
        private long nanos = 1_000_000_000L;
        private final List<java.time.Duration> waits = new ArrayList<>();

        @Override
        public synchronized void sleep(java.time.Duration duration) {
            waits.add(duration);
            nanos += duration.toNanos();
        }

        public synchronized long nanoTime() {
            return nanos;
        }

        public synchronized List<java.time.Duration> waits() {
            return List.copyOf(waits);
        }

        public PoliteHttpClient client(HttpSettings settings) {
            return new PoliteHttpClient(settings, this, this::nanoTime, java.time.Clock.systemUTC());
        }
    }
}
