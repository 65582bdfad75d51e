package dev.paperbot.core.recommend;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.paper.Popularity;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.search.PopularitySignals;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The most upvoted papers of recent days, from the popularity signals kept beside the index (Hugging Face's daily
 * papers), leaving out papers someone does not want: what {@code /papers trending} lists and what a
 * {@code trending} topic brings to a digest. Ranking needs only the signals; papers are looked up only for the
 * signals a caller shows ({@link #papers}).
 */
public final class TrendingPapers {

    /** A trending paper and its latest signal. */
    public record Entry(Paper paper, Popularity popularity) {

        public Entry {
            Objects.requireNonNull(paper, "paper");
            Objects.requireNonNull(popularity, "popularity");
        }
    }

    /** Most signals asked for at once, however many papers are left out. */
    static final int MAX_ASK = 10_000;

    private final PopularitySignals signals;
    private final PaperIndex index;

    public TrendingPapers(PopularitySignals signals, PaperIndex index) {
        this.signals = Objects.requireNonNull(signals, "signals");
        this.index = Objects.requireNonNull(index, "index");
    }

    /** The first day of the last {@code days} days up to {@code today}, both included. */
    public static LocalDate since(LocalDate today, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, was " + days);
        }
        return today.minusDays(days - 1L);
    }

    /** Whether there is any signal at all; none means popularity was never ingested (no Hugging Face papers). */
    public boolean hasSignals() {
        return !signals.trending(LocalDate.MIN, 1).isEmpty();
    }

    /**
     * Signals from {@code since} on, most upvoted first, at most {@code limit}, none of {@code excluded}. Asks for
     * room for some left-out papers and, only when more of them were among the best, for more.
     */
    public List<Popularity> top(LocalDate since, int limit, Set<PaperId> excluded) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        int ask = Math.min(MAX_ASK, limit + Math.min(excluded.size(), limit));
        while (true) {
            List<Popularity> found = signals.trending(since, ask);
            List<Popularity> kept = found.stream().filter(p -> !excluded.contains(p.id())).limit(limit).toList();
            if (kept.size() >= limit || found.size() < ask || ask >= MAX_ASK) {
                return kept;
            }
            ask = (int) Math.min(MAX_ASK, 4L * ask);
        }
    }

    /** The papers of these signals, in order: one look-up each; a paper the index no longer has is left out. */
    public List<Entry> papers(List<Popularity> ranked) {
        List<Entry> entries = new ArrayList<>(ranked.size());
        for (Popularity p : ranked) {
            index.find(p.id()).ifPresent(paper -> entries.add(new Entry(paper, p)));
        }
        return entries;
    }
}
