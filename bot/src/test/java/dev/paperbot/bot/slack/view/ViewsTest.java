package dev.paperbot.bot.slack.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.paper.Popularity;
import dev.paperbot.core.recommend.TrendingPapers;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.SearchResults;
import dev.paperbot.core.search.Snippet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Views are asserted as Block Kit objects: structure, escaping and limits, whatever the papers contain. */
class ViewsTest {

    private static Paper paper(String id, String title, String abs) {
        return Paper.of(new PaperId(id), title, abs).withAuthors(List.of("Ada Lovelace", "Alan Turing"))
                .withDates(LocalDate.of(2024, 3, 1), null).withSource("arxiv");
    }

    private static SearchHit hit(Paper p) {
        return new SearchHit(p, 1, new Snippet(List.of(new Snippet.Fragment("We study ", false),
                new Snippet.Fragment("quantization", true), new Snippet.Fragment(" of LLMs.", false))),
                List.of("quantization"), false);
    }

    private static String sectionText(LayoutBlock b) {
        return ((MarkdownTextObject) ((SectionBlock) b).getText()).getText();
    }

    private static List<ButtonElement> buttons(List<LayoutBlock> blocks) {
        List<ButtonElement> out = new ArrayList<>();
        blocks.stream().filter(ActionsBlock.class::isInstance).map(ActionsBlock.class::cast)
                .forEach(a -> a.getElements().forEach(e -> out.add((ButtonElement) e)));
        return out;
    }

    @Test
    void a_paper_has_a_linked_title_bold_matches_metadata_and_four_buttons() {
        Paper p = paper("2401.01234", "Quantization for LLMs", "abstract");
        List<LayoutBlock> blocks = PaperView.blocks(hit(p), "p0.", PaperView.SEARCH_BUTTONS, null);

        assertThat(blocks).hasSize(3);
        assertThat(sectionText(blocks.get(0)))
                .startsWith("*<https://arxiv.org/abs/2401.01234|Quantization for LLMs>*\n")
                .contains("> We study *quantization* of LLMs.");
        String meta = ((MarkdownTextObject) ((ContextBlock) blocks.get(1)).getElements().get(0)).getText();
        assertThat(meta).contains("Ada Lovelace, Alan Turing", "2024-03-01", "arXiv", "matched: quantization");
        assertThat(buttons(blocks)).extracting(b -> b.getText().getText(), ButtonElement::getActionId,
                        ButtonElement::getValue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("More like this", ActionIds.MORE_LIKE_THIS, "2401.01234"),
                        org.assertj.core.groups.Tuple.tuple("Share to channel", ActionIds.SHARE, "2401.01234"),
                        org.assertj.core.groups.Tuple.tuple("Save", ActionIds.SAVE, "2401.01234"),
                        org.assertj.core.groups.Tuple.tuple("Not interested", ActionIds.NOT_INTERESTED, "2401.01234"));
    }

    @Test
    void titles_cannot_format_link_or_ping() {
        Paper p = paper("2401.00001", "<!channel> *Bold* _it_ ~strike~ `code` & <http://evil|x> <@U123>", "");
        String text = sectionText(PaperView.blocks(hit(p), "p0.", PaperView.SEARCH_BUTTONS, null).get(0));
        String title = text.substring(0, text.indexOf('\n'));

        assertThat(title).doesNotContain("<!", "<@", "<http://evil", "*Bold*", "_it_", "~strike~", "`code`")
                .contains("&lt;!channel&gt;", "&amp;", "\u2217Bold\u2217", "\u02CDit\u02CD", "\u223Cstrike\u223C",
                        "\u02CBcode\u02CB");
        // The only link is ours; the only bold markers are the title's.
        assertThat(title.chars().filter(c -> c == '<').count()).isEqualTo(1);
        assertThat(title).startsWith("*<https://arxiv.org/abs/2401.00001|").endsWith(">*");
    }

    @Test
    void a_hostile_url_cannot_break_out_of_the_link() {
        Paper p = paper("x1", "T", "").withUrl("https://example.org/a|b>c<d e&f");
        String text = sectionText(PaperView.blocks(hit(p), "p0.", PaperView.SEARCH_BUTTONS, null).get(0));
        assertThat(text).startsWith("*<https://example.org/a%7Cb%3Ec%3Cd%20e&amp;f|T>*");
        Paper js = paper("x2", "T", "").withUrl("javascript:alert(1)");
        assertThat(sectionText(PaperView.blocks(hit(js), "p0.", PaperView.SEARCH_BUTTONS, null).get(0)))
                .startsWith("*T*");
    }

