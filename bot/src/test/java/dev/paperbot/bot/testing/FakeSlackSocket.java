package dev.paperbot.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's side of a Socket Mode connection, on 127.0.0.1: hand {@link #url()} out through
 * {@link FakeSlackApi#socketModeUrl(String)}. Says {@code hello} to each client that connects, sends envelopes with
 * {@link #send(String, JsonNode)} and records what the app sends back (acks, with or without a payload).
 */
public final class FakeSlackSocket implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<WebSocket> clients = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final WebSocketServer server;
    private int envelopes;

    private FakeSlackSocket() {
        server = new WebSocketServer(new InetSocketAddress("127.0.0.1", 0)) {
            @Override
            public void onOpen(WebSocket conn, ClientHandshake handshake) {
                clients.add(conn);
                ObjectNode hello = JSON.createObjectNode().put("type", "hello").put("num_connections", 1);
                hello.putObject("connection_info").put("app_id", "A0TESTAPP");
                hello.putObject("debug_info").put("host", "fake").put("approximate_connection_time", 3600);
                conn.send(hello.toString());
            }

            @Override
            public void onClose(WebSocket conn, int code, String reason, boolean remote) {
                clients.remove(conn);
            }

            @Override
            public void onMessage(WebSocket conn, String message) {
                try {
                    received.add(JSON.readTree(message));
                } catch (IOException e) {
                    received.add(JSON.createObjectNode().put("unparseable", message));
                }
            }

            @Override
            public void onError(WebSocket conn, Exception ex) {
                // Surfaces through the assertions: nothing arrives.
            }

            @Override
            public void onStart() {
                started.countDown();
            }
        };
        server.setReuseAddr(true);
        server.start();
    }

    public static FakeSlackSocket start() {
        FakeSlackSocket socket = new FakeSlackSocket();
        try {
            if (!socket.started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the fake Socket Mode server did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return socket;
    }

    public String url() {
        return "ws://127.0.0.1:" + server.getPort() + "/link/?ticket=test";
    }

    /** Waits until the app is connected. */
    public void awaitClient(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (clients.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the app did not connect within " + timeout);
            }
            sleep();
        }
    }

    /** Sends an envelope of {@code type} ({@code slash_commands}, {@code interactive}, {@code events_api}). */
    public synchronized String send(String type, JsonNode payload) {
        String id = "envelope-" + (++envelopes);
        ObjectNode envelope = JSON.createObjectNode().put("envelope_id", id).put("type", type)
                .put("accepts_response_payload", !type.equals("events_api"));
        envelope.set("payload", payload);
        clients.forEach(c -> c.send(envelope.toString()));
        return id;
    }

    /** The app's answer to envelope {@code id}. */
    public JsonNode awaitAck(String id, Duration timeout) {
        return await(m -> id.equals(m.path("envelope_id").asText()), timeout);
    }

    public JsonNode await(Predicate<JsonNode> matching, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            for (JsonNode m : received) {
                if (matching.test(m)) {
                    return m;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no matching message within " + timeout + "; received " + received);
            }
            sleep();
        }
    }

    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
