package dev.paperbot.index.search;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child process for {@link CrashSafetyTest} and {@link IndexFollowerTest}: writes papers to an index for ever,
 * telling its parent on stdout after each commit, until the parent kills it.
 */
public final class CrashingWriter {

    static final int BATCH = 500;

    /** Starts the child on {@code dir}: {@code mode} is {@code upsert} or {@code bulk}; its stdout is the pipe. */
    static Process start(Path dir, String mode) throws IOException {
        return new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), dir.toString(), mode)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /**
     * Reads the child's reports until it has committed {@code commits} more batches.
     *
     * @return how many papers it had committed by then
     */
    static long awaitCommits(BufferedReader out, int commits) throws IOException {
        long committed = -1;
        for (int seen = 0; seen < commits; ) {
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("the writer process ended after " + seen + " commits");
            }
            if (line.startsWith("committed ")) {
                committed = Long.parseLong(line.substring("committed ".length()));
                seen++;
            }
        }
        return committed;
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        boolean bulk = args[1].equals("bulk");
        LuceneIndex index = PaperIndexes.open(dir);
        long next = index.size();
        if (bulk) {
            BulkLoader loader = index.bulkLoader(BulkOptions.defaults());
            while (true) {
                for (int i = 0; i < BATCH; i++) {
                    loader.add(paper(next++));
                }
                loader.commit();
                System.out.println("committed " + next);
                System.out.flush();
            }
        }
        while (true) {
            List<Paper> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                batch.add(paper(next++));
            }
            index.upsert(batch);
            System.out.println("committed " + next);
            System.out.flush();
        }
    }

    static Paper paper(long n) {
        return Paper.of(new PaperId("crash-" + n), "Paper number " + n + " on crash safety",
                "An abstract about atomic commits, written as paper " + n + ". " + "Filler words. ".repeat(40));
    }
}
