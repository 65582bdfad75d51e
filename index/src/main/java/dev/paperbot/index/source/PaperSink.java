package dev.paperbot.index.source;

import dev.paperbot.core.paper.Paper;

/** Receives what a {@link PaperFileReader} finds, record by record. */
public interface PaperSink {

    void paper(Paper paper);

    /**
     * A record that could not be read.
     *
     * @param line   its line number, 1-based
     * @param reason why, short and without the record's text (such as {@code no title}), so reasons can be counted
     */
    void skipped(long line, String reason);

    /** A good record that an {@link ImportFilter} left out (not an error, so not a skip). */
    default void filtered(long line) {
    }
}
