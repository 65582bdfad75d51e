package dev.paperbot.index.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;

/** Opens paper indexes. */
public final class PaperIndexes {

    /** How long a process that finds the index locked waits for its writer to create it. */
    private static final Duration FIRST_COMMIT_WAIT = Duration.ofSeconds(30);
    private static final Duration FIRST_COMMIT_POLL = Duration.ofMillis(100);

    private PaperIndexes() {
    }

    /**
     * Opens (or creates) the index in a directory for reading and writing, with the default settings.
     *
     * @throws IndexLockedException when another process has it open for writing
     */
    public static LuceneIndex open(Path directory) {
        return open(directory, IndexSettings.defaults(), Clock.systemUTC());
    }

    /**
     * Opens (or creates) the index in a directory for reading and writing.
     *
     * @param clock tells when papers are added
     * @throws IndexLockedException when another process has it open for writing
     */
    public static LuceneIndex open(Path directory, IndexSettings settings, Clock clock) {
        return open(directory, settings, clock, SemanticSettings.none());
    }

    /**
     * Opens (or creates) the index in a directory for reading and writing, with meaning vectors from the given
     * embedding model (see {@link SemanticSettings}).
     *
     * @throws IndexLockedException when another process has it open for writing
     */
    public static LuceneIndex open(Path directory, IndexSettings settings, Clock clock, SemanticSettings semantic) {
        try {
            Files.createDirectories(directory);
            return LucenePaperIndex.open(FSDirectory.open(directory), directory, settings, clock,
                    LuceneIndex.Role.WRITER, null, semantic);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing index for searching only: works while another process writes to it, and sees its commits
     * as of opening. Writing through it throws {@link IllegalStateException}.
     *
     * @throws IllegalStateException when there is no index in the directory
     */
    public static LuceneIndex openReadOnly(Path directory, IndexSettings settings) {
        return openReadOnly(directory, settings, SemanticSettings.none());
    }

    /**
     * Opens an existing index for searching only, embedding queries with the given model (nothing is embedded
     * into a read-only index).
     */
    public static LuceneIndex openReadOnly(Path directory, IndexSettings settings, SemanticSettings semantic) {
        FSDirectory fs = existing(directory).orElseThrow(() ->
                new IllegalStateException("there is no index in " + directory));
        return LucenePaperIndex.open(fs, directory, settings, Clock.systemUTC(), LuceneIndex.Role.READ_ONLY, null,
                semantic);
    }

    /**
     * Opens (or creates) the index in a directory that several processes on one machine share, such as replicas
     * of the bot on one volume: for writing when no other process writes it, else as a
     * {@linkplain LuceneIndex.Role#FOLLOWER follower}. Every {@code followEvery} a follower tries to take the write
     * lock and otherwise refreshes its searcher (cheap when nothing changed), so it sees the writer's papers within
     * that time; once the writer has stopped (closed, or its process died) it becomes the writer in place, embeds
     * in the background when {@code semantic} says so, and {@link LuceneIndex#whenWriter} completes. Searches go on
     * throughout.
     *
     * <p>Lucene's write lock is a native file lock: share the directory between processes of one machine only,
     * never over a network file system.
     *
     * @throws IllegalStateException when another process holds the lock and has not created the index in time
     */
    public static LuceneIndex openOrFollow(Path directory, IndexSettings settings, Clock clock,
            SemanticSettings semantic, Duration followEvery) {
        if (followEvery.isNegative() || followEvery.isZero()) {
            throw new IllegalArgumentException("the follow interval must be positive, was " + followEvery);
        }
        long deadline = System.nanoTime() + FIRST_COMMIT_WAIT.toNanos();
        while (true) {
            try {
                return open(directory, settings, clock, semantic);
            } catch (IndexLockedException locked) {
                Optional<FSDirectory> fs = existing(directory);
                if (fs.isPresent()) {
                    return LucenePaperIndex.open(fs.get(), directory, settings, clock, LuceneIndex.Role.FOLLOWER,
                            followEvery, semantic);
                }
                // Another process is creating it right now: its first commit comes at once.
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the index in " + directory + " is locked by another process"
                            + " that has not created it within " + FIRST_COMMIT_WAIT.toSeconds() + " s", locked);
                }
                pause(FIRST_COMMIT_POLL);
            }
        }
    }

    /** The directory, when it holds an index (a commit). */
    private static Optional<FSDirectory> existing(Path directory) {
        try {
            FSDirectory fs = FSDirectory.open(directory);
            if (DirectoryReader.indexExists(fs)) {
                return Optional.of(fs);
            }
            fs.close();
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the index to be created", e);
        }
    }

    /** A new, empty index in memory: tests and small throw-away indexes. */
    public static LuceneIndex inMemory(IndexSettings settings, Clock clock) {
        return inMemory(settings, clock, SemanticSettings.none());
    }

    /** A new, empty index in memory with meaning vectors from the given model. */
    public static LuceneIndex inMemory(IndexSettings settings, Clock clock, SemanticSettings semantic) {
        return LucenePaperIndex.open(new ByteBuffersDirectory(), null, settings, clock, LuceneIndex.Role.WRITER,
                null, semantic);
    }
}