    @Test
    void matched_words_inside_a_word_are_still_bold_for_slack() {
        SearchHit h = new SearchHit(paper("x", "T", ""), 1, new Snippet(List.of(
                new Snippet.Fragment("pre", false), new Snippet.Fragment("quant", true),
                new Snippet.Fragment("ized", false))), List.of(), false);
        assertThat(PaperView.snippet(h)).isEqualTo("> pre\u200B*quant*\u200Bized");
    }

    @Test
    void without_a_snippet_the_abstract_start_shows_matched_words_in_bold() {
        SearchHit h = new SearchHit(paper("x", "T", "Post-training quantization works. Quantization-aware too."),
                1, Snippet.empty(), List.of("quantization"), false);
        assertThat(PaperView.snippet(h)).isEqualTo("> Post-training *quantization* works. *Quantization*-aware too.");
    }

    @Test
    void a_paper_found_by_meaning_alone_says_so_and_one_with_words_shows_them() {
        Paper p = paper("2401.01234", "AWQ: Activation-aware Weight Quantization", "We protect salient weights.");
        String byMeaning = PaperView.meta(new SearchHit(p, 0.03, Snippet.empty(), List.of(), true), null,
                OptionalInt.empty());
        String byWords = PaperView.meta(new SearchHit(p, 0.03, Snippet.empty(), List.of("weights"), true), null,
                OptionalInt.empty());

        assertThat(byMeaning).endsWith("similar in meaning");
        assertThat(byWords).endsWith("matched: weights").doesNotContain("meaning");
    }

    @Test
    void more_like_this_offers_to_follow_papers_like_it() {
        Paper p = paper("2401.01234", "Quantization for LLMs", "abstract");
        Reply reply = SearchResultsView.similar(p.id(), "A seed paper", List.of(hit(p)), Upvotes.NONE);

        assertThat(buttons(reply.blocks())).filteredOn(b -> ActionIds.FOLLOW_LIKE.equals(b.getActionId()))
                .singleElement().satisfies(b -> {
                    assertThat(b.getValue()).isEqualTo("2401.01234");
                    assertThat(b.getText().getText()).isEqualTo("Follow papers like this");
                });
        assertWithinLimits(reply.blocks(), 50);
    }

    @Test
    void search_results_page_has_heading_papers_and_next_button() {
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            hits.add(hit(paper("2401.0000" + i, "Paper " + i, "quantization")));
        }
        Reply reply = SearchResultsView.search("quantization", new SearchResults(hits, 12, Optional.empty()), 0,
                Upvotes.NONE);

