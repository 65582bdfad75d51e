package dev.paperbot.index.source;

import dev.paperbot.core.paper.Paper;

/**
 * Passes on the first paper of each id in one file and refuses the ones after it, which the reader reports as a
 * skip of that line ({@value #REPEATED}). So a file's import does not depend on the order in which indexing threads
 * happen to add its papers, and into an empty index the bulk path may add without looking ids up.
 */
public final class FirstOfEachId implements PaperSink {

    /** The skip reason of a repeated id. */
    public static final String REPEATED = "id repeated in the file (the first line is kept)";

    private final PaperSink next;
    private final IdSet seen = new IdSet();

    public FirstOfEachId(PaperSink next) {
        this.next = next;
    }

    /** @throws IllegalArgumentException when a paper with this id came before */
    @Override
    public void paper(Paper paper) {
        if (!seen.add(paper.id().value())) {
            throw new IllegalArgumentException(REPEATED);
        }
        next.paper(paper);
    }

    @Override
    public void skipped(long line, String reason) {
        next.skipped(line, reason);
    }

    @Override
    public void filtered(long line) {
        next.filtered(line);
    }
}
