package dev.paperbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.bot.index.Embeddings;
import dev.paperbot.index.embed.Embedders;
import dev.paperbot.index.search.EmbeddingProgress;
import dev.paperbot.index.search.IndexSettings;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.search.PaperIndexes;
import dev.paperbot.index.search.SemanticSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code paperbot embed}, in a JVM of its own with the real model: the command stops after the batch
 * in flight and exits with one line before the JVM's shutdown hooks run, so ONNX Runtime never closes its
 * environment under a running embedding (that crashed the JVM with SIGSEGV); the batches done keep their vectors.
 */
class EmbedStopTest {

    private static final int PAPERS = 3_000;
    private static final Pattern STOPPED = Pattern.compile("paperbot: stopped after embedding (\\d+) papers");

    @TempDir
    Path home;

    @Test
    void ctrl_c_during_embed_stops_after_the_batch_in_flight_and_keeps_what_was_embedded() throws Exception {
        StringBuilder papers = new StringBuilder();
        for (int i = 0; i < PAPERS; i++) {
            papers.append("{\"id\": \"p").append(i).append("\", \"title\": \"Paper ").append(i)
                    .append(" on sparse attention\", \"abstract\": \"We study attention heads, number ").append(i)
                    .append(".\"}\n");
        }
        Path file = Files.writeString(home.resolve("papers.jsonl"), papers);
        CliRun imported = CliRun.run(home, "import", "--format", "jsonl", file.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        Process child = start("embed");
        List<String> err = new CopyOnWriteArrayList<>();
        Thread drain = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(err::add);
            } catch (IOException | UncheckedIOException e) {
                err.add("(stderr unreadable: " + e + ")");
            }
        });
        int exit;
        try {
            // The command says when it starts embedding (model loaded, index open): then press Ctrl-C.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (err.stream().noneMatch(l -> l.startsWith("Embedding " + PAPERS + " papers"))
                    && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(child.isAlive()).as(String.join("\n", err)).isTrue();
            new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).inheritIO().start().waitFor();
            assertThat(child.waitFor(3, TimeUnit.MINUTES)).as(String.join("\n", err)).isTrue();
            exit = child.exitValue();
            drain.join(TimeUnit.MINUTES.toMillis(1));
        } finally {
            child.destroyForcibly();
        }

        String output = String.join("\n", err);
        assertThat(exit).as(output).isEqualTo(130);
        assertThat(output).doesNotContain("SIGSEGV", "hs_err", "Exception", "\tat ");
        Matcher stopped = STOPPED.matcher(output);
        assertThat(stopped.find()).as(output).isTrue();
        long embedded = Long.parseLong(stopped.group(1));
        assertThat(embedded).isPositive().isLessThan(PAPERS);
        // What was embedded is in the index; the rest still waits.
        try (LuceneIndex index = PaperIndexes.openReadOnly(home.resolve("index"), IndexSettings.defaults(),
                new SemanticSettings(Optional.of(Embedders.bgeSmallOnFirstUse(home.resolve(Embeddings.CACHE_FOLDER))),
                        true, false))) {
            EmbeddingProgress progress = index.embedding().orElseThrow();
            assertThat(progress.papers()).isEqualTo(PAPERS);
            assertThat(progress.pending()).isEqualTo(PAPERS - embedded);
        }
    }

    /** {@code paperbot ARGS} in a child JVM on this data directory, as bin/paperbot starts it. */
    private Process start(String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx1g", "--enable-native-access=ALL-UNNAMED",
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.startsWith("PAPERBOT_"));
        builder.environment().put("PAPERBOT_HOME", home.toString());
        builder.environment().put("OPT_OUT_TRACKING", "true");
        return builder.start();
    }
}