        assertThat(sectionText(reply.blocks().get(0))).isEqualTo("*Papers for \u201Cquantization\u201D*  (1\u20135 of 12)");
        ButtonElement next = buttons(reply.blocks()).getLast();
        assertThat(next.getActionId()).isEqualTo(ActionIds.NEXT_PAGE);
        assertThat(next.getText().getText()).isEqualTo("Next 5");
        assertThat(ActionIds.Page.decode(next.getValue())).contains(new ActionIds.Page("quantization", 5));
        assertThat(reply.text()).isEqualTo("Papers for quantization (1-5 of 12)");
    }

    @Test
    void the_last_page_has_no_next_button_and_no_results_say_so() {
        List<SearchHit> hits = List.of(hit(paper("1", "A", "")), hit(paper("2", "B", "")));
        Reply last = SearchResultsView.search("q", new SearchResults(hits, 7, Optional.empty()), 5, Upvotes.NONE);
        assertThat(buttons(last.blocks())).noneMatch(b -> b.getActionId().equals(ActionIds.NEXT_PAGE));
        assertThat(sectionText(last.blocks().get(0))).contains("(6\u20137 of 7)");

        Reply none = SearchResultsView.search("zzz <b>", SearchResults.empty("shortened"), 0, Upvotes.NONE);
        assertThat(sectionText(none.blocks().get(0))).contains("No papers match \u201Czzz &lt;b&gt;\u201D");
    }

    @Test
    void limits_hold_whatever_the_papers_contain() {
        Random random = new Random(42);
        String nasty = "&<>*_~`\u00E9\uD83D\uDE00 ";
        for (int round = 0; round < 200; round++) {
            List<SearchHit> hits = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String title = randomOf(random, nasty, 1 + random.nextInt(6000));
                String abs = randomOf(random, nasty, random.nextInt(20000));
                List<String> authors = new ArrayList<>(Collections.nCopies(random.nextInt(3000),
                        randomOf(random, nasty, 1 + random.nextInt(200))));
                Paper p = Paper.of(new PaperId("2401." + round + i), title, abs).withAuthors(authors)
                        .withUrl("https://arxiv.org/abs/" + "9".repeat(random.nextInt(1990)));
                List<Snippet.Fragment> fragments = new ArrayList<>();
                for (int f = 0; f < random.nextInt(400); f++) {
                    fragments.add(new Snippet.Fragment(randomOf(random, nasty, random.nextInt(50)), random.nextBoolean()));
                }
                hits.add(new SearchHit(p, 1, new Snippet(fragments), List.of(randomOf(random, nasty, 3000)), true));
            }
            String query = randomOf(random, nasty, 2000);
            assertWithinLimits(SearchResultsView.search(query, new SearchResults(hits, 1000, Optional.of(
                    randomOf(random, nasty, 2000))), 0, Upvotes.NONE).blocks(), BlockLimits.MAX_MESSAGE_BLOCKS);
            for (Reply part : DigestView.render(randomOf(random, nasty, 400), hits.stream()
                    .map(h -> new DigestView.Item(h, randomOf(random, nasty, 1000),
                            OptionalInt.of(random.nextInt(Integer.MAX_VALUE)),
                            random.nextBoolean())).toList())) {
                assertWithinLimits(part.blocks(), BlockLimits.MAX_MESSAGE_BLOCKS);
            }
        }
    }

    private static String randomOf(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        int[] cps = alphabet.codePoints().toArray();
        while (sb.length() < length) {
            sb.appendCodePoint(random.nextInt(4) == 0 ? cps[random.nextInt(cps.length)] : 'a' + random.nextInt(26));
        }
        return sb.toString();
    }

    static void assertWithinLimits(List<LayoutBlock> blocks, int maxBlocks) {
        assertThat(blocks).hasSizeLessThanOrEqualTo(maxBlocks);
        for (LayoutBlock b : blocks) {
            if (b.getBlockId() != null) {
                assertThat(b.getBlockId()).hasSizeLessThanOrEqualTo(BlockLimits.MAX_ID);
            }
            if (b instanceof SectionBlock s) {
                assertThat(s.getText().getText()).hasSizeLessThanOrEqualTo(BlockLimits.MAX_SECTION_TEXT);
                assertNoStrayMarkup(s.getText().getText());
            }
            if (b instanceof ContextBlock c) {
                c.getElements().forEach(e -> {
                    String t = ((MarkdownTextObject) e).getText();
                    assertThat(t).hasSizeLessThanOrEqualTo(BlockLimits.MAX_CONTEXT_TEXT);
                    assertNoStrayMarkup(t);
                });
            }
            if (b instanceof ActionsBlock a) {
                a.getElements().forEach(e -> {
                    ButtonElement button = (ButtonElement) e;
                    assertThat(button.getText().getText()).hasSizeLessThanOrEqualTo(BlockLimits.MAX_BUTTON_TEXT);
                    assertThat(button.getValue()).hasSizeLessThanOrEqualTo(BlockLimits.MAX_BUTTON_VALUE);
                    assertThat(button.getActionId()).hasSizeLessThanOrEqualTo(BlockLimits.MAX_ID);
                });
            }
        }
    }

    /** Outside our own link, no raw angle brackets, and no entity cut in half. */
    private static void assertNoStrayMarkup(String text) {
        String withoutLinks = text.replaceAll("<https://[^<>|]+\\|[^<>]*>", "").replaceAll("(?m)^> ", "");
        assertThat(withoutLinks).doesNotContain("<", ">");
        assertThat(withoutLinks.replaceAll("&(amp|lt|gt);", "")).doesNotContain("&");
    }

    @Test
    void digests_split_into_messages_within_limits_and_keep_every_paper() {
        List<DigestView.Item> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(new DigestView.Item(hit(paper("2402." + i, "Paper " + i, "x".repeat(3000))), "topic: llm"));
        }
        List<Reply> messages = DigestView.render("Papers for #ml, Tuesday", items);

        assertThat(messages).hasSizeGreaterThan(1);
        assertThat(messages.getFirst().blocks().getFirst().getType()).isEqualTo("header");
        assertThat(messages.stream().mapToLong(m -> buttons(m.blocks()).stream()
                .filter(b -> b.getActionId().equals(ActionIds.NOT_INTERESTED)).count()).sum()).isEqualTo(40);
        messages.forEach(m -> {
            assertWithinLimits(m.blocks(), 50);
            assertThat(DigestView.textSize(m.blocks())).isLessThanOrEqualTo(DigestView.MAX_MESSAGE_CHARS);
            assertThat(buttons(m.blocks())).noneMatch(b -> b.getActionId().equals(ActionIds.SHARE));
        });
    }

    private static String meta(List<LayoutBlock> blocks, int paper) {
        return blocks.stream().filter(ContextBlock.class::isInstance).map(BlockText::of).toList().get(paper);
    }

    @Test
    void search_results_show_the_upvotes_of_papers_that_have_some() {
        List<SearchHit> hits = List.of(hit(paper("2401.00001", "Popular", "q")), hit(paper("2401.00002", "Quiet", "q")),
                hit(paper("2401.00003", "Liked once", "q")));
        Upvotes upvotes = new Upvotes(java.util.Map.of(new PaperId("2401.00001"), 123, new PaperId("2401.00003"), 1));
        Reply reply = SearchResultsView.search("q", new SearchResults(hits, 3, Optional.empty()), 0, upvotes);

        assertThat(meta(reply.blocks(), 0))
                .contains("arXiv  \u00B7  \u25B2 123 upvotes on Hugging Face  \u00B7  matched:");
        assertThat(meta(reply.blocks(), 1)).doesNotContain("upvote");
        assertThat(meta(reply.blocks(), 2)).contains("\u25B2 1 upvote on Hugging Face");
    }

    private static List<TrendingPapers.Entry> trending(int from, int n) {
        List<TrendingPapers.Entry> entries = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            Paper p = paper("2402.0000" + i, "Popular " + i, "An abstract without a query.");
            entries.add(new TrendingPapers.Entry(p, new Popularity(p.id(), 500 - i, LocalDate.of(2026, 3, 1))));
        }
        return entries;
    }

    @Test
    void trending_pages_look_like_search_results_with_upvotes_and_page_on_by_their_own_button() {
        Reply reply = TrendingView.page(7, trending(0, 5), 0, 12);

        assertThat(sectionText(reply.blocks().get(0)))
                .isEqualTo("*Trending on Hugging Face*, most upvoted in the last 7 days  (1\u20135 of 12)");
        assertThat(meta(reply.blocks(), 0)).contains("\u25B2 500 upvotes on Hugging Face");
        assertThat(meta(reply.blocks(), 4)).contains("\u25B2 496 upvotes on Hugging Face");
        assertThat(sectionText(reply.blocks().get(2))).contains("> An abstract without a query.");
        assertThat(buttons(reply.blocks())).extracting(ButtonElement::getActionId)
                .contains(ActionIds.MORE_LIKE_THIS, ActionIds.SHARE, ActionIds.SAVE, ActionIds.NOT_INTERESTED);
        ButtonElement next = buttons(reply.blocks()).getLast();
        assertThat(next.getActionId()).isEqualTo(ActionIds.NEXT_TRENDING_PAGE);
        assertThat(next.getText().getText()).isEqualTo("Next 5");
        assertThat(ActionIds.TrendingPage.decode(next.getValue())).contains(new ActionIds.TrendingPage(7, 5));
        assertWithinLimits(reply.blocks(), BlockLimits.MAX_MESSAGE_BLOCKS);

        Reply last = TrendingView.page(1, trending(10, 2), 10, 12);
        assertThat(sectionText(last.blocks().get(0))).contains("most upvoted today  (11\u201312 of 12)");
        assertThat(buttons(last.blocks())).noneMatch(b -> b.getActionId().equals(ActionIds.NEXT_TRENDING_PAGE));
        assertThat(ActionIds.TrendingPage.decode("7:x")).isEmpty();
        assertThat(ActionIds.TrendingPage.decode("0:5")).isEmpty();
    }

    @Test
    void an_empty_trending_window_suggests_a_longer_one_and_no_signals_say_how_to_get_them() {
        assertThat(TrendingView.page(7, List.of(), 0, 0).text()).contains("in the last 7 days")
                .contains("`/papers trending 30`");
        assertThat(TrendingView.page(30, List.of(), 0, 0).text()).doesNotContain("longer window");
        assertThat(TrendingView.page(7, List.of(), 5, 5).text())
                .isEqualTo("No more trending papers in the last 7 days.");
        assertThat(TrendingView.noSignals().text()).contains("No Hugging Face upvotes in my index yet")
                .contains("`bin/paperbot ingest hf`").contains("`PAPERBOT_INGEST=rss,hf`");
    }

    @Test
    void a_digests_trending_papers_come_under_their_section_heading_with_upvotes_as_the_reason() {
        List<DigestView.Item> items = new ArrayList<>();
        items.add(new DigestView.Item(hit(paper("2402.1", "On topic", "x")), "for llm", OptionalInt.of(3), false));
        for (TrendingPapers.Entry e : trending(0, 2)) {
            items.add(new DigestView.Item(new SearchHit(e.paper(), 0, Snippet.empty(), List.of(), false), null,
                    OptionalInt.of(e.popularity().upvotes()), true));
        }
        List<LayoutBlock> blocks = DigestView.render("Papers for Mon 2 March", items).getFirst().blocks();

        List<String> texts = blocks.stream().map(b -> BlockText.of(b).strip()).toList();
        assertThat(texts).filteredOn("*Trending on Hugging Face*"::equals).hasSize(1);
        int heading = texts.indexOf("*Trending on Hugging Face*");
        assertThat(texts.subList(0, heading))
                .anySatisfy(t -> assertThat(t).endsWith("\u25B2 3 upvotes on Hugging Face  \u00B7  for llm"));
        assertThat(texts.subList(heading, texts.size())).filteredOn(t -> t.endsWith("upvotes on Hugging Face"))
                .hasSize(2);
        assertWithinLimits(blocks, BlockLimits.MAX_MESSAGE_BLOCKS);
    }

    @Test
    void a_trending_section_split_over_messages_gets_its_heading_again() {
        List<DigestView.Item> items = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            items.add(new DigestView.Item(hit(paper("2402." + i, "Paper " + i, "x".repeat(3000))), null,
                    OptionalInt.of(30 - i), true));
        }
        List<Reply> messages = DigestView.render("Papers for Mon 2 March", items);

        assertThat(messages).hasSizeGreaterThan(1).allSatisfy(m -> {
            assertThat(BlockText.of(m.blocks().get(1)).strip()).isEqualTo("*Trending on Hugging Face*");
            assertWithinLimits(m.blocks(), BlockLimits.MAX_MESSAGE_BLOCKS);
            assertThat(DigestView.textSize(m.blocks())).isLessThanOrEqualTo(DigestView.MAX_MESSAGE_CHARS);
        });
    }

    @Test
    void home_view_lists_usage_and_recent_papers() {
        Paper saved = paper("2401.00011", "Saved <one>", "");
        View home = HomeView.render(List.of(new HomeView.Item(saved, "saved", Instant.parse("2026-11-27T10:00:00Z")),
                new HomeView.Item(paper("2401.00012", "Shared", ""), "shared", Instant.parse("2026-11-26T10:00:00Z"))),
                new Upvotes(Map.of(saved.id(), 42)));
        assertThat(home.getType()).isEqualTo("home");
        assertThat(home.getBlocks()).hasSizeLessThanOrEqualTo(BlockLimits.MAX_HOME_BLOCKS);
        String all = String.join("\n", home.getBlocks().stream().map(BlockText::of).toList());
        assertThat(all).contains("/papers subscribe", "Your saved and shared papers",
                "<https://arxiv.org/abs/2401.00011|Saved &lt;one&gt;>", "saved 2026-11-27");
        List<String> metas = home.getBlocks().stream().filter(b -> b instanceof ContextBlock)
                .map(b -> BlockText.of(b).strip()).toList();
        assertThat(metas).filteredOn(m -> m.startsWith("saved ")).singleElement().asString()
                .endsWith("  \u00B7  \u25B2 42 upvotes on Hugging Face");
        assertThat(metas).filteredOn(m -> m.startsWith("shared ")).singleElement().asString()
                .doesNotContain("upvote");
        assertThat(String.join("\n", HomeView.render(List.of(), Upvotes.NONE).getBlocks().stream().map(BlockText::of).toList()))
                .contains("Nothing yet");
    }

    @Test
    void escape_cuts_on_whole_entities_and_code_points() {
        assertThat(Mrkdwn.escape("&&&&", 12)).isEqualTo("&amp;&amp;\u2026");
        assertThat(Mrkdwn.escape("\uD83D\uDE00\uD83D\uDE00", 3)).isEqualTo("\uD83D\uDE00\u2026");
        assertThat(Mrkdwn.escape("line\nbreak")).isEqualTo("line break");
    }
}
