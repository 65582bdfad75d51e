package dev.paperbot.index.search;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.index.document.PaperDocuments;

/**
 * The text of a paper that gets embedded: {@code title. abstract}, as the model saw passages when we measured it;
 * a title made of the abstract's opening words (sources without titles) is not repeated.
 */
final class EmbeddingText {

    private EmbeddingText() {
    }

    static String of(Paper paper) {
        String searchable = PaperDocuments.searchableText(paper);
        if (paper.abstractText().isEmpty() || searchable.equals(paper.abstractText())) {
            return searchable;
        }
        return paper.title() + ". " + paper.abstractText();
    }
}
