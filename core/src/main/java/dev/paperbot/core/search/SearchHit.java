package dev.paperbot.core.search;

import dev.paperbot.core.paper.Paper;
import java.util.List;
import java.util.Objects;

/**
 * One paper in a result list, with why it is there.
 *
 * @param paper        the paper
 * @param score        the ranking score; comparable only within one result list
 * @param snippet      a passage showing why it matched (may be empty)
 * @param matchedTerms the query's words that the paper contains, as the user typed them
 * @param semantic     true when the paper was (also) found by meaning rather than by shared words
 */
public record SearchHit(Paper paper, double score, Snippet snippet, List<String> matchedTerms, boolean semantic) {

    public SearchHit {
        Objects.requireNonNull(paper, "paper");
        snippet = snippet == null ? Snippet.empty() : snippet;
        matchedTerms = matchedTerms == null ? List.of() : List.copyOf(matchedTerms);
    }
}
