package dev.paperbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.index.source.http.FixtureServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperbot ingest} against a local server that answers with the source fixtures in the real formats. */
class IngestCliTest {

    private static final String RSS = "/sources/arxiv/rss_cs.LG+stat.ML_2025-09-18.xml";

    @TempDir
    Path home;

    private final FixtureServer server = new FixtureServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private String base() {
        return server.baseUrl();
    }

    private List<String> requests() {
        return server.requests().stream().map(r -> r.uri().toString()).toList();
    }

    CliRun run(String... args) {
        return CliRun.run(home, args);
    }

    @Test
    void rss_prints_a_summary_and_a_second_run_adds_nothing() {
        server.enqueueResource(RSS).enqueueResource(RSS);

        CliRun first = run("ingest", "rss", "--category", "cs.LG", "--base-url", base(), "--delay", "0");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("arxiv-rss: 2 added, 0 updated, 0 unchanged, 3 skipped")
                .contains("replacement of a paper not in the index");
        assertThat(requests()).containsExactly("/rss/cs.LG");

        CliRun again = run("ingest", "rss", "--category", "cs.LG", "--base-url", base(), "--delay", "0");
        assertThat(again.out()).startsWith("arxiv-rss: 0 added, 0 updated, 2 unchanged");

        CliRun search = run("search", "--json", "schrodinger bridges");
        assertThat(search.out()).contains("2509.13332");
    }

    @Test
    void hf_records_papers_and_upvotes() {
        server.enqueueResource("/sources/huggingface/daily_papers_2024-10-25.json");

        CliRun run = run("ingest", "hf", "--date", "2024-10-25", "--base-url", base(), "--delay", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("huggingface: 3 added, 0 updated, 0 unchanged, 1 skipped, 3 popularity signals");
        assertThat(requests()).containsExactly("/api/daily_papers?date=2024-10-25");
    }

    @Test
    void bad_options_give_one_line_on_stderr() {
        for (String[] args : new String[][] {
                {"ingest", "rss", "--category", "cs LG", "--base-url", base()},
                {"ingest", "oai", "--category", "cs.LG&verb=Identify", "--base-url", base()},
                {"ingest", "api", "--base-url", base()},
                {"ingest", "rss", "--category", "zz.XX", "--base-url", base()},
                {"ingest", "oai", "--category", "cs:cs:XX", "--base-url", base()},
                {"ingest", "api", "--query", "cat:zz.XX", "--base-url", base()},
                {"ingest", "hf", "--date", "yesterday"},
                {"ingest", "rss", "--delay", "-1"}}) {
            CliRun run = run(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isNotZero();
            assertThat(run.err()).as(String.join(" ", args)).doesNotContain("Exception", "\tat ");
            assertThat(run.err().lines().filter(l -> l.startsWith("paperbot:"))).as(run.err()).hasSize(1);
        }
        assertThat(requests()).isEmpty();
    }

    @Test
    void an_unknown_category_is_one_line_up_front_with_the_one_meant() {
        int usageError = run("ingest", "rss", "--delay", "-1").exitCode();
        for (String[] args : new String[][] {
                {"ingest", "rss", "--category", "cs.LG,zz.XX", "--base-url", base()},
                {"ingest", "oai", "--category", "zz.XX", "--base-url", base()},
                {"ingest", "api", "--query", "cat:zz.XX AND ti:graph", "--base-url", base()}}) {
            CliRun run = run(args);

            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(usageError).isNotZero();
            assertThat(run.err()).as(String.join(" ", args)).isEqualTo("paperbot: 'zz.XX' is not an arXiv category (such"
                    + " as cs.LG, math.AG or hep-th; the list: https://arxiv.org/category_taxonomy)\n");
        }
        CliRun meant = run("ingest", "rss", "--category", "cs.ML", "--base-url", base());
        assertThat(meant.err()).isEqualTo("paperbot: 'cs.ML' is not an arXiv category: did you mean stat.ML?\n");
        assertThat(requests()).isEmpty();
        assertThat(home.resolve("index")).as("refused before the index is opened").doesNotExist();
    }

    @Test
    void a_category_in_another_case_is_fetched_in_arxivs_spelling() {
        server.enqueueResource(RSS);

        CliRun run = run("ingest", "rss", "--category", "CS.lg", "--base-url", base(), "--delay", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(requests()).containsExactly("/rss/cs.LG");
    }

    @Test
    void serve_refuses_unknown_scheduled_categories_at_start() {
        CliRun run = CliRun.run(home, java.util.Map.of("PAPERBOT_INGEST_CATEGORIES", "cs.LG, cs_CL",
                "PAPERBOT_HOST", "127.0.0.1", "PAPERBOT_PORT", "0"), "serve");

        assertThat(run.exitCode()).isEqualTo(run("ingest", "rss", "--delay", "-1").exitCode());
        assertThat(run.err()).isEqualTo(
                "paperbot: PAPERBOT_INGEST_CATEGORIES: 'cs_CL' is not an arXiv category: did you mean cs.CL?\n");
    }
}
