package dev.paperbot.index.source.ingest;

import dev.paperbot.core.paper.Paper;
import java.util.Objects;

/**
 * A paper a source delivered, and what it may be to the index when the index does not hold it yet.
 *
 * @param paper the paper as the source describes it
 * @param kind  {@link Kind#NEW}, {@link Kind#HISTORICAL} or {@link Kind#UPDATE_ONLY}
 * @param where where it came from, for skip messages (an id, "item 3", "line 17")
 */
public record IngestItem(Paper paper, Kind kind, String where) {

    /**
     * Daily digests take "new papers" to be those added to the index since their last run, so what a source adds
     * must not look new unless it is.
     */
    public enum Kind {
        /** A new announcement (RSS new or cross-list, a fresh OAI record, the day's Hugging Face papers). */
        NEW,
        /** An old paper met while back-filling (arXiv API, an old record in an OAI harvest): added as historical. */
        HISTORICAL,
        /** A replacement (new version): updates a paper the index holds, is dropped otherwise. */
        UPDATE_ONLY;

        /** Of two sightings of one paper in a batch, the one that lets it in most freely. */
        Kind or(Kind other) {
            return ordinal() <= other.ordinal() ? this : other;
        }
    }

    public IngestItem {
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(kind, "kind");
        where = where == null ? paper.id().value() : where;
    }

    public static IngestItem of(Paper paper) {
        return new IngestItem(paper, Kind.NEW, null);
    }

    public static IngestItem updateOnly(Paper paper) {
        return new IngestItem(paper, Kind.UPDATE_ONLY, null);
    }
}
