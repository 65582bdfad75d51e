package dev.paperbot.index.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;

/** Opens paper indexes. */
public final class PaperIndexes {

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
            return LucenePaperIndex.open(FSDirectory.open(directory), directory, settings, clock, false, semantic);
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
        try {
            FSDirectory fs = FSDirectory.open(directory);
            if (!DirectoryReader.indexExists(fs)) {
                fs.close();
                throw new IllegalStateException("there is no index in " + directory);
            }
            return LucenePaperIndex.open(fs, directory, settings, Clock.systemUTC(), true, semantic);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** A new, empty index in memory: tests and small throw-away indexes. */
    public static LuceneIndex inMemory(IndexSettings settings, Clock clock) {
        return inMemory(settings, clock, SemanticSettings.none());
    }

    /** A new, empty index in memory with meaning vectors from the given model. */
    public static LuceneIndex inMemory(IndexSettings settings, Clock clock, SemanticSettings semantic) {
        return LucenePaperIndex.open(new ByteBuffersDirectory(), null, settings, clock, false, semantic);
    }
}
