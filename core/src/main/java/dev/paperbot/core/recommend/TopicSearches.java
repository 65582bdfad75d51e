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
import java.util.AbstractList;
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

    /**
     * A hit (without snippet and matched words: searches ask for many candidates and channels show a few), its
     * content words, and once a channel picked it, the hit with its snippet and matched words, kept for the other
     * channels that share the search.
     */
    static final class Candidate {
        private final SearchHit hit;
        private final Set<String> terms;
        private volatile SearchHit explained;

        Candidate(SearchHit hit, Set<String> terms) {
            this.hit = hit;
            this.terms = terms;
        }

        SearchHit hit() {
            return hit;
        }

        Set<String> terms() {
            return terms;
        }

        PaperId id() {
            return hit.paper().id();
        }
    }

    /**
     * @param ordered    the hits, best first, re-ordered by MMR for diversity
     * @param full       true when the search returned as many hits as asked: more may exist beyond them
     * @param searchedAt the index was searched at or after this instant
     * @param query      the search that found them (to explain the hits a channel picks)
     */
    record Result(List<Candidate> ordered, boolean full, Instant searchedAt, SearchQuery query) {
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
        // Candidates without snippets: highlighting all of them was most of a search's cost, for papers not shown.
        List<SearchHit> hits = index.search(query.withSnippets(false)).hits();
        List<Candidate> candidates = new ArrayList<>(hits.size());
        for (SearchHit h : hits) {
            candidates.add(new Candidate(h, Terms.of(h.paper())));
        }
        return new Result(mmr(candidates), hits.size() >= limit, at, query);
    }

    /**
     * The chosen candidates' hits with their snippets and matched words, in order. The index explains those not
     * explained yet in one call; a candidate explained for one channel is reused by the others sharing the search.
     */
    List<SearchHit> explained(Result result, List<Candidate> chosen) {
        List<Candidate> missing = chosen.stream().filter(c -> c.explained == null).toList();
        if (!missing.isEmpty()) {
            List<SearchHit> hits = index.explain(result.query(), missing.stream().map(Candidate::hit).toList());
            for (int i = 0; i < missing.size(); i++) {
                missing.get(i).explained = hits.get(i);
            }
        }
        return chosen.stream().map(c -> c.explained).toList();
    }

    /**
     * Maximal marginal relevance: repeatedly takes the candidate with the best mix of relevance (score relative to
     * the top hit) and novelty (1 - its highest term overlap with those already taken). Computed as far as it is
     * read ({@link MmrOrder}): a channel reads the first few candidates, and each one read costs a pass over the
     * others, so the full order of 40 would cost ten times what a channel needs.
     */
    private List<Candidate> mmr(List<Candidate> ranked) {
        return ranked.size() <= 1 ? ranked : new MmrOrder(ranked, settings.diversity());
    }

    /**
     * The MMR order of some candidates, computed on demand and kept: element {@code k} costs one pass over the
     * candidates not taken yet. Thread-safe (channels sharing a search read it concurrently); the order is the one a
     * full computation gives, whoever reads first.
     */
    static final class MmrOrder extends AbstractList<Candidate> {
        private final double lambda;
        private final double top;
        private final List<Candidate> remaining;
        private final List<Candidate> ordered;
        /** For each remaining candidate, its highest overlap with those taken before {@link #last}. */
        private final double[] maxSim;
        /** The candidate taken last, whose overlaps with the remaining ones are not in {@link #maxSim} yet. */
        private Candidate last;

        MmrOrder(List<Candidate> ranked, double lambda) {
            this.lambda = lambda;
            this.top = Math.max(ranked.getFirst().hit().score(), 1e-9);
            this.remaining = new ArrayList<>(ranked);
            this.ordered = new ArrayList<>(ranked.size());
            this.maxSim = new double[ranked.size()];
        }

        @Override
        public synchronized Candidate get(int index) {
            while (ordered.size() <= index && !remaining.isEmpty()) {
                takeNext();
            }
            return ordered.get(index);
        }

        @Override
        public int size() {
            return maxSim.length;
        }

        private void takeNext() {
            if (last != null) {
                for (int i = 0; i < remaining.size(); i++) {
                    maxSim[i] = Math.max(maxSim[i], Terms.jaccard(last.terms(), remaining.get(i).terms()));
                }
            }
            int best = 0;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < remaining.size(); i++) {
                double value = lambda * (remaining.get(i).hit().score() / top) - (1 - lambda) * maxSim[i];
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            last = remaining.remove(best);
            System.arraycopy(maxSim, best + 1, maxSim, best, remaining.size() - best);
            ordered.add(last);
        }
    }
}
