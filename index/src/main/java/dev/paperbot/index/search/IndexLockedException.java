package dev.paperbot.index.search;

import java.nio.file.Path;

/** Another process (usually the running bot) holds the index's write lock. */
public final class IndexLockedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IndexLockedException(Path directory, Throwable cause) {
        super("the index in " + directory + " is in use by another paperbot process (is the bot running?)", cause);
    }
}
