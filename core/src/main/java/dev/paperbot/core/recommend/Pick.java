package dev.paperbot.core.recommend;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.Popularity;
import dev.paperbot.core.search.Snippet;
import dev.paperbot.core.store.Topic;
import java.util.List;
import java.util.Objects;

/**
 * One paper chosen for a channel's digest, with the reason: the topic it was found for and the words that matched,
 * that it is close in meaning, or (for a {@code trending} topic) how many upvotes it has.
 *
 * @param paper        the paper
 * @param topic        the channel's topic it answers
 * @param matchedTerms the topic's words the paper contains (for an author topic, the author's name)
 * @param snippet      a passage showing the match (may be empty)
 * @param score        the search score; comparable only among picks of one topic. For a trending topic: the
 *                     paper's upvotes, which is what ranks them
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

    /** A pick of a {@code trending} topic: the paper ranked by its upvotes. */
    public static Pick trending(Paper paper, Topic topic, Popularity popularity) {
        return new Pick(paper, topic, List.of(), Snippet.empty(), popularity.upvotes(), false);
    }

    /** {@code 123 upvotes on Hugging Face}: how popularity is told, in reasons and under papers. */
    public static String upvotes(int upvotes) {
        return upvotes + (upvotes == 1 ? " upvote" : " upvotes") + " on Hugging Face";
    }

    /**
     * A one-line reason: {@code quantization: 4-bit, quantization}, or {@code llm compression: similar in meaning}
     * for a paper found by meaning with none of the topic's words (always so for a {@code like:} topic), or
     * {@code 123 upvotes on Hugging Face} for a trending paper.
     */
    public String reason() {
        if (topic.kind() == Topic.Kind.TRENDING) {
            return upvotes((int) score);
        }
        if (!matchedTerms.isEmpty()) {
            return topic.display() + ": " + String.join(", ", matchedTerms);
        }
        return semantic ? topic.display() + ": " + BY_MEANING : topic.display();
    }
}
