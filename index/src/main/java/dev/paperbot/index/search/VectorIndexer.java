package dev.paperbot.index.search;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.Embedder;
import dev.paperbot.core.search.Embedding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds the papers that wait for a vector, a batch at a time, and attaches the vectors to their documents. The
 * queue is the index itself (documents without a vector of the current model), so nothing is lost by a crash and
 * nothing is embedded twice: a paper whose text did not change keeps its vector through replacements, and a paper
 * replaced while its batch was being embedded is simply embedded again in its new version.
 *
 * <p>In the bot it runs on one background thread, woken after every commit; searches use words only until it is
 * done. Evaluation and tests call {@link #embedAll} instead.
 */
final class VectorIndexer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VectorIndexer.class);

    /** Papers embedded and committed together: one commit every couple of seconds on two cores. */
    static final int BATCH = 32;
    private static final Duration LOG_EVERY = Duration.ofSeconds(30);
    private static final Duration IDLE_CHECK = Duration.ofMinutes(1);
    private static final Duration BACK_OFF = Duration.ofSeconds(10);
    /** Below this, a backlog is routine (a few new papers) and only logged at debug level. */
    private static final int QUIET_BACKLOG = 100;

    /** The documents side: LucenePaperIndex. */
    interface Target {
        /** Up to {@code max} papers waiting for a vector of {@code model}, in index order. */
        List<Waiting> waiting(String model, int max);

        /**
         * Attaches vectors to the papers whose text is still the one that was embedded, in one commit.
         *
         * @return how many were attached
         */
        int attach(String model, List<Computed> vectors);

        /** How many papers wait for a vector of {@code model}. */
        long waitingCount(String model);

        /**
         * Merges away the documents that attaching vectors replaced: until then they still count in BM25's
         * statistics (document frequencies, average length), so scores would depend on when merges happened.
         */
        void reclaimReplaced();

        long size();
    }

    /** A paper waiting for its vector, with the hash of the text it has now. */
    record Waiting(Paper paper, String contentHash) {
        PaperId id() {
            return paper.id();
        }
    }

    /** A computed vector for a paper's text; a null vector marks a text the model could not embed. */
    record Computed(PaperId id, String contentHash, Embedding vector) {
    }

    private final Target target;
    private final Embedder embedder;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private boolean signalled;
    private volatile boolean closed;
    private Thread thread;

    private final java.util.concurrent.atomic.AtomicLong embedded = new java.util.concurrent.atomic.AtomicLong();
    private volatile double perSecond;
    private long backlogStart;
    private long backlogEmbedded;
    private long backlogStartNanos;
    private long lastLog;

    VectorIndexer(Target target, Embedder embedder) {
        this.target = target;
        this.embedder = embedder;
    }

    String model() {
        return embedder.model();
    }

    /** Starts the background thread. */
    synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::run, "paperbot-embedding");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }

    /** Tells the background thread that papers may be waiting (after a commit). */
    void wake() {
        lock.lock();
        try {
            signalled = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Embeds every waiting paper in the calling thread.
     *
     * @param progress told the number of papers embedded so far after each batch
     * @return how many papers were embedded
     */
    long embedAll(LongConsumer progress) {
        long done = 0;
        while (!closed) {
            List<Waiting> batch = target.waiting(embedder.model(), BATCH);
            if (batch.isEmpty()) {
                break;
            }
            done += embedBatch(batch);
            progress.accept(done);
        }
        if (done > 0) {
            target.reclaimReplaced();
        }
        return done;
    }

    EmbeddingProgress progress() {
        return new EmbeddingProgress(embedder.model(), target.size(), target.waitingCount(embedder.model()),
                embedded.get(), perSecond);
    }

    private void run() {
        while (!closed) {
            try {
                List<Waiting> batch = target.waiting(embedder.model(), BATCH);
                if (batch.isEmpty()) {
                    finishBacklog();
                    await(IDLE_CHECK);
                    continue;
                }
                startBacklog();
                long start = System.nanoTime();
                int n = embedBatch(batch);
                double seconds = (System.nanoTime() - start) / 1e9;
                perSecond = seconds > 0 ? n / seconds : 0;
                backlogEmbedded += n;
                logProgress();
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                log.warn("Background embedding failed, retrying in {} s: {}", BACK_OFF.toSeconds(), e.toString());
                log.debug("Background embedding failure", e);
                await(BACK_OFF);
            }
        }
    }

    /** Embeds one batch and attaches it; texts the model fails on are retried one by one, then marked. */
    private int embedBatch(List<Waiting> batch) {
        List<String> texts = batch.stream().map(w -> EmbeddingText.of(w.paper())).toList();
        List<Embedding> vectors;
        try {
            vectors = embedder.embedPassages(texts);
        } catch (RuntimeException e) {
            log.warn("Embedding a batch of {} papers failed ({}); trying them one by one", batch.size(), e.toString());
            vectors = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                vectors.add(embedOne(batch.get(i), texts.get(i)));
            }
        }
        List<Computed> computed = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            computed.add(new Computed(batch.get(i).id(), batch.get(i).contentHash(), vectors.get(i)));
        }
        int attached = target.attach(embedder.model(), computed);
        embedded.addAndGet(attached);
        return attached;
    }

    private Embedding embedOne(Waiting paper, String text) {
        try {
            return embedder.embedPassages(List.of(text)).getFirst();
        } catch (RuntimeException e) {
            log.warn("Paper {} cannot be embedded ({}); it will be found by its words only", paper.id(), e.toString());
            return null;
        }
    }

    private void startBacklog() {
        if (backlogStartNanos != 0) {
            return;
        }
        backlogStartNanos = System.nanoTime();
        lastLog = backlogStartNanos;
        backlogEmbedded = 0;
        backlogStart = target.waitingCount(embedder.model());
        if (backlogStart >= QUIET_BACKLOG) {
            log.info("Embedding {} papers in the background with {}; searching by words only until they are done",
                    backlogStart, embedder.model());
        } else {
            log.debug("Embedding {} new papers with {}", backlogStart, embedder.model());
        }
    }

    private void logProgress() {
        long now = System.nanoTime();
        if (backlogStart >= QUIET_BACKLOG && now - lastLog >= LOG_EVERY.toNanos()) {
            lastLog = now;
            log.info("Embedding: {}", progress().describe());
        }
    }

    private void finishBacklog() {
        if (backlogStartNanos == 0) {
            return;
        }
        double seconds = (System.nanoTime() - backlogStartNanos) / 1e9;
        if (backlogEmbedded >= QUIET_BACKLOG) {
            // A big backlog replaced many documents; a few new papers a day are left to ordinary merges.
            target.reclaimReplaced();
        }
        if (backlogStart >= QUIET_BACKLOG) {
            log.info("Embedded {} papers in {} s ({} a second): searches now combine words and meaning",
                    backlogEmbedded, Math.round(seconds), String.format(java.util.Locale.ROOT, "%.1f",
                            seconds > 0 ? backlogEmbedded / seconds : 0));
        } else {
            log.debug("Embedded {} papers in {} s", backlogEmbedded, String.format(java.util.Locale.ROOT, "%.1f",
                    seconds));
        }
        backlogStartNanos = 0;
        perSecond = 0;
    }

    private void await(Duration max) {
        lock.lock();
        try {
            if (!signalled && !closed) {
                work.await(max.toMillis(), TimeUnit.MILLISECONDS);
            }
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the background thread after its current batch (which is committed or dropped as a whole). */
    @Override
    public void close() {
        closed = true;
        wake();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
