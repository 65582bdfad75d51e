package dev.paperbot.bot.bench;

import dev.paperbot.core.recommend.DailyPicks;
import dev.paperbot.core.recommend.PicksCache;
import dev.paperbot.core.recommend.RecommenderSettings;
import dev.paperbot.core.recommend.Recommenders;
import dev.paperbot.core.search.ForwardingPaperIndex;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.core.search.SearchResults;
import dev.paperbot.core.store.ChannelRef;
import dev.paperbot.core.store.PaperbotStore;
import dev.paperbot.core.store.StoreConfig;
import dev.paperbot.core.store.Stores;
import dev.paperbot.core.store.Topic;
import dev.paperbot.index.bench.Zipf;
import dev.paperbot.index.search.BulkLoader;
import dev.paperbot.index.search.BulkOptions;
import dev.paperbot.index.search.IndexSettings;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.search.PaperIndexes;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the daily picks of many channels over a large index: what the scheduler computes when every channel's
 * digest is due. It builds a Lucene index of synthetic papers ({@link SyntheticPapers}) and an SQLite store of
 * channels following topics, then times {@code PicksCache.picks(channel, day)} for every channel on a fixed number of
 * threads, the way the scheduler's posters call it. Every paper counts as new (all were added the day before, within
 * the 7-day window of a channel's first digest), the heaviest case: each topic search ranks the whole index.
 *
 * <p>Channels follow 3 topics drawn from {@link TopicPool} with a Zipf law (s = 0.9; one topic in ten is an author
 * among the 500 most prolific), so popular topics are shared by many channels and one search serves them all; or,
 * with {@code sharing} off, topics no other channel has (two pool phrases, as in "quantization llm agents"). All
 * channels have their digest at 09:00 Europe/Berlin, so all are due at once: the burst the scheduler meets. (Channels
 * in other zones or at other times are due at other moments of the day and do not add to it.)
 */
public final class PicksBenchmark {

    /** The instant the picks are computed at: a Monday noon UTC; papers were added a day earlier. */
    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    static final String TEAM = "TBENCH";
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final LocalTime TIME = LocalTime.of(9, 0);

    /**
     * What to measure.
     *
     * @param papers     papers in the index
     * @param channels   channels with a digest
     * @param topics     topics per channel
     * @param sharing    topics from a shared pool (true) or unique to each channel (false)
     * @param threads    threads computing picks (the scheduler's posters)
     * @param passes     measured passes; each is a new day with fresh caches (the first also warms the JIT)
     * @param candidates hits one topic search keeps for MMR and for the channels sharing it (the recommender's
     *                   setting; default 40)
     * @param seed       random seed: same seed, same papers and channels
     * @param directory  where the index and the store are built
     */
    public record Settings(int papers, int channels, int topics, boolean sharing, int threads, int passes,
            int candidates, long seed, Path directory) {
    }

    /** One measured pass. */
    public record Pass(LocalDate day, Duration elapsed, Duration cpu, long searches, Duration searchTime, long picks,
            long withSnippet, long emptyChannels, long p50Micros, long p99Micros) {
    }

    /** What the benchmark found. */
    public record Report(Settings settings, Duration indexBuild, Duration storeBuild, long subscriptions,
            long distinctTopics, List<Pass> passes) {
    }

    private PicksBenchmark() {
    }

