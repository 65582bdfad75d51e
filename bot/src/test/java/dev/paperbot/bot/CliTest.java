package dev.paperbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.search.PaperIndexes;
import dev.paperbot.index.source.SeedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process on a data directory of its own. */
class CliTest {

    @TempDir
    Path home;

    CliRun run(String... args) {
        return CliRun.run(home, args);
    }

    @Test
    void search_json_on_the_embedded_corpus_returns_hits_with_the_documented_keys() throws Exception {
        CliRun run = run("search", "--json", "--limit", "3", "quantization");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode hits = new ObjectMapper().readTree(run.out());
        assertThat(hits.isArray()).isTrue();
        assertThat(hits).hasSize(3);
        for (JsonNode hit : hits) {
            assertThat(hit.has("id") && hit.has("title") && hit.has("score") && hit.has("url") && hit.has("snippet"))
                    .as(hit.toString()).isTrue();
            assertThat(hit.get("title").asText().toLowerCase()).contains("quant");
        }
    }

    @Test
    void search_prints_numbered_human_results() {
        CliRun run = run("search", "diffusion", "models");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith(" 1. ").contains("\n 2. ");
    }

    @Test
    void bad_input_gives_one_line_on_stderr_and_a_non_zero_exit() {
        for (String[] args : new String[][] {
                {"search"}, {"search", "--limit", "0", "x"}, {"search", "--limit", "many", "x"},
                {"search", "*:*"}, {"import", "--format", "csv", "x"}, {"import", "--format", "jsonl", "/nonexistent"},
                {"import", "--format", "jsonl", "--merge", "-1", "x"},
                {"frobnicate"}}) {
            CliRun run = run(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isNotZero();
            assertThat(run.err()).as(String.join(" ", args)).doesNotContain("Exception", "\tat ");
            assertThat(run.err().lines().filter(l -> l.startsWith("paperbot:") || l.startsWith("Nothing")))
                    .as(run.err()).hasSize(1);
        }
    }

    @Test
    void import_reports_added_replaced_and_skipped_lines() throws Exception {
        Path file = home.resolve("papers.jsonl");
        Files.writeString(file, """
                {"id": "2401.00001v2", "title": "Sparse attention", "abstract": "Attention, but sparse."}
                {"title": "", "abstract": "no title"}
                not json
                {"id": "2401.00001", "title": "Sparse attention, revised", "abstract": "Attention, but sparser."}
                {"title": "Dated", "abstract": "x", "date": "yesterday"}
                """);

        CliRun run = run("import", "--format", "jsonl", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 added, 0 replaced, 4 skipped")
                .contains("line 2: no title", "line 3: not valid JSON",
                        "line 4: id repeated in the file (the first line is kept)", "line 5: date is not YYYY-MM-DD");

        Path revised = Files.writeString(home.resolve("revised.jsonl"), """
                {"id": "2401.00001", "title": "Sparse attention, revised", "abstract": "Attention, but sparser."}
                """);
        CliRun again = run("import", "--format", "jsonl", revised.toString());
        assertThat(again.out()).contains("0 added, 1 replaced, 0 skipped").doesNotContain("merged");
        CliRun merged = run("import", "--format", "jsonl", "--merge", "1", revised.toString());
        assertThat(merged.out()).contains("0 added, 1 replaced, 0 skipped").contains("merged into 1 segment in ");
        CliRun search = run("search", "--json", "sparse");
        assertThat(new ObjectMapper().readTree(search.out()).get(0).get("title").asText())
                .isEqualTo("Sparse attention, revised");
    }

    @Test
    void eval_json_prints_one_object_with_the_metrics() throws Exception {
        Path collection = Path.of(CliTest.class.getResource("/beir-mini").toURI());

        CliRun run = run("eval", "--beir", collection.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.get("queries").asInt()).isEqualTo(4);
        assertThat(result.get("mrr@10").asDouble()).isEqualTo(1.0);
        assertThat(result.has("ndcg@10") && result.has("recall@100")).isTrue();
    }

    @Test
    void while_another_process_holds_the_index_search_still_works_and_import_says_why_it_cannot() throws Exception {
        Path file = Files.writeString(home.resolve("one.jsonl"), "{\"title\": \"Sparse attention\"}\n");
        try (LuceneIndex bot = PaperIndexes.open(home.resolve("index"))) {
            SeedCorpus.seedIfEmpty(bot);

            CliRun search = run("search", "quantization");
            assertThat(search.exitCode()).as(search.err()).isZero();
            assertThat(search.out()).contains(" 1. ");

            CliRun imported = run("import", "--format", "jsonl", file.toString());
            assertThat(imported.exitCode()).isNotZero();
            assertThat(imported.err().strip()).startsWith("paperbot: the index in ")
                    .contains("in use by another paperbot process").doesNotContain("\n");
        }
    }

    @Test
    void import_refuses_an_unknown_category_before_opening_the_index_and_takes_any_case() throws Exception {
        Path file = Files.writeString(home.resolve("snapshot.jsonl"), """
                {"id": "2401.00001", "title": "Sparse attention", "abstract": "Attention, but sparse.", \
                "categories": "cs.LG stat.ML", "versions": [{"version": "v1", "created": "Mon, 1 Jan 2024 10:00:00 GMT"}]}
                """);
        int usageError = run("import", "--format", "kaggle", "--threads", "0", file.toString()).exitCode();

        CliRun unknown = run("import", "--format", "kaggle", "--category", "cs.,zz", file.toString());
        assertThat(unknown.exitCode()).isEqualTo(usageError).isNotZero();
        assertThat(unknown.err()).isEqualTo("paperbot: 'zz' is not an arXiv category (such as cs.LG, math.AG or"
                + " hep-th; the list: https://arxiv.org/category_taxonomy)\n");
        assertThat(home.resolve("index")).doesNotExist();

        CliRun anyCase = run("import", "--format", "kaggle", "--category", "STAT.ml", file.toString());
        assertThat(anyCase.exitCode()).as(anyCase.err()).isZero();
        assertThat(anyCase.out()).contains("1 added").contains("(categories stat.ML)");
    }

    @Test
    void data_directory_comes_from_paperbot_home_or_defaults_to_the_user_home() {
        assertThat(Main.dataDirectory(Map.of("PAPERBOT_HOME", "/srv/pb"), "/home/u")).isEqualTo(Path.of("/srv/pb"));
        assertThat(Main.dataDirectory(Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.paperbot"));
    }
}
