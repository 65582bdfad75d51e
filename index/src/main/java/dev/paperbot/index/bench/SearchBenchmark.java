package dev.paperbot.index.bench;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.search.PaperIndex.UpsertSummary;
import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.index.search.BulkLoader;
import dev.paperbot.index.search.BulkOptions;
import dev.paperbot.index.search.IndexSettings;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.search.PaperIndexes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;

/**
 * Measures what users wait for: building an index with the bulk path, then searching it one query at a time on one
 * thread, after a warm-up. Two latencies per query: {@code search} is the whole user path (parse, top 10 with
 * filters, stored papers, highlighted snippets of the page), {@code rank} the retrieval alone (top 10 ids). Then
 * {@code search} again on two threads at once, as two users searching at the same moment.
 */
public final class SearchBenchmark {

    /**
     * What a run measured.
     *
     * @param documents      papers indexed
     * @param buildSeconds   wall time of the bulk load, final commit included
     * @param indexBytes     size of the index on disk, when searched
     * @param segments       segments of the index when searched
     * @param mergeSeconds   wall time of the force-merge before the searches, commit included; 0 without one
     * @param queries        distinct queries, each run {@code rounds} times after a warm-up
     * @param search         latency of {@code search} (ms): p50, p99, max
     * @param rank           latency of {@code rank} (ms): p50, p99, max
     * @param searchCpu      CPU time of the searching thread per {@code search}: the latency without the time spent
     *                       waiting for a core, which matters on a shared machine
     * @param rankCpu        the same for {@code rank}
     * @param concurrent     {@code search} on {@link #CONCURRENT_THREADS} threads at once
     */
    public record Result(long documents, double buildSeconds, long indexBytes, int segments, double mergeSeconds,
            int queries, Latency search, Latency rank, Latency searchCpu, Latency rankCpu, Concurrent concurrent) {

        public double documentsPerSecond() {
            return documents / buildSeconds;
        }
    }

    /** Threads searching at once in the concurrent measurement: one per core of the target machine. */
    public static final int CONCURRENT_THREADS = 2;

    /**
     * Searches on several threads at once, each running every query {@code rounds} times from its own starting
     * point.
     *
     * @param threads   threads searching at once
     * @param search    latency of each search (wall time), while the other threads search too
     * @param searchCpu CPU time of each search
     * @param perSecond searches per second over all threads
     */
    public record Concurrent(int threads, Latency search, Latency searchCpu, double perSecond) {
    }

    /** Latency percentiles in milliseconds. */
    public record Latency(double p50, double p99, double max, int samples) {

        static Latency of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latency(ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.99)),
                    ms(sorted[sorted.length - 1]), sorted.length);
        }

        private static long percentile(long[] sorted, double p) {
            int rank = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(rank, sorted.length - 1))];
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    private SearchBenchmark() {
    }

    /**
     * Builds an index of {@code papers} in {@code directory} (which must not hold one yet), then runs the queries.
     *
     * @param mergeTo  when above 0, force-merges the index down to that many segments before the searches; 0
     *                 searches the index as the bulk load left it
     * @param progress told how many papers were loaded, every 10,000
     */
    public static Result run(Path directory, Iterable<Paper> papers, List<String> queries, int rounds, int mergeTo,
            LongConsumer progress) {
        if (mergeTo < 0) {
            throw new IllegalArgumentException("mergeTo must not be negative, not " + mergeTo);
        }
        try (LuceneIndex index = PaperIndexes.open(directory, IndexSettings.defaults(), Clock.systemUTC())) {
            if (index.size() > 0) {
                throw new IllegalArgumentException(directory + " already holds an index");
            }
            long start = System.nanoTime();
            UpsertSummary summary;
            try (BulkLoader loader = index.bulkLoader(BulkOptions.defaults().withUniqueIds(true))) {
                for (Paper paper : papers) {
                    loader.add(paper);
                    if (loader.count() % 10_000 == 0) {
                        progress.accept(loader.count());
                    }
                }
                summary = loader.finish();
            }
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            double mergeSeconds = 0;
            if (mergeTo > 0) {
                long mergeStart = System.nanoTime();
                index.forceMerge(mergeTo);
                mergeSeconds = (System.nanoTime() - mergeStart) / 1e9;
            }
            int segments = segments(directory);

            // Warm-up: JIT, and the index's pages in the OS cache.
            for (int i = 0; i < Math.max(3, 2_000 / queries.size()); i++) {
                for (String q : queries) {
                    index.search(SearchQuery.of(q));
                    index.rank(SearchQuery.of(q));
                }
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int samples = queries.size() * rounds;
            long[] search = new long[samples];
            long[] rank = new long[samples];
            long[] searchCpu = new long[samples];
            long[] rankCpu = new long[samples];
            int n = 0;
            for (int r = 0; r < rounds; r++) {
                for (String q : queries) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    index.search(SearchQuery.of(q));
                    long t1 = System.nanoTime();
                    long c1 = threads.getCurrentThreadCpuTime();
                    index.rank(SearchQuery.of(q));
                    long t2 = System.nanoTime();
                    long c2 = threads.getCurrentThreadCpuTime();
                    search[n] = t1 - t0;
                    rank[n] = t2 - t1;
                    searchCpu[n] = c1 - c0;
                    rankCpu[n++] = c2 - c1;
                }
            }
            Concurrent concurrent = concurrent(index, queries, rounds, CONCURRENT_THREADS);
            return new Result(summary.total(), buildSeconds, size(directory), segments, mergeSeconds,
                    queries.size(), Latency.of(search),
                    Latency.of(rank), Latency.of(searchCpu), Latency.of(rankCpu), concurrent);
        }
    }

    private static Concurrent concurrent(LuceneIndex index, List<String> queries, int rounds, int threads) {
        int perThread = queries.size() * rounds;
        long[] wall = new long[perThread * threads];
        long[] cpu = new long[perThread * threads];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * queries.size() / threads;
            int base = t * perThread;
            running.add(Thread.ofPlatform().name("bench-search-" + t).start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int k = 0; k < perThread; k++) {
                    SearchQuery q = SearchQuery.of(queries.get((first + k) % queries.size()));
                    long c0 = mx.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    index.search(q);
                    wall[base + k] = System.nanoTime() - t0;
                    cpu[base + k] = mx.getCurrentThreadCpuTime() - c0;
                }
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread t : running) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Concurrent(threads, Latency.of(wall), Latency.of(cpu), wall.length / seconds);
    }

    private static int segments(Path directory) {
        try (FSDirectory dir = FSDirectory.open(directory)) {
            return SegmentInfos.readLatestCommit(dir).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
