package dev.paperbot.bot.slack;

import dev.paperbot.bot.activity.PaperActivity;
import dev.paperbot.bot.index.IndexHolder;
import dev.paperbot.bot.metrics.SearchTimer;
import dev.paperbot.bot.slack.view.Reply;
import dev.paperbot.bot.slack.view.SearchResultsView;
import dev.paperbot.bot.slack.view.TrendingView;
import dev.paperbot.bot.slack.view.Upvotes;
import dev.paperbot.bot.subscription.Requester;
import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.paper.Popularity;
import dev.paperbot.core.recommend.TrendingPapers;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.search.PopularitySignals;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.core.search.SearchResults;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Searches for a user and renders the answer: results leave out papers the user said they are not interested in,
 * and show the upvotes of the papers on the page.
 */
public final class PaperSearches {

    private final IndexHolder index;
    private final PaperActivity activity;
    private final Clock clock;
    private final SearchTimer timer;

    /**
     * {@code clock} tells which days {@code /papers trending} looks at (Hugging Face's days are UTC dates);
     * {@code timer} times the searches.
     */
    public PaperSearches(IndexHolder index, PaperActivity activity, Clock clock, SearchTimer timer) {
        this.index = index;
        this.activity = activity;
        this.clock = clock;
        this.timer = timer;
    }

    /** One page of results for {@code query}, starting after {@code offset} hits. */
    public Reply search(Requester who, String query, int offset) {
        Optional<PaperIndex> idx = index.get();
        if (idx.isEmpty()) {
            return Replies.indexNotReady();
        }
        Set<PaperId> dismissed = activity.notInterested(who);
        SearchResults results = timer.time("search", () -> idx.get().search(SearchQuery.of(query,
                SearchResultsView.PAGE_SIZE).withOffset(offset).withExcluded(dismissed)));
        return SearchResultsView.search(query, results, offset, upvotes(idx.get(), results.hits()));
    }

    /** Papers like {@code id}, leaving out dismissed ones. */
    public Reply similar(Requester who, PaperId id) {
        Optional<PaperIndex> idx = index.get();
        if (idx.isEmpty()) {
            return Replies.indexNotReady();
        }
        Optional<Paper> paper = idx.get().find(id);
        if (paper.isEmpty()) {
            return Reply.mrkdwn("That paper is no longer in my index.");
        }
        Set<PaperId> dismissed = activity.notInterested(who);
        List<SearchHit> hits = timer.time("similar",
                () -> idx.get().similar(id, SearchResultsView.PAGE_SIZE, dismissed));
        return SearchResultsView.similar(id, paper.get().title(), hits, upvotes(idx.get(), hits));
    }

    /**
     * One page of the most upvoted papers of the last {@code days} days (today included), starting after
     * {@code offset}, leaving out dismissed ones; says how to get upvotes when the index has none at all.
     */
    public Reply trending(Requester who, int days, int offset) {
        Optional<PaperIndex> idx = index.get();
        if (idx.isEmpty()) {
            return Replies.indexNotReady();
        }
        TrendingPapers trending = new TrendingPapers(PopularitySignals.of(idx.get()), idx.get());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Set<PaperId> dismissed = activity.notInterested(who);
        List<Popularity> top = timer.time("trending", () -> trending.top(TrendingPapers.since(today, days),
                TrendingView.MAX_PAPERS, dismissed));
        if (top.isEmpty() && !trending.hasSignals()) {
            return TrendingView.noSignals();
        }
        List<Popularity> page = top.subList(Math.min(offset, top.size()),
                Math.min(offset + SearchResultsView.PAGE_SIZE, top.size()));
        return TrendingView.page(days, trending.papers(page), offset, top.size());
    }

    public Optional<Paper> find(PaperId id) {
        return index.get().flatMap(idx -> idx.find(id));
    }

    public boolean ready() {
        return index.isReady();
    }

    /**
     * The upvotes of papers shown outside a page of results (the Home tab, a shared paper): one look-up per paper;
     * none while the index opens.
     */
    public Upvotes upvotes(Collection<PaperId> shown) {
        return index.get().map(idx -> Upvotes.lookup(PopularitySignals.of(idx), shown)).orElse(Upvotes.NONE);
    }

    /** The upvotes of the papers on a page: one look-up per shown paper. */
    private static Upvotes upvotes(PaperIndex idx, List<SearchHit> shown) {
        return Upvotes.lookup(PopularitySignals.of(idx), shown.stream().limit(SearchResultsView.PAGE_SIZE)
                .map(h -> h.paper().id()).toList());
    }
}
