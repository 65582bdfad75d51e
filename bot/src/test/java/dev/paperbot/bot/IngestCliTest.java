package dev.paperbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.paperbot.bot.cli.Cli;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code paperbot ingest} against a local server that serves fixtures in the real formats. */
class IngestCliTest {

    @TempDir
    Path home;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            String path = exchange.getRequestURI().getPath();
            String resource = path.startsWith("/rss/") ? "/sources/arxiv/rss_cs.LG+stat.ML_2025-09-18.xml"
                    : path.equals("/api/daily_papers") ? "/sources/huggingface/daily_papers_2024-10-25.json" : null;
            byte[] body;
            try (InputStream in = resource == null ? null : getClass().getResourceAsStream(resource)) {
                body = in == null ? new byte[0] : in.readAllBytes();
            }
            exchange.sendResponseHeaders(resource == null ? 404 : 200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    record Run(int exitCode, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.commandLine(new Main(home));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void rss_prints_a_summary_and_a_second_run_adds_nothing() {
        Run first = run("ingest", "rss", "--category", "cs.LG", "--base-url", base(), "--delay", "0");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("arxiv-rss: 2 added, 0 updated, 0 unchanged, 3 skipped")
                .contains("replacement of a paper not in the index");
        assertThat(requests).containsExactly("/rss/cs.LG");

        Run again = run("ingest", "rss", "--category", "cs.LG", "--base-url", base(), "--delay", "0");
        assertThat(again.out()).startsWith("arxiv-rss: 0 added, 0 updated, 2 unchanged");

        Run search = run("search", "--json", "schrodinger bridges");
        assertThat(search.out()).contains("2509.13332");
    }

    @Test
    void hf_records_papers_and_upvotes() {
        Run run = run("ingest", "hf", "--date", "2024-10-25", "--base-url", base(), "--delay", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("huggingface: 3 added, 0 updated, 0 unchanged, 1 skipped, 3 popularity signals");
        assertThat(requests).containsExactly("/api/daily_papers?date=2024-10-25");
    }

    @Test
    void bad_options_give_one_line_on_stderr() {
        for (String[] args : new String[][] {
                {"ingest", "rss", "--category", "cs LG", "--base-url", base()},
                {"ingest", "oai", "--category", "cs.LG&verb=Identify", "--base-url", base()},
                {"ingest", "api", "--base-url", base()},
                {"ingest", "hf", "--date", "yesterday"},
                {"ingest", "rss", "--delay", "-1"}}) {
            Run run = run(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isNotZero();
            assertThat(run.err()).as(String.join(" ", args)).doesNotContain("Exception", "\tat ");
            assertThat(run.err().lines().filter(l -> l.startsWith("paperbot:"))).as(run.err()).hasSize(1);
        }
        assertThat(requests).isEmpty();
    }
}
