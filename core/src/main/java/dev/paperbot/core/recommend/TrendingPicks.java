package dev.paperbot.core.recommend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.paper.Popularity;
import dev.paperbot.core.store.Topic;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A {@code trending} topic's picks for one channel: the most upvoted papers of the digest window that the channel
 * was never posted and did not dismiss. The ranked signals of a window are shared by every channel for a few minutes
 * (channels on the same local day ask for the same days), so many channels cost a few scans of the signals, and each
 * channel looks up only the papers it picks.
 */
final class TrendingPicks {

    private final TrendingPapers trending;
    private final RecommenderSettings settings;
    private final Cache<LocalDate, List<Popularity>> shared;

    TrendingPicks(TrendingPapers trending, RecommenderSettings settings, Ticker ticker) {
        this.trending = trending;
        this.settings = settings;
        this.shared = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(settings.shareFor()).maximumSize(64)
                .build();
    }

    /** Up to {@code wanted} picks for the channel's local {@code day}, none of {@code leaveOut}, most upvoted first. */
    List<Pick> picks(Topic topic, LocalDate day, Set<PaperId> leaveOut, int wanted) {
        if (wanted < 1) {
            return List.of();
        }
        LocalDate since = TrendingPapers.since(day, (int) Math.max(1, settings.window().toDays()));
        List<Popularity> ranked = shared.get(since, s -> trending.top(s, settings.candidates(), Set.of()));
        List<Popularity> chosen = ranked.stream().filter(p -> !leaveOut.contains(p.id())).limit(wanted).toList();
        if (chosen.size() < wanted && ranked.size() >= settings.candidates()) {
            // The channel already had most of the shared ones: rank again without them.
            chosen = trending.top(since, wanted, leaveOut);
        }
        return trending.papers(chosen).stream().map(e -> Pick.trending(e.paper(), topic, e.popularity())).toList();
    }
}