    public static Report run(Settings s, PrintWriter log) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (LuceneIndex lucene = PaperIndexes.open(s.directory().resolve("index"), IndexSettings.defaults(), clock);
                PaperbotStore store = Stores.open(StoreConfig.sqlite(s.directory().resolve("bench.db")))) {
            long t0 = System.nanoTime();
            SyntheticPapers generator = new SyntheticPapers(s.seed());
            try (BulkLoader loader = lucene.bulkLoader(BulkOptions.defaults().withUniqueIds(true)
                    .withAddedAt(NOW.minus(Duration.ofDays(1))))) {
                for (int n = 0; n < s.papers(); n++) {
                    loader.add(generator.paper(n));
                    if ((n + 1) % 20_000 == 0) {
                        log.printf(Locale.ROOT, "bench: %,d papers indexed%n", n + 1);
                        log.flush();
                    }
                }
                loader.finish();
            }
            Duration indexBuild = Duration.ofNanos(System.nanoTime() - t0);
            log.printf(Locale.ROOT, "bench: index of %,d papers built in %.1f s%n", lucene.size(),
                    indexBuild.toMillis() / 1e3);

            t0 = System.nanoTime();
            List<ChannelRef> channels = new ArrayList<>(s.channels());
            Set<String> topicKeys = new HashSet<>();
            ChannelTopics topics = new ChannelTopics(s.seed(), s.sharing());
            for (int c = 0; c < s.channels(); c++) {
                ChannelRef ch = ChannelRef.of(TEAM, String.format(Locale.ROOT, "C%06d", c));
                for (Topic t : topics.next(s.topics())) {
                    store.subscriptions().subscribe(ch, t, "UBENCH", NOW.minus(Duration.ofDays(2)));
                    topicKeys.add(t.key());
                }
                store.subscriptions().setDigestTime(ch, TIME, ZONE);
                channels.add(ch);
                if ((c + 1) % 2_000 == 0) {
                    log.printf(Locale.ROOT, "bench: %,d channels subscribed%n", c + 1);
                    log.flush();
                }
            }
            Duration storeBuild = Duration.ofNanos(System.nanoTime() - t0);

            List<Pass> passes = new ArrayList<>();
            for (int p = 0; p < s.passes(); p++) {
                LocalDate day = LocalDate.of(2026, 3, 2 + p);
                Pass pass = pass(lucene, store, channels, day, s.threads(), recommender(s.candidates()), clock);
                log.printf(Locale.ROOT, "bench: pass %d (%s): %,d channels in %.1f s, %,d searches%n", p + 1, day,
                        channels.size(), pass.elapsed().toMillis() / 1e3, pass.searches());
                log.flush();
                passes.add(pass);
            }
            return new Report(s, indexBuild, storeBuild, (long) s.channels() * s.topics(), topicKeys.size(), passes);
        }
    }

    /** Every channel's picks for {@code day} from a fresh cache (and fresh shared searches), on {@code threads}. */
    private static RecommenderSettings recommender(int candidates) {
        RecommenderSettings d = RecommenderSettings.defaults();
        return new RecommenderSettings(d.perTopic(), d.maxPerDigest(), d.window(), candidates, d.diversity(),
                d.nearDuplicate(), d.shareGranularity(), d.shareFor());
    }

    private static Pass pass(LuceneIndex lucene, PaperbotStore store, List<ChannelRef> channels, LocalDate day,
            int threads, RecommenderSettings settings, Clock clock) throws Exception {
        CountingIndex index = new CountingIndex(lucene);
        PicksCache picks = Recommenders.create(index, store, settings, clock);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long[] micros = new long[channels.size()];
        AtomicLong picked = new AtomicLong();
        AtomicLong withSnippet = new AtomicLong();
        AtomicLong empty = new AtomicLong();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < channels.size(); i++) {
                int n = i;
                running.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    DailyPicks daily = picks.picks(channels.get(n), day);
                    micros[n] = (System.nanoTime() - t) / 1_000;
                    picked.addAndGet(daily.picks().size());
                    withSnippet.addAndGet(daily.picks().stream().filter(p -> !p.snippet().isEmpty()).count());
                    if (daily.isEmpty()) {
                        empty.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Duration cpu = Duration.ofNanos(processCpuNanos() - cpuStart);
        Arrays.sort(micros);
        return new Pass(day, elapsed, cpu, index.searches.get(), Duration.ofNanos(index.searchNanos.get()), picked.get(),
                withSnippet.get(), empty.get(), micros[micros.length / 2], micros[(int) (micros.length * 0.99)]);
    }

    /** CPU time of the whole process (all threads, GC included): unlike wall time, it does not grow with load. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** Writes the report as the lines BENCHMARKS.md quotes. */
    public static void print(Report r, PrintWriter out) {
        Settings s = r.settings();
        out.printf(Locale.ROOT, "papers %,d  channels %,d  topics/channel %d  sharing %s  threads %d  candidates %d"
                        + "  seed %d%n", s.papers(), s.channels(), s.topics(), s.sharing() ? "pool" : "none",
                s.threads(), s.candidates(), s.seed());
        out.printf(Locale.ROOT, "subscriptions %,d  distinct topics %,d  (%.1f subscriptions per topic)%n",
                r.subscriptions(), r.distinctTopics(), (double) r.subscriptions() / r.distinctTopics());
        out.printf(Locale.ROOT, "index built in %.1f s, store in %.1f s (not part of the figure)%n",
                r.indexBuild().toMillis() / 1e3, r.storeBuild().toMillis() / 1e3);
        for (int i = 0; i < r.passes().size(); i++) {
            Pass p = r.passes().get(i);
            out.printf(Locale.ROOT, "pass %d: picks for %,d channels in %.1f s (%.0f channels/s), %.1f s of CPU;"
                            + " %,d index searches (%.1f subscriptions per search), %.1f s of search time over %d"
                            + " threads; %,d papers picked (%,d with a snippet), %,d channels empty; per channel p50 %.1f ms,"
                            + " p99 %.1f ms%n",
                    i + 1, s.channels(), p.elapsed().toMillis() / 1e3, s.channels() / (p.elapsed().toMillis() / 1e3),
                    p.cpu().toMillis() / 1e3, p.searches(), (double) r.subscriptions() / Math.max(1, p.searches()),
                    p.searchTime().toMillis() / 1e3, s.threads(), p.picks(), p.withSnippet(), p.emptyChannels(),
                    p.p50Micros() / 1e3,
                    p.p99Micros() / 1e3);
        }
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "jvm: %s, %d processors, max heap %d MB; system load average at the end %.1f%n",
                System.getProperty("java.version"), rt.availableProcessors(), rt.maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.flush();
    }

    /** The topics of one channel after another. */
    private static final class ChannelTopics {
        private final SplittableRandom random;
        private final boolean sharing;
        private final Zipf keywords = new Zipf(TopicPool.KEYWORDS.size(), 0.9);
        private final Zipf authors = new Zipf(500, 1.0);
        private int pair;

        ChannelTopics(long seed, boolean sharing) {
            this.random = new SplittableRandom(seed + 2);
            this.sharing = sharing;
        }

        List<Topic> next(int n) {
            List<Topic> topics = new ArrayList<>(n);
            Set<String> keys = new HashSet<>();
            while (topics.size() < n) {
                Topic t = sharing ? shared() : unique();
                if (keys.add(t.key())) {
                    topics.add(t);
                }
            }
            return topics;
        }

        private Topic shared() {
            return random.nextInt(10) == 0 ? Topic.author(SyntheticPapers.author(authors.sample(random)))
                    : Topic.keyword(TopicPool.KEYWORDS.get(keywords.sample(random)));
        }

        /** Ordered pairs of distinct pool phrases, walked with a stride so neighbours differ: never repeats. */
        private Topic unique() {
            int k = TopicPool.KEYWORDS.size();
            long total = (long) k * (k - 1);
            long p = (pair++ * 7_919L) % total;
            int a = (int) (p / (k - 1));
            int b = (int) (p % (k - 1));
            if (b >= a) {
                b++;
            }
            return Topic.keyword(TopicPool.KEYWORDS.get(a) + " " + TopicPool.KEYWORDS.get(b));
        }
    }

    /** Counts the searches the recommender makes, and their time. */
    private static final class CountingIndex extends ForwardingPaperIndex {
        final AtomicLong searches = new AtomicLong();
        final AtomicLong searchNanos = new AtomicLong();

        CountingIndex(PaperIndex delegate) {
            super(delegate);
        }

        @Override
        public SearchResults search(SearchQuery query) {
            long t = System.nanoTime();
            try {
                return super.search(query);
            } finally {
                searches.incrementAndGet();
                searchNanos.addAndGet(System.nanoTime() - t);
            }
        }

        /** Explaining the picked hits (snippets, matched words) counts as search time, not as a search. */
        @Override
        public List<SearchHit> explain(SearchQuery query, List<SearchHit> hits) {
            long t = System.nanoTime();
            try {
                return super.explain(query, hits);
            } finally {
                searchNanos.addAndGet(System.nanoTime() - t);
            }
        }

        @Override
        public void close() {
            // the benchmark closes the real index
        }
    }
}
