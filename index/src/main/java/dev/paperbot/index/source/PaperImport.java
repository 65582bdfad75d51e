package dev.paperbot.index.source;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.search.PaperIndex.UpsertSummary;
import dev.paperbot.index.search.BulkLoader;
import dev.paperbot.index.search.BulkOptions;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.document.PaperDocuments;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

/** Imports a file of papers into an index through its bulk path, and says what it did. */
public final class PaperImport {

    /** Examples of skipped records kept for the report; the rest are only counted. */
    static final int MAX_EXAMPLES = 10;

    /** Told how far an import has got. */
    @FunctionalInterface
    public interface Progress {
        void update(long bytesRead, long papers);
    }

    /** A skipped record: its line and why. */
    public record Skip(long line, String reason) {
    }

    /**
     * What an import did.
     *
     * @param added    new papers
     * @param replaced papers that were already in the index and were replaced (a file gives each id once: see
     *                 {@link PaperFormat})
     * @param skipped  records not imported, by reason
     * @param examples the first few skipped records
     * @param filtered good records left out by an {@link ImportFilter}
     */
    public record Report(int added, int replaced, Map<String, Long> skipped, List<Skip> examples, long filtered) {

        public Report {
            skipped = Map.copyOf(skipped);
            examples = List.copyOf(examples);
        }

        public Report(int added, int replaced, Map<String, Long> skipped, List<Skip> examples) {
            this(added, replaced, skipped, examples, 0);
        }

        public long skippedTotal() {
            return skipped.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private PaperImport() {
    }

    /** The size in bytes of what {@link #run} will read, for a progress bar. */
    public static long size(Path path, PaperFormat format) throws IOException {
        return Files.size(format.file(path));
    }

    /**
     * Reads every record of {@code path} in {@code format} and loads the good ones into {@code index}. Files ending
     * in {@code .gz} are decompressed.
     *
     * @throws NoSuchFileException when the file does not exist
     */
    public static Report run(Path path, PaperFormat format, LuceneIndex index, BulkOptions options,
            Progress progress) throws IOException {
        return run(path, format, ImportFilter.none(), index, options, progress);
    }

    /** Like {@link #run(Path, PaperFormat, LuceneIndex, BulkOptions, Progress)}, importing only what passes. */
    public static Report run(Path path, PaperFormat format, ImportFilter filter, LuceneIndex index,
            BulkOptions options, Progress progress) throws IOException {
        return run(path, format, filter, index, options, progress, defaultThreads());
    }

    /** Indexing threads: Lucene inverts each thread's documents in parallel, so one per core. */
    public static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Imports with {@code threads} indexing threads: this thread reads and parses the file and hands batches of
     * papers to them. A paper the index would refuse (an id too long, ...) is refused here, before the hand-over,
     * so its skip keeps its line number.
     */
    public static Report run(Path path, PaperFormat format, ImportFilter filter, LuceneIndex index,
            BulkOptions options, Progress progress, int threads) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        Path file = format.file(path);
        long[] filtered = {0};
        Map<String, Long> skipped = new LinkedHashMap<>();
        List<Skip> examples = new ArrayList<>();
        UpsertSummary summary;
        try (CountingStream counting = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(counting, 1 << 16) : counting;
                BulkLoader loader = index.bulkLoader(options);
                Indexers indexers = new Indexers(loader, threads)) {
            format.reader(filter).read(in, new PaperSink() {
                private long handed;

                @Override
                public void paper(Paper paper) {
                    // Throws IllegalArgumentException for a paper the index refuses: the reader skips its line.
                    PaperDocuments.requireIndexable(paper);
                    indexers.add(paper);
                    if ((++handed & 1023) == 0) {
                        progress.update(counting.count, loader.count());
                    }
                }

                @Override
                public void skipped(long lineNumber, String reason) {
                    skipped.merge(reason, 1L, Long::sum);
                    if (examples.size() < MAX_EXAMPLES) {
                        examples.add(new Skip(lineNumber, reason));
                    }
                }

                @Override
                public void filtered(long line) {
                    filtered[0]++;
                }
            });
            indexers.finish();
            summary = loader.finish();
            progress.update(counting.count, loader.count());
        }
        return new Report(summary.added(), summary.replaced(), skipped, examples, filtered[0]);
    }

    /**
     * Threads that feed the bulk loader from a bounded queue of batches (bounded, so reading never runs far ahead
     * of indexing). The first failure of any of them stops the import and is rethrown to the reading thread.
     */
    private static final class Indexers implements AutoCloseable {
        private static final int BATCH = 256;
        private static final List<Paper> END = List.of();

        private final BulkLoader loader;
        private final BlockingQueue<List<Paper>> queue;
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private List<Paper> batch = new ArrayList<>(BATCH);
        private boolean finished;

        Indexers(BulkLoader loader, int count) {
            this.loader = loader;
            this.queue = new ArrayBlockingQueue<>(count * 4);
            for (int i = 0; i < count; i++) {
                Thread t = new Thread(this::work, "paperbot-import-" + (i + 1));
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }

        void add(Paper paper) {
            batch.add(paper);
            if (batch.size() == BATCH) {
                hand(batch);
                batch = new ArrayList<>(BATCH);
            }
        }

        /** Hands over the last batch and waits for every paper to be indexed. */
        void finish() throws IOException {
            if (!batch.isEmpty()) {
                hand(batch);
                batch = new ArrayList<>();
            }
            stop();
            rethrow();
        }

        private void hand(List<Paper> papers) {
            rethrow();
            try {
                while (!queue.offer(papers, 100, TimeUnit.MILLISECONDS)) {
                    rethrow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("import interrupted", e);
            }
        }

        private void work() {
            try {
                for (List<Paper> papers = queue.take(); papers != END; papers = queue.take()) {
                    if (failure.get() == null) {
                        papers.forEach(loader::add);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
                queue.clear(); // unblock the reader; it sees the failure at its next hand-over
            }
        }

        private void stop() {
            if (finished) {
                return;
            }
            finished = true;
            for (int i = 0; i < threads.size(); i++) {
                try {
                    while (!queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                        if (threads.stream().noneMatch(Thread::isAlive)) {
                            return;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private void rethrow() {
            Throwable e = failure.get();
            if (e == null) {
                return;
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e);
        }

        /** On the way out after a failure elsewhere: stop the threads without indexing the rest. */
        @Override
        public void close() {
            if (!finished) {
                failure.compareAndSet(null, new IllegalStateException("import stopped"));
                queue.clear();
                stop();
            }
        }
    }

    /** Counts the bytes read from the file (before decompression), for progress. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }
}
