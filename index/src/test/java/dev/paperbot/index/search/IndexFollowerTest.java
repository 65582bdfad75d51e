package dev.paperbot.index.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.index.embed.Embedders;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes sharing one index directory on disk: one writes, the others follow its commits and one of them takes
 * over when it stops. Followers are indexes of their own over the same directory (in one JVM Lucene's lock excludes
 * them as it excludes processes); one test kills a real writer process. Most tests take the follower's steps by
 * hand ({@link LucenePaperIndex#followNow}, the interval being an hour) so that nothing depends on timing.
 */
class IndexFollowerTest {

    private static final Duration BY_HAND = Duration.ofHours(1);

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    private final List<LuceneIndex> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(LuceneIndex::close);
    }

    private LuceneIndex open(Duration followEvery) {
        return open(followEvery, SemanticSettings.none());
    }

    private LuceneIndex open(Duration followEvery, SemanticSettings semantic) {
        LuceneIndex index = PaperIndexes.openOrFollow(dir, IndexSettings.defaults(), clock, semantic, followEvery);
        opened.add(index);
        return index;
    }

    private static boolean followNow(LuceneIndex index) {
        return ((LucenePaperIndex) index).followNow();
    }

    private static Paper paper(String id, String topic) {
        return Paper.of(new PaperId(id), "A study of " + topic, "We look at " + topic + " in depth.");
    }

    private static boolean finds(LuceneIndex index, String id) {
        return index.find(new PaperId(id)).isPresent();
    }

    private void assertCleanOnDisk() throws Exception {
        opened.forEach(LuceneIndex::close);
        opened.clear();
        try (Directory directory = FSDirectory.open(dir); CheckIndex check = new CheckIndex(directory)) {
            assertThat(check.checkIndex().clean).isTrue();
        }
    }

    @Test
    void the_first_to_open_writes_and_the_next_follows_its_commits_after_a_refresh() {
        LuceneIndex writer = open(BY_HAND);
        writer.upsert(List.of(paper("a", "quantization")));
        LuceneIndex follower = open(BY_HAND);

        assertThat(writer.role()).isEqualTo(LuceneIndex.Role.WRITER);
        assertThat(writer.whenWriter().toCompletableFuture()).isCompleted();
        assertThat(follower.role()).isEqualTo(LuceneIndex.Role.FOLLOWER);
        assertThat(follower.whenWriter().toCompletableFuture()).isNotDone();
        assertThat(finds(follower, "a")).isTrue();
        assertThatThrownBy(() -> follower.upsert(List.of(paper("x", "nothing"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("another process writes it");

        writer.upsert(List.of(paper("b", "diffusion")));
        assertThat(finds(follower, "b")).as("before its refresh").isFalse();

        assertThat(followNow(follower)).as("the writer still holds the lock").isFalse();
        assertThat(finds(follower, "b")).isTrue();
        assertThat(follower.search(SearchQuery.of("diffusion")).hits()).extracting(h -> h.paper().id().value())
                .containsExactly("b");
        assertThat(follower.role()).isEqualTo(LuceneIndex.Role.FOLLOWER);
    }

    @Test
    void when_the_writer_closes_the_follower_becomes_the_writer_and_searches_never_stop() throws Exception {
        LuceneIndex writer = open(BY_HAND);
        writer.upsert(List.of(paper("a", "quantization")));
        LuceneIndex follower = open(BY_HAND);
        AtomicBoolean searching = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Optional<String>> searcher = pool.submit(() -> {
            while (searching.get()) {
                if (follower.search(SearchQuery.of("quantization")).hits().size() != 1) {
                    return Optional.of("a search missed the paper after " + searches.get() + " searches");
                }
                searches.incrementAndGet();
            }
            return Optional.empty();
        });
        try {
            awaitUntil(() -> searches.get() > 10);
            writer.close();
            assertThat(followNow(follower)).isTrue();
            int atTakeover = searches.get();
            awaitUntil(() -> searches.get() > atTakeover + 10);
        } finally {
            searching.set(false);
            pool.shutdown();
        }

        assertThat(searcher.get(30, TimeUnit.SECONDS)).isEmpty();
        assertThat(follower.role()).isEqualTo(LuceneIndex.Role.WRITER);
        assertThat(follower.whenWriter().toCompletableFuture()).isCompleted();
        follower.upsert(List.of(paper("c", "sparse attention")));
        assertThat(follower.search(SearchQuery.of("sparse attention")).hits()).hasSize(1);
        assertThat(follower.size()).isEqualTo(2);
        assertCleanOnDisk();
    }

    @Test
    void followers_racing_for_the_lock_leave_exactly_one_writer_each_time() throws Exception {
        LuceneIndex first = open(BY_HAND);
        first.upsert(List.of(paper("p0", "quantization")));
        List<LuceneIndex> followers = new ArrayList<>(List.of(open(BY_HAND), open(BY_HAND), open(BY_HAND)));
        LuceneIndex writer = first;
        ExecutorService pool = Executors.newFixedThreadPool(followers.size());
        try {
            for (int round = 1; !followers.isEmpty(); round++) {
                writer.close();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> tries = new ArrayList<>();
                for (LuceneIndex f : followers) {
                    tries.add(pool.submit(() -> {
                        go.await();
                        return followNow(f);
                    }));
                }
                go.countDown();
                List<LuceneIndex> writers = new ArrayList<>();
                for (int i = 0; i < followers.size(); i++) {
                    if (tries.get(i).get(30, TimeUnit.SECONDS)) {
                        writers.add(followers.get(i));
                    }
                }

                assertThat(writers).as("round " + round).hasSize(1);
                writer = writers.getFirst();
                followers.remove(writer);
                assertThat(followers).allSatisfy(f -> assertThat(f.role()).isEqualTo(LuceneIndex.Role.FOLLOWER));
                // The new writer has every paper so far and adds one; the others see it after their next step.
                assertThat(writer.size()).isEqualTo(round);
                writer.upsert(List.of(paper("p" + round, "round " + round)));
                for (LuceneIndex f : followers) {
                    assertThat(followNow(f)).isFalse();
                    assertThat(finds(f, "p" + round)).isTrue();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(writer.size()).isEqualTo(4);
        assertCleanOnDisk();
    }

    @Test
    void the_follower_thread_refreshes_and_takes_over_by_itself() throws Exception {
        LuceneIndex writer = open(BY_HAND);
        writer.upsert(List.of(paper("a", "quantization")));
        LuceneIndex follower = open(Duration.ofMillis(20));

        writer.upsert(List.of(paper("b", "diffusion")));
        awaitUntil(() -> finds(follower, "b"));
        writer.close();

        follower.whenWriter().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(follower.role()).isEqualTo(LuceneIndex.Role.WRITER);
        follower.upsert(List.of(paper("c", "graphs")));
        assertThat(follower.size()).isEqualTo(3);
    }

    @Test
    void a_follower_that_takes_over_embeds_in_the_background() throws Exception {
        TestEmbedders.Counting model = new TestEmbedders.Counting(TestEmbedders.hashing());
        SemanticSettings semantic = new SemanticSettings(Optional.of(model), true, true);
        // A writer without the model (words only): its papers wait for vectors.
        LuceneIndex writer = open(BY_HAND);
        writer.upsert(List.of(paper("a", "quantization"), paper("b", "diffusion")));
        LuceneIndex follower = open(BY_HAND, semantic);
        assertThat(follower.embedding().orElseThrow().pending()).isEqualTo(2);
        assertThat(model.passages).as("a follower embeds nothing").hasValue(0);

        writer.close();
        assertThat(followNow(follower)).isTrue();

        awaitUntil(() -> follower.embedding().orElseThrow().complete());
        assertThat(model.passages).hasValue(2);
    }

    @Test
    void a_follower_that_takes_over_keeps_what_it_embeds_in_the_vector_cache(@TempDir Path cache,
            @TempDir Path elsewhere) throws Exception {
        // The writer's model holds the cache's lock: the follower's model can only read it until the writer stops.
        TestEmbedders.Counting writerModel = new TestEmbedders.Counting(TestEmbedders.hashing());
        LuceneIndex writer = open(BY_HAND, new SemanticSettings(
                Optional.of(Embedders.cached(writerModel, cache)), true, false));
        writer.upsert(List.of(paper("a", "quantization"), paper("b", "diffusion")));
        writer.embedPending(n -> { });
        TestEmbedders.Counting followerModel = new TestEmbedders.Counting(TestEmbedders.hashing());
        LuceneIndex follower = open(BY_HAND, new SemanticSettings(
                Optional.of(Embedders.cached(followerModel, cache)), true, true));

        writer.close(); // closes its model, and so lets go of the cache
        assertThat(followNow(follower)).isTrue();
        follower.upsert(List.of(paper("c", "graphs"), paper("d", "retrieval")));
        awaitUntil(() -> follower.embedding().orElseThrow().complete());
        assertThat(followerModel.passages).as("c and d").hasValue(2);
        follower.close();

        // A fresh index over the same cache finds every vector there.
        TestEmbedders.Counting fresh = new TestEmbedders.Counting(TestEmbedders.hashing());
        try (LuceneIndex rebuilt = PaperIndexes.open(elsewhere, IndexSettings.defaults(), clock,
                new SemanticSettings(Optional.of(Embedders.cached(fresh, cache)), true, false))) {
            rebuilt.upsert(List.of(paper("a", "quantization"), paper("b", "diffusion"), paper("c", "graphs"),
                    paper("d", "retrieval")));
            rebuilt.embedPending(n -> { });
            assertThat(rebuilt.embedding().orElseThrow().complete()).isTrue();
        }
        assertThat(fresh.passages).as("a fresh index embeds nothing").hasValue(0);
    }

    @Test
    void a_follower_takes_over_from_a_killed_writer_process_at_its_last_commit() throws Exception {
        Process child = CrashingWriter.start(dir, "upsert");
        long lastCommitted;
        LuceneIndex follower;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            CrashingWriter.awaitCommits(out, 1);
            follower = open(BY_HAND);
            assertThat(follower.role()).isEqualTo(LuceneIndex.Role.FOLLOWER);
            lastCommitted = CrashingWriter.awaitCommits(out, 2);
            assertThat(followNow(follower)).as("the child still writes").isFalse();
            assertThat(follower.size()).isGreaterThanOrEqualTo(lastCommitted);
            // Killed while it writes its next batch: the operating system drops its lock.
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        assertThat(followNow(follower)).isTrue();
        long size = follower.size();
        assertThat(size % CrashingWriter.BATCH).as("whole batches only").isZero();
        assertThat(size).isGreaterThanOrEqualTo(lastCommitted);
        follower.upsert(List.of(CrashingWriter.paper(size)));
        assertThat(follower.size()).isEqualTo(size + 1);
        assertThat(follower.search(SearchQuery.of("atomic commits")).hits()).isNotEmpty();
        assertCleanOnDisk();
    }

    @Test
    void a_process_that_finds_the_index_locked_but_not_yet_created_waits_for_its_first_commit() throws Exception {
        // The directory is locked with no commit in it, as by a writer that has just started.
        try (Directory raw = FSDirectory.open(dir);
                org.apache.lucene.store.Lock lock = raw.obtainLock(org.apache.lucene.index.IndexWriter.WRITE_LOCK_NAME)) {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<LuceneIndex> opening = pool.submit((Callable<LuceneIndex>) () -> open(BY_HAND));
                Thread.sleep(300);
                assertThat(opening).isNotDone();
                lock.close();

                LuceneIndex index = opening.get(30, TimeUnit.SECONDS);
                assertThat(index.role()).isEqualTo(LuceneIndex.Role.WRITER);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 30 s");
            }
            Thread.sleep(10);
        }
    }
}
