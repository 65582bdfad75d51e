package dev.paperbot.bot.slack.view;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.recommend.TrendingPapers;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.Snippet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /papers trending}: the most upvoted papers on Hugging Face's daily lists of recent days, laid out like search
 * results (same paper blocks and buttons, {@code Next 5} paging), each with its upvotes.
 */
public final class TrendingView {

    /** The longest list paged through: further down, a handful of upvotes is not "trending". */
    public static final int MAX_PAPERS = 100;

    /** The window of {@code /papers trending} without a number, in days. */
    public static final int DEFAULT_DAYS = 7;
    /** The longest window {@code /papers trending} takes, in days. */
    public static final int MAX_DAYS = 30;

    /** How an index gets popularity signals (sentence end, mrkdwn): for every answer that finds none. */
    public static final String HOW_TO_GET_SIGNALS = "run `bin/paperbot ingest hf` while the bot is stopped"
            + " (`--from YYYY-MM-DD` fetches past days too), or set `PAPERBOT_INGEST=rss,hf` so the bot fetches"
            + " them every day";

    private TrendingView() {
    }

    /**
     * One page of the trending list: {@code page} are the papers shown, {@code offset} how many earlier pages
     * showed, {@code total} how many the list holds.
     */
    public static Reply page(int days, List<TrendingPapers.Entry> page, int offset, int total) {
        if (page.isEmpty()) {
            if (offset > 0) {
                return Reply.mrkdwn("No more trending papers " + window(days) + ".");
            }
            String longer = days < MAX_DAYS ? " Try a longer window, like `/papers trending " + MAX_DAYS + "`." : "";
            return Reply.mrkdwn("No paper on Hugging Face's daily lists " + window(days) + " has upvotes in my index"
                    + " (or you said you are not interested in them)." + longer);
        }
        int first = offset + 1;
        int last = offset + page.size();
        String heading = "*Trending on Hugging Face*, most upvoted " + window(days) + "  ("
                + SearchResultsView.range(first, last) + " of " + total + ")";
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.blockId("results.heading").text(markdownText(heading))));
        List<SearchHit> hits = new ArrayList<>(page.size());
        Map<PaperId, Integer> upvotes = new HashMap<>();
        for (TrendingPapers.Entry e : page) {
            // No query, so nothing matched: the snippet falls back to the abstract's start.
            hits.add(new SearchHit(e.paper(), e.popularity().upvotes(), Snippet.empty(), List.of(), false));
            upvotes.put(e.paper().id(), e.popularity().upvotes());
        }
        SearchResultsView.addHits(blocks, hits, new Upvotes(upvotes));
        if (last < total) {
            blocks.add(SearchResultsView.nextPage(ActionIds.NEXT_TRENDING_PAGE,
                    new ActionIds.TrendingPage(days, last).encode()));
        }
        return new Reply(SearchResultsView.plain("Trending on Hugging Face, " + window(days) + " (" + first + "-"
                + last + " of " + total + ")"), blocks);
    }

    /** The answer when the index has no popularity signal at all: what to do about it. */
    public static Reply noSignals() {
        return Reply.mrkdwn("No Hugging Face upvotes in my index yet, so I cannot tell what is trending. To get them, "
                + HOW_TO_GET_SIGNALS + ".");
    }

    private static String window(int days) {
        return days == 1 ? "today" : "in the last " + days + " days";
    }
}
