package dev.paperbot.core.recommend;

import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.Embedder;
import dev.paperbot.core.search.Embedding;
import dev.paperbot.core.search.PaperVectors;
import dev.paperbot.core.store.ChannelRef;
import dev.paperbot.core.store.Feedback;
import dev.paperbot.core.store.FeedbackStore;
import dev.paperbot.core.store.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learning from a channel's reactions with Rocchio's relevance feedback, on meaning vectors: each topic's vector moves
 * towards the papers the channel liked, saved or shared, and away from those it dismissed,
 * {@code q' = α·q + β·mean(liked) − γ·mean(dismissed)}, with the textbook weights α = 1, β = 0.75, γ = 0.15
 * (Manning, Raghavan and Schütze, Introduction to Information Retrieval, 9.1.1). A reaction counts for the channel's
 * topic whose meaning is closest to the paper, so liking a robotics paper does not pull the channel's
 * quantization topic towards robotics.
 *
 * <p>Only keyword and {@code like:} topics have a meaning to move; author topics stay exact. Without an embedding
 * model nothing moves, and feedback only keeps dismissed papers away (which the picker always does).
 */
final class FeedbackVectors {

    private static final Logger log = LoggerFactory.getLogger(FeedbackVectors.class);

    static final double ALPHA = 1.0;
    static final double BETA = 0.75;
    static final double GAMMA = 0.15;
    /** Reactions older than this no longer steer (interests drift). */
    static final Duration MEMORY = Duration.ofDays(180);
    /** At most this many of the newest reacted-to papers are used, each way. */
    static final int MAX_PAPERS = 100;

    private static final Set<Feedback.Kind> POSITIVE = Set.of(Feedback.Kind.LIKE, Feedback.Kind.SAVE,
            Feedback.Kind.SHARE);

    private final Embedder embedder;
    private final PaperVectors vectors;
    private final FeedbackStore feedback;

    /** {@code embedder} may be null: then nothing moves. */
    FeedbackVectors(Embedder embedder, PaperVectors vectors, FeedbackStore feedback) {
        this.embedder = embedder;
        this.vectors = vectors;
        this.feedback = feedback;
    }

    /**
     * The moved vector of each of the channel's topics that its feedback concerns, by {@link Topic#key()}; topics
     * without relevant feedback are absent (they search as everybody else does, and share the search).
     */
    Map<String, Embedding> moved(ChannelRef channel, List<Topic> topics, Instant now) {
        if (embedder == null) {
            return Map.of();
        }
        Set<PaperId> liked = new LinkedHashSet<>();
        Set<PaperId> dismissed = new LinkedHashSet<>();
        for (Feedback f : feedback.forChannel(channel, now.minus(MEMORY))) {
            if (f.kind() == Feedback.Kind.NOT_INTERESTED) {
                if (dismissed.size() < MAX_PAPERS) {
                    dismissed.add(f.paperId());
                }
            } else if (POSITIVE.contains(f.kind()) && liked.size() < MAX_PAPERS) {
                liked.add(f.paperId());
            }
        }
        // Somebody dismissed it: it is not a paper the channel wants more of.
        liked.removeAll(dismissed);
        if (liked.isEmpty() && dismissed.isEmpty()) {
            return Map.of();
        }
        Map<String, Embedding> base = baseVectors(topics);
        if (base.isEmpty()) {
            return Map.of();
        }
        Set<PaperId> all = new LinkedHashSet<>(liked);
        all.addAll(dismissed);
        Map<PaperId, Embedding> paperVectors = vectors.vectors(all);
        Map<String, List<Embedding>> towards = assign(liked, paperVectors, base);
        Map<String, List<Embedding>> away = assign(dismissed, paperVectors, base);
        Map<String, Embedding> moved = new LinkedHashMap<>();
        for (Map.Entry<String, Embedding> topic : base.entrySet()) {
            List<Embedding> plus = towards.getOrDefault(topic.getKey(), List.of());
            List<Embedding> minus = away.getOrDefault(topic.getKey(), List.of());
            if (plus.isEmpty() && minus.isEmpty()) {
                continue;
            }
            Embedding q = topic.getValue();
            Embedding v = scale(q, ALPHA);
            if (!plus.isEmpty()) {
                v = v.plus(Embedding.mean(plus), BETA);
            }
            if (!minus.isEmpty()) {
                v = v.plus(Embedding.mean(minus), -GAMMA);
            }
            moved.put(topic.getKey(), v.normalized());
        }
        return moved;
    }

    /** The meaning of each topic that has one: a keyword topic's embedding, a like: topic's examples' centroid. */
    private Map<String, Embedding> baseVectors(List<Topic> topics) {
        Map<String, Embedding> base = new LinkedHashMap<>();
        for (Topic t : topics) {
            try {
                vector(t).ifPresent(v -> base.put(t.key(), v));
            } catch (RuntimeException e) {
                log.warn("Embedding topic {} failed, it is searched without feedback: {}", t.display(), e.toString());
            }
        }
        return base;
    }

    private Optional<Embedding> vector(Topic topic) {
        return switch (topic.kind()) {
            case KEYWORD -> Optional.of(embedder.embedQuery(topic.text()));
            case LIKE -> {
                List<Embedding> examples = new ArrayList<>(vectors.vectors(topic.exampleIds()).values());
                yield examples.isEmpty() ? Optional.empty() : Optional.of(Embedding.mean(examples).normalized());
            }
            // An author is exact and trending is ranked by upvotes: neither has a meaning to move.
            case AUTHOR, TRENDING -> Optional.empty();
        };
    }

    /** Each paper goes to the topic closest to it in meaning. */
    private static Map<String, List<Embedding>> assign(Set<PaperId> papers, Map<PaperId, Embedding> paperVectors,
            Map<String, Embedding> topics) {
        Map<String, List<Embedding>> byTopic = new HashMap<>();
        for (PaperId id : papers) {
            Embedding v = paperVectors.get(id);
            if (v == null || v.dimension() != topics.values().iterator().next().dimension()) {
                continue;
            }
            String best = null;
            double bestSimilarity = Double.NEGATIVE_INFINITY;
            for (Map.Entry<String, Embedding> t : topics.entrySet()) {
                double similarity = v.dot(t.getValue());
                if (similarity > bestSimilarity) {
                    bestSimilarity = similarity;
                    best = t.getKey();
                }
            }
            byTopic.computeIfAbsent(best, k -> new ArrayList<>()).add(v);
        }
        return byTopic;
    }

    private static Embedding scale(Embedding e, double factor) {
        return factor == 1.0 ? e : e.plus(e, factor - 1.0);
    }
}
