package dev.paperbot.index.search;

import dev.paperbot.core.paper.Paper;
import java.time.Instant;

/**
 * A paper as stored in the index.
 *
 * @param paper       the paper
 * @param addedAt     when it was first added to this index (kept when it is replaced)
 * @param contentHash {@link dev.paperbot.index.document.PaperDocuments#contentHash} of its title and abstract
 */
public record IndexedPaper(Paper paper, Instant addedAt, String contentHash) {
}
