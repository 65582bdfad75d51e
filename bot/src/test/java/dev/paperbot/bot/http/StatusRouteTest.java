package dev.paperbot.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.bot.index.IndexHolder;
import dev.paperbot.bot.testing.TestIndexes;
import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.Embedder;
import dev.paperbot.core.search.Embedding;
import dev.paperbot.index.search.IndexSettings;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.search.PaperIndexes;
import dev.paperbot.index.search.SemanticSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code GET /status}: for people, how many papers and how far embedding is; {@code /healthz} stays "ok". */
class StatusRouteTest {

    private final HttpClient http = HttpClient.newHttpClient();

    /** One dimension per letter count: enough to have vectors. */
    private static final Embedder TINY = new Embedder() {
        @Override
        public String model() {
            return "tiny-2";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public Embedding embedQuery(String text) {
            return Embedding.of(new float[] {text.length(), 1}).normalized();
        }

        @Override
        public List<Embedding> embedPassages(List<String> passages) {
            return passages.stream().map(this::embedQuery).toList();
        }
    };

    private String get(BotServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void status_tells_how_far_embedding_is() throws Exception {
        LuceneIndex index = PaperIndexes.inMemory(IndexSettings.defaults(), Clock.systemUTC(),
                new SemanticSettings(Optional.of(TINY), true, false));
        index.upsert(List.of(Paper.of(new PaperId("2401.00001"), "One", "First."),
                Paper.of(new PaperId("2401.00002"), "Two", "Second.")));
        try (IndexHolder holder = IndexHolder.of(index);
                BotServer server = BotServer.start("127.0.0.1", 0, holder, routes -> { })) {
            assertThat(get(server, "/status")).isEqualTo("2 papers\nembeddings: 0 of 2 papers embedded (tiny-2);"
                    + " searching by words only until done\nindex: writer\n");
            index.embedPending(n -> { });
            assertThat(get(server, "/status")).isEqualTo("2 papers\nembeddings: all 2 papers embedded (tiny-2)\nindex: writer\n");
            assertThat(get(server, "/healthz")).isEqualTo("ok");
        }
    }

    @Test
    void without_a_model_status_says_words_only() throws Exception {
        try (IndexHolder holder = IndexHolder.of(TestIndexes.inMemory(Clock.systemUTC()));
                BotServer server = BotServer.start("127.0.0.1", 0, holder, routes -> { })) {
            assertThat(get(server, "/status")).isEqualTo("0 papers\nembeddings: off, searching by words only\nindex: writer\n");
        }
    }
}
