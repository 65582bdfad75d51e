package dev.paperbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands around meaning vectors, with the real embedding model on tiny collections. */
class HybridCliTest {

    @TempDir
    Path home;

    CliRun run(Map<String, String> env, String... args) {
        return CliRun.run(home, env, args);
    }

    CliRun run(String... args) {
        return CliRun.run(home, args);
    }

    @Test
    void eval_hybrid_embeds_the_collection_once_then_reuses_the_vector_cache() throws Exception {
        Path collection = Path.of(HybridCliTest.class.getResource("/beir-mini").toURI());

        CliRun first = run("eval", "--beir", collection.toString(), "--mode", "hybrid", "--json");

        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(first.out());
        assertThat(result.get("mode").asText()).isEqualTo("hybrid");
        assertThat(result.get("queries").asInt()).isEqualTo(4);
        assertThat(result.get("recall@100").asDouble()).isEqualTo((1 + 1 + 1 + 0.5) / 4);

        CliRun second = run("eval", "--beir", collection.toString(), "--mode", "hybrid");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("embedded 6 documents").contains("(0 by the model, 6 from the vector cache)")
                .contains("mode: hybrid");
        assertThat(Files.isDirectory(home.resolve("vector-cache"))).isTrue();
    }

    @Test
    void imported_papers_wait_for_vectors_until_embed_then_search_uses_meaning() throws Exception {
        Path file = home.resolve("papers.jsonl");
        Files.writeString(file, """
                {"id": "2401.00001", "title": "Weight quantization for language models", "abstract": "We store the weights of large language models in four bits with little loss."}
                {"id": "2401.00002", "title": "Robot grasping", "abstract": "A robot arm learns to pick up household objects."}
                {"id": "2401.00003", "title": "Protein folding", "abstract": "Predicting the structure of proteins from sequences."}
                """);
        CliRun imported = run("import", "--format", "jsonl", file.toString());
        assertThat(imported.out()).contains("3 added").contains("3 papers wait for their meaning vectors");

        CliRun words = run("search", "--json", "make", "LLM", "weights", "smaller");
        assertThat(words.err()).contains("Searching by words only: 3 of 3 papers wait for their vectors");

        CliRun embed = run("embed");
        assertThat(embed.exitCode()).as(embed.err()).isZero();
        assertThat(embed.out()).startsWith("Embedded 3 papers").contains("all 3 papers embedded");

        CliRun hybrid = run("search", "--json", "compressing", "chatbot", "parameters");
        assertThat(hybrid.err()).doesNotContain("wait for their vectors");
        JsonNode hits = new ObjectMapper().readTree(hybrid.out());
        assertThat(hits.get(0).get("id").asText()).isEqualTo("2401.00001");
        assertThat(hits.get(0).has("semantic")).isTrue();

        // Imported again unchanged: nothing waits.
        assertThat(run("import", "--format", "jsonl", file.toString()).out()).doesNotContain("wait for");

        CliRun off = run(Map.of("PAPERBOT_EMBEDDINGS", "off"), "embed");
        assertThat(off.exitCode()).isNotZero();
        assertThat(off.err()).isEqualTo("paperbot: embeddings are off (PAPERBOT_EMBEDDINGS=off): nothing to do"
                + System.lineSeparator());
    }
}
