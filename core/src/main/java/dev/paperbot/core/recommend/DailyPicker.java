package dev.paperbot.core.recommend;

import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.Embedding;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.store.ChannelRef;
import dev.paperbot.core.store.ChannelSettings;
import dev.paperbot.core.store.DigestRun;
import dev.paperbot.core.store.PaperbotStore;
import dev.paperbot.core.store.Subscription;
import dev.paperbot.core.store.Topic;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Computes a channel's picks for a day from its topics, the index and what the channel has already seen. */
final class DailyPicker implements Recommender {

    private final PaperbotStore store;
    private final TopicSearches searches;
    private final TrendingPicks trending;
    private final FeedbackVectors feedback;
    private final RecommenderSettings settings;
    private final Clock clock;

    DailyPicker(PaperbotStore store, TopicSearches searches, TrendingPicks trending, FeedbackVectors feedback,
            RecommenderSettings settings, Clock clock) {
        this.store = store;
        this.searches = searches;
        this.trending = trending;
        this.feedback = feedback;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public DailyPicks picks(ChannelRef channel, LocalDate day) {
        ChannelSettings cs = store.subscriptions().settings(channel);
        List<Subscription> topics = store.subscriptions().subscriptions(channel);
        Instant windowStart = windowStart(channel, day, cs);
        Instant asOf = clock.instant();
        if (topics.isEmpty()) {
            return new DailyPicks(channel, day, cs.zone(), List.of(), windowStart, asOf, cs.topicsVersion());
        }
        Set<PaperId> excluded = new HashSet<>(store.digests().postedPapers(channel));
        excluded.addAll(store.feedback().dismissed(channel));
        // The channel's likes and dismissals move its topics' meaning (when the index has an embedding model).
        Map<String, Embedding> moved = feedback.moved(channel, topics.stream().map(Subscription::topic).toList(),
                asOf);

        List<Pick> picks = new ArrayList<>();
        List<Set<String>> pickedTerms = new ArrayList<>();
        for (Subscription s : topics) {
            if (picks.size() >= settings.maxPerDigest()) {
                break;
            }
            Topic topic = s.topic();
            if (topic.kind() == Topic.Kind.TRENDING) {
                takeTrending(topic, day, excluded, picks);
                continue;
            }
            Embedding topicVector = moved.get(topic.key());
            TopicSearches.Result result = searches.shared(topic, windowStart, topicVector);
            asOf = min(asOf, result.searchedAt());
            int before = picks.size();
            take(topic, result, excluded, picks, pickedTerms);
            if (picks.size() - before < settings.perTopic() && result.full()) {
                // The shared hits ran out for this channel (it had seen many of them): search again without them.
                Set<PaperId> seen = new HashSet<>(excluded);
                picks.forEach(p -> seen.add(p.paper().id()));
                TopicSearches.Result own = searches.leaving(topic, windowStart, seen, topicVector);
                asOf = min(asOf, own.searchedAt());
                take(topic, own, excluded, picks, pickedTerms, settings.perTopic() - (picks.size() - before));
            }
        }
        return new DailyPicks(channel, day, cs.zone(), picks, windowStart, asOf, cs.topicsVersion());
    }

    private void take(Topic topic, TopicSearches.Result result, Set<PaperId> excluded, List<Pick> picks,
            List<Set<String>> pickedTerms) {
        take(topic, result, excluded, picks, pickedTerms, settings.perTopic());
    }

    /**
     * Walks the diversified hits, taking up to {@code wanted} that are unseen, not picked and no near-copy; then has
     * the index explain the ones taken (snippet and matched words), and only those.
     */
    private void take(Topic topic, TopicSearches.Result result, Set<PaperId> excluded, List<Pick> picks,
            List<Set<String>> pickedTerms, int wanted) {
        List<TopicSearches.Candidate> chosen = new ArrayList<>();
        for (TopicSearches.Candidate c : result.ordered()) {
            if (chosen.size() >= wanted || picks.size() + chosen.size() >= settings.maxPerDigest()) {
                break;
            }
            if (excluded.contains(c.id()) || alreadyPicked(picks, c.id()) || nearCopy(c, pickedTerms)) {
                continue;
            }
            chosen.add(c);
            pickedTerms.add(c.terms());
        }
        if (chosen.isEmpty()) {
            return;
        }
        for (SearchHit hit : searches.explained(result, chosen)) {
            List<String> matched = hit.matchedTerms();
            if (matched.isEmpty() && topic.kind() == Topic.Kind.AUTHOR) {
                matched = List.of(topic.text());
            }
            picks.add(new Pick(hit.paper(), topic, matched, hit.snippet(), hit.score(), hit.semantic()));
        }
    }

    /** A trending topic's papers: ranked by upvotes, not searched, so none of the search's steps apply. */
    private void takeTrending(Topic topic, LocalDate day, Set<PaperId> excluded, List<Pick> picks) {
        Set<PaperId> leaveOut = new HashSet<>(excluded);
        picks.forEach(p -> leaveOut.add(p.paper().id()));
        int wanted = Math.min(settings.perTopic(), settings.maxPerDigest() - picks.size());
        picks.addAll(trending.picks(topic, day, leaveOut, wanted));
    }

    private static boolean alreadyPicked(List<Pick> picks, PaperId id) {
        for (Pick p : picks) {
            if (p.paper().id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private boolean nearCopy(TopicSearches.Candidate c, List<Set<String>> pickedTerms) {
        for (Set<String> t : pickedTerms) {
            if (Terms.jaccard(c.terms(), t) >= settings.nearDuplicate()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Papers count as new when added after the channel's previous digest searched the index, but at most
     * {@code window} before this day's digest time; rounded down so that channels can share searches.
     */
    private Instant windowStart(ChannelRef channel, LocalDate day, ChannelSettings cs) {
        Instant digestAt = ZonedDateTime.of(day, cs.digestTime(), cs.zone()).toInstant();
        Instant floor = digestAt.minus(settings.window());
        Instant start = store.digests().previousRun(channel, day)
                .flatMap(DigestRun::papersAsOf)
                .filter(asOf -> asOf.isAfter(floor))
                .orElse(floor);
        long step = settings.shareGranularity().toMillis();
        // One millisecond earlier first: a paper added in the very millisecond the previous search ran is kept.
        return Instant.ofEpochMilli(Math.floorDiv(start.toEpochMilli() - 1, step) * step);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
