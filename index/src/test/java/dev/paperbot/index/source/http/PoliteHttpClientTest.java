package dev.paperbot.index.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperbot.index.source.http.FixtureServer.FakeTime;
import dev.paperbot.index.source.http.FixtureServer.Reply;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoliteHttpClientTest {

    private final FixtureServer server = new FixtureServer();
    private final FakeTime time = new FakeTime();
    private final HttpSettings settings = HttpSettings.arxiv();

    @AfterEach
    void stop() {
        server.close();
    }

    private URI uri(String path) {
        return URI.create(server.baseUrl() + path);
    }

    @Test
    void sends_a_user_agent_naming_paperbot_and_paces_requests() throws Exception {
        server.enqueue(Reply.ok("one")).enqueue(Reply.ok("two"));
        PoliteHttpClient client = time.client(settings);

        assertThat(client.get(uri("/a"))).isEqualTo("one");
        assertThat(client.get(uri("/b"))).isEqualTo("two");

        assertThat(server.requests()).allSatisfy(r -> assertThat(r.headers().get("user-agent")).startsWith("paperbot/"));
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void honours_retry_after_on_503_then_succeeds() throws Exception {
        server.enqueue(Reply.status(503, Map.of("Retry-After", "7")))
                .enqueue(Reply.status(503, Map.of("Retry-After", "11")))
                .enqueue(Reply.ok("finally"));

        assertThat(time.client(settings).get(uri("/oai"))).isEqualTo("finally");

        assertThat(time.waits()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(11));
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void gives_up_after_a_bounded_number_of_attempts() {
        for (int i = 0; i < 10; i++) {
            server.enqueue(Reply.status(503, Map.of("Retry-After", "1")));
        }
        assertThatThrownBy(() -> time.client(settings.withMaxAttempts(3)).get(uri("/oai")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("HTTP 503").hasMessageContaining("3 attempts");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void refuses_to_wait_longer_than_the_limit() {
        server.enqueue(Reply.status(503, Map.of("Retry-After", "86400")));
        assertThatThrownBy(() -> time.client(settings).get(uri("/oai")))
                .hasMessageContaining("retry after 86400 s");
        assertThat(time.waits()).isEmpty();
    }

    @Test
    void client_errors_fail_at_once_with_the_status() {
        server.enqueue(new Reply(400, Map.of(), "badArgument".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> time.client(settings).get(uri("/oai")))
                .hasMessageContaining("HTTP 400").hasMessageContaining("badArgument");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void a_body_the_parser_rejects_is_fetched_again() throws Exception {
        server.enqueue(Reply.ok("<truncated")).enqueue(Reply.ok("<whole/>"));
        String parsed = time.client(settings).get(uri("/page"), body -> {
            if (!body.endsWith("/>")) {
                throw new BodyParser.MalformedBodyException("truncated XML");
            }
            return body;
        });
        assertThat(parsed).isEqualTo("<whole/>");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void decompresses_gzip_bodies() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("zipped ü".getBytes(StandardCharsets.UTF_8));
        }
        server.enqueue(new Reply(200, Map.of("Content-Encoding", "gzip"), bytes.toByteArray()));
        assertThat(time.client(settings).get(uri("/gz"))).isEqualTo("zipped ü");
    }

    @Test
    void connection_refused_is_retried_then_reported() {
        URI nowhere = uri("/x");
        server.close(); // nothing listens on that port any more
        assertThatThrownBy(() -> time.client(settings.withMaxAttempts(2)).get(nowhere))
                .isInstanceOf(FetchException.class).hasMessageContaining("2 attempts");
    }
}
