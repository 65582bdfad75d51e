package dev.paperbot.index.source.ingest;

import dev.paperbot.core.paper.Paper;
import java.util.Objects;

/**
 * A paper a source delivered, and whether it may enter the index as a new paper.
 *
 * @param paper     the paper as the source describes it
 * @param mayBeNew  false for arXiv replacements: they update a paper the index already holds and are dropped when
 *                  it does not, so that a replacement never shows up as a new paper in a digest
 * @param where     where it came from, for skip messages (an id, "item 3", "line 17")
 */
public record IngestItem(Paper paper, boolean mayBeNew, String where) {

    public IngestItem {
        Objects.requireNonNull(paper, "paper");
        where = where == null ? paper.id().value() : where;
    }

    public static IngestItem of(Paper paper) {
        return new IngestItem(paper, true, null);
    }

    public static IngestItem updateOnly(Paper paper) {
        return new IngestItem(paper, false, null);
    }
}
