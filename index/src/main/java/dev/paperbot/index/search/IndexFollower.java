package dev.paperbot.index.search;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an index that another process writes in step with that process, and puts it in the writer's place once the
 * writer stops. Every interval, on one daemon thread: try the write lock (free only after the writer closed the
 * index or its process died, since the operating system drops a dead process's lock); failing that, make the
 * writer's latest commit searchable, which costs nothing when there is none. Searches never wait for it.
 */
final class IndexFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    /** The index side: LucenePaperIndex. */
    interface Target {
        /** Takes the write lock if it is free and becomes the writer; true when the index writes now. */
        boolean tryTakeOver() throws IOException;

        /** Makes the latest commit on disk searchable. */
        void refreshFromDisk() throws IOException;
    }

    private final Target target;
    private final String name;
    private final Duration every;
    private final ScheduledExecutorService timer;

    IndexFollower(Target target, String name, Duration every) {
        this.target = target;
        this.name = name;
        this.every = every;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "paperbot-index-follower");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        log.info("Following the index in {}: another process writes it; its new papers show here within {} ms,"
                + " and this process takes over when it stops", name, every.toMillis());
        timer.scheduleWithFixedDelay(this::follow, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One step: take over, or else catch up with the writer. True once the index writes (the thread then ends). */
    boolean follow() {
        try {
            if (target.tryTakeOver()) {
                log.info("The index in {} has no writer any more: this process writes it now", name);
                timer.shutdown();
                return true;
            }
            target.refreshFromDisk();
        } catch (IOException | RuntimeException e) {
            log.warn("Following the index in {} failed, trying again in {} ms: {}", name, every.toMillis(),
                    e.toString());
            log.debug("Index follower failure", e);
        }
        return false;
    }

    /**
     * Stops following after the current step. No interrupt: Lucene's file channels close when the thread that
     * uses them is interrupted.
     */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("The index follower of {} did not stop within {} s", name, CLOSE_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
