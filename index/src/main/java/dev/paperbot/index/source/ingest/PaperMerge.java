package dev.paperbot.index.source.ingest;

import dev.paperbot.core.paper.Paper;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Combines what the index knows about a paper with what a source just delivered, so that every source can update
 * a paper without losing what another one knew: a Hugging Face entry has no categories, an RSS replacement has no
 * first-publication date, an old snapshot line must not undo a newer version.
 *
 * <ul>
 *   <li>The newer version's text wins: the incoming paper unless its {@code updated} date is older than the
 *       known one. Empty fields never overwrite filled ones.</li>
 *   <li>{@code published} is the earliest known date, {@code updated} the latest.</li>
 *   <li>The url and the source stay those of the first sighting.</li>
 * </ul>
 */
public final class PaperMerge {

    private PaperMerge() {
    }

    public static Paper merge(Paper known, Paper incoming) {
        if (!known.id().equals(incoming.id())) {
            throw new IllegalArgumentException("cannot merge " + incoming.id() + " into " + known.id());
        }
        boolean incomingIsOlder = incoming.updated() != null && known.updated() != null
                && incoming.updated().isBefore(known.updated());
        Paper newer = incomingIsOlder ? known : incoming;
        Paper older = incomingIsOlder ? incoming : known;
        return new Paper(
                known.id(),
                newer.title(),
                newer.abstractText().isBlank() ? older.abstractText() : newer.abstractText(),
                newer.authors().isEmpty() ? older.authors() : newer.authors(),
                newer.categories().isEmpty() ? older.categories() : newer.categories(),
                earliest(known.published(), incoming.published()),
                latest(known.updated(), incoming.updated()),
                known.url(),
                known.source());
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return Objects.requireNonNullElse(a, b);
        }
        return a.isAfter(b) ? a : b;
    }
}
