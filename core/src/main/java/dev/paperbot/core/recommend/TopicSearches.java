package dev.paperbot.core.recommend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.Embedding;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.core.store.Topic;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Topic searches shared by every channel that follows the same topic with the same window: 10,000 channels following
 * a few hundred distinct topics cost a few hundred searches, not 30,000. Each shared result is also put in a
 * diversified (MMR) order once, so channels only walk it.
 */
final class TopicSearches {

    /** One search: a topic, its window, and its vector when a channel's feedback moved it (null otherwise). */
    record Key(String topicKey, Instant windowStart, Embedding moved) {
    }

    /** A hit and its content words. */
    record Candidate(SearchHit hit, Set<String> terms) {
        PaperId id() {
            return hit.paper().id();
        }
    }

    /**
     * @param ordered    the hits, best first, re-ordered by MMR for diversity
     * @param full       true when the search returned as many hits as asked: more may exist beyond them
     * @param searchedAt the index was searched at or after this instant
     */
    record Result(List<Candidate> ordered, boolean full, Instant searchedAt) {
    }

    /** Hits kept for sharing at most, over all searches. */
    static final long MAX_SHARED_HITS = 50_000;

    private final PaperIndex index;
    private final RecommenderSettings settings;
    private final Clock clock;
    private final Cache<Key, Result> shared;

    TopicSearches(PaperIndex index, RecommenderSettings settings, Clock clock, Ticker ticker) {
        this.index = index;
        this.settings = settings;
        this.clock = clock;
        this.shared = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(settings.shareFor())
                // Bounded by the hits held (a few KB each), not by searches: with topics nobody shares, searches are
                // never reused and would otherwise pile up for shareFor.
                .maximumWeight(MAX_SHARED_HITS)
                .weigher((Key k, Result r) -> 1 + r.ordered().size())
                .build();
    }

    /** The topic's best papers added after {@code windowStart}, shared with other channels. */
    Result shared(Topic topic, Instant windowStart) {
        return shared(topic, windowStart, null);
    }

    /**
     * The same with the topic's vector moved by a channel's feedback ({@code moved}; null: not moved): shared with
     * the channels whose feedback moved it the same way, in practice with none.
     */
    Result shared(Topic topic, Instant windowStart, Embedding moved) {
        return shared.get(new Key(topic.key(), windowStart, moved),
                k -> search(topic, windowStart, Set.of(), moved, settings.candidates()));
    }

    /** The same search for one channel, leaving out what it has seen; for when the shared hits run out. */
    Result leaving(Topic topic, Instant windowStart, Set<PaperId> excluded) {
        return leaving(topic, windowStart, excluded, null);
    }

    Result leaving(Topic topic, Instant windowStart, Set<PaperId> excluded, Embedding moved) {
        return search(topic, windowStart, excluded, moved, settings.candidates());
    }

    private Result search(Topic topic, Instant windowStart, Set<PaperId> excluded, Embedding moved, int limit) {
        Instant at = clock.instant();
        SearchQuery query = new SearchQuery(topic.kind() == Topic.Kind.LIKE ? "" : topic.text(), limit, 0, excluded,
                windowStart, SearchQuery.Mode.AUTO,
                topic.kind() == Topic.Kind.AUTHOR ? SearchQuery.Field.AUTHORS : SearchQuery.Field.ALL,
                java.util.Set.copyOf(topic.exampleIds()), moved);
        List<SearchHit> hits = index.search(query).hits();
        List<Candidate> candidates = new ArrayList<>(hits.size());
        for (SearchHit h : hits) {
            candidates.add(new Candidate(h, Terms.of(h.paper())));
        }
        return new Result(mmr(candidates), hits.size() >= limit, at);
    }

    /**
     * Maximal marginal relevance: repeatedly takes the candidate with the best mix of relevance (score relative to
     * the top hit) and novelty (1 - its highest term overlap with those already taken).
     */
    private List<Candidate> mmr(List<Candidate> ranked) {
        if (ranked.size() <= 1) {
            return ranked;
        }
        double top = Math.max(ranked.getFirst().hit().score(), 1e-9);
        double lambda = settings.diversity();
        List<Candidate> remaining = new ArrayList<>(ranked);
        List<Candidate> ordered = new ArrayList<>(ranked.size());
        double[] maxSim = new double[remaining.size()];
        while (!remaining.isEmpty()) {
            int best = 0;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < remaining.size(); i++) {
                double value = lambda * (remaining.get(i).hit().score() / top) - (1 - lambda) * maxSim[i];
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            Candidate taken = remaining.remove(best);
            System.arraycopy(maxSim, best + 1, maxSim, best, remaining.size() - best);
            ordered.add(taken);
            for (int i = 0; i < remaining.size(); i++) {
                maxSim[i] = Math.max(maxSim[i], Terms.jaccard(taken.terms(), remaining.get(i).terms()));
            }
        }
        return ordered;
    }
}
