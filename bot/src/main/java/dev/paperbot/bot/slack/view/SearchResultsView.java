package dev.paperbot.bot.slack.view;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.SearchResults;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of search results ({@code /papers <query>}, {@code Next 5}, {@code More like this}) as one message; each
 * paper with its upvotes on Hugging Face when it has some.
 */
public final class SearchResultsView {

    /** Papers per page: 5 papers of 4 blocks each plus header and paging stay far below 50 blocks. */
    public static final int PAGE_SIZE = 5;

    static final int QUERY_BUDGET = 200;

    private SearchResultsView() {
    }

    /**
     * Results of a text search; {@code offset} is how many hits earlier pages showed, {@code upvotes} those of the
     * papers shown.
     */
    public static Reply search(String query, SearchResults results, int offset, Upvotes upvotes) {
        String q = "\u201C" + Mrkdwn.escape(query, QUERY_BUDGET) + "\u201D";
        if (results.isEmpty()) {
            String text = offset == 0
                    ? "No papers match " + q + ". Try other or fewer words, or `/papers help`."
                    : "No more papers for " + q + ".";
            List<LayoutBlock> blocks = new ArrayList<>();
            blocks.add(section(s -> s.text(markdownText(text))));
            results.notice().ifPresent(n -> blocks.add(notice(n)));
            return new Reply(plain(text), blocks);
        }
        int first = offset + 1;
        int last = offset + results.hits().size();
        String heading = "*Papers for " + q + "*  (" + range(first, last) + " of " + results.totalHits() + ")";
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.blockId("results.heading").text(markdownText(heading))));
        results.notice().ifPresent(n -> blocks.add(notice(n)));
        addHits(blocks, results.hits(), upvotes);
        if (last < results.totalHits()) {
            blocks.add(nextPage(ActionIds.NEXT_PAGE, new ActionIds.Page(query, last).encode()));
        }
        return new Reply(plain("Papers for " + query + " (" + first + "-" + last + " of " + results.totalHits() + ")"),
                blocks);
    }

    /** {@code 1–5}, or {@code 6} for a page of one. */
    static String range(int first, int last) {
        return first == last ? String.valueOf(first) : first + "\u2013" + last;
    }

    /** The {@code Next 5} button under a page; its value says which page comes next. */
    static LayoutBlock nextPage(String actionId, String value) {
        return actions(a -> a.blockId("results.paging").elements(List.of(button(b -> b
                .actionId(actionId).text(plainText("Next " + PAGE_SIZE)).value(value)))));
    }

    /**
     * Papers like a given one ({@code More like this}), found by its words and meaning; with the paper's id, a
     * button lets the channel follow papers like it.
     */
    public static Reply similar(PaperId id, String title, List<SearchHit> hits, Upvotes upvotes) {
        String t = "\u201C" + Mrkdwn.escape(title, QUERY_BUDGET) + "\u201D";
        if (hits.isEmpty()) {
            return Reply.mrkdwn("I found no papers like " + t + " that you have not seen.");
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.blockId("results.heading").text(markdownText("*More like " + t + "*"))));
        addHits(blocks, hits.subList(0, Math.min(hits.size(), PAGE_SIZE)), upvotes);
        if (id != null && id.value().length() <= BlockLimits.MAX_BUTTON_VALUE) {
            blocks.add(actions(a -> a.blockId("results.follow").elements(List.of(button(b -> b
                    .actionId(ActionIds.FOLLOW_LIKE).text(plainText("Follow papers like this"))
                    .value(id.value()))))));
        }
        return new Reply(plain("More like " + title), blocks);
    }

    static void addHits(List<LayoutBlock> blocks, List<SearchHit> hits, Upvotes upvotes) {
        int n = 0;
        for (SearchHit hit : hits.subList(0, Math.min(hits.size(), PAGE_SIZE))) {
            blocks.add(divider());
            blocks.addAll(PaperView.blocks(hit, "p" + n++ + ".", PaperView.SEARCH_BUTTONS, null,
                    upvotes.of(hit.paper().id())));
        }
    }

    private static LayoutBlock notice(String notice) {
        return context(c -> c.elements(List.of(markdownText(Mrkdwn.escape(notice, 500)))));
    }

    /** Notification text: plain, but still escaped because Slack parses it too. */
    static String plain(String text) {
        return BlockLimits.clip(Mrkdwn.escape(text), 400);
    }
}
