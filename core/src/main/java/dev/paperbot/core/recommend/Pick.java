package dev.paperbot.core.recommend;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.search.Snippet;
import dev.paperbot.core.store.Topic;
import java.util.List;
import java.util.Objects;

/**
 * One paper chosen for a channel's digest, with the reason: the topic it was found for and the words that matched,
 * or that it is close in meaning.
 *
 * @param paper        the paper
 * @param topic        the channel's topic it answers
 * @param matchedTerms the topic's words the paper contains (for an author topic, the author's name)
 * @param snippet      a passage showing the match (may be empty)
 * @param score        the search score; comparable only among picks of one topic
 * @param semantic     the search found it by meaning (the topic's embedding, moved by the channel's feedback)
 */
public record Pick(Paper paper, Topic topic, List<String> matchedTerms, Snippet snippet, double score,
        boolean semantic) {

    /** What {@link #reason()} says of a paper found by meaning with none of the topic's words. */
    public static final String BY_MEANING = "similar in meaning";

    public Pick {
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(topic, "topic");
        matchedTerms = matchedTerms == null ? List.of() : List.copyOf(matchedTerms);
        snippet = snippet == null ? Snippet.empty() : snippet;
    }

    /** A pick found by words only. */
    public Pick(Paper paper, Topic topic, List<String> matchedTerms, Snippet snippet, double score) {
        this(paper, topic, matchedTerms, snippet, score, false);
    }

    /**
     * A one-line reason: {@code quantization: 4-bit, quantization}, or {@code llm compression: similar in meaning}
     * for a paper found by meaning with none of the topic's words (always so for a {@code like:} topic).
     */
    public String reason() {
        if (!matchedTerms.isEmpty()) {
            return topic.display() + ": " + String.join(", ", matchedTerms);
        }
        return semantic ? topic.display() + ": " + BY_MEANING : topic.display();
    }
}
