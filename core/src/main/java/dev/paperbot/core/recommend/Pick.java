package dev.paperbot.core.recommend;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.search.Snippet;
import dev.paperbot.core.store.Topic;
import java.util.List;
import java.util.Objects;

/**
 * One paper chosen for a channel's digest, with the reason: the topic it was found for and the words that matched.
 *
 * @param paper        the paper
 * @param topic        the channel's topic it answers
 * @param matchedTerms the topic's words the paper contains (for an author topic, the author's name)
 * @param snippet      a passage showing the match (may be empty)
 * @param score        the search score; comparable only among picks of one topic
 */
public record Pick(Paper paper, Topic topic, List<String> matchedTerms, Snippet snippet, double score) {

    public Pick {
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(topic, "topic");
        matchedTerms = matchedTerms == null ? List.of() : List.copyOf(matchedTerms);
        snippet = snippet == null ? Snippet.empty() : snippet;
    }

    /** A one-line reason: {@code quantization: 4-bit, quantization}. */
    public String reason() {
        return matchedTerms.isEmpty() ? topic.display() : topic.display() + ": " + String.join(", ", matchedTerms);
    }
}
