package dev.paperbot.bot.slack.view;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.Snippet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A channel's digest as one or more messages: a header, then each pick with why it was picked (and its upvotes on
 * Hugging Face when it has some), trending picks under the trending section's heading. Split so every
 * message stays under 50 blocks and under a total text size Slack accepts ({@code msg_blocks_too_long} appears
 * around 13k characters), so a digest of any length can be posted message by message.
 *
 * <p>The split depends on the papers alone, never on their snippets or reasons: each paper counts with the most
 * text its blocks can hold (its title, link, authors and date, plus the full snippet and reason budgets). So the same
 * papers always give the same messages, which lets a poster that takes over a half-posted digest re-render it from
 * the recorded paper ids and find where it stopped.
 *
 * <pre>{@code
 * List<Reply> messages = DigestView.render("Papers for #ml-reading, Tue 4 March",
 *         picks.stream().map(p -> new DigestView.Item(p.hit(), "topic: " + p.topic())).toList());
 * for (Reply m : messages) client.chatPostMessage(r -> r.channel(channel).text(m.text()).blocks(m.blocks()));
 * }</pre>
 */
public final class DigestView {

    /** Buttons on digest papers: sharing makes no sense, the digest is in the channel already. */
    public static final Set<PaperView.Button> DIGEST_BUTTONS =
            EnumSet.of(PaperView.Button.MORE_LIKE_THIS, PaperView.Button.SAVE, PaperView.Button.NOT_INTERESTED);

    /** What a digest without papers says. */
    public static final String NOTHING_NEW = "No new papers on this channel's topics today.";

    static final int MAX_MESSAGE_CHARS = 11_000;
    /** Papers' blocks and the header; a message may hold the trending heading besides, still under Slack's 50. */
    static final int MAX_BLOCKS = 45;
    /** Text the trending heading may take, reserved in every message so the split never depends on it. */
    static final int SECTION_BUDGET = 100;
    /** Blocks of one paper: divider, text, context, buttons. */
    static final int BLOCKS_PER_PAPER = 4;
    /** Room for the snippet's quote marker and line break, bold markers and the reason's separator. */
    private static final int SEPARATORS = 16;

    /**
     * One picked paper and why.
     *
     * @param hit      the paper (with its snippet and matched words)
     * @param reason   topic and matched words, shown under it (plain text, escaped here); may be null
     * @param upvotes  its upvotes on Hugging Face, when it has a signal
     * @param trending it belongs to the digest's trending section (the items of which come one after the other)
     */
    public record Item(SearchHit hit, String reason, OptionalInt upvotes, boolean trending) {

        public Item {
            Objects.requireNonNull(hit, "hit");
            Objects.requireNonNull(upvotes, "upvotes");
        }

        /** An item without upvotes, outside the trending section. */
        public Item(SearchHit hit, String reason) {
            this(hit, reason, OptionalInt.empty(), false);
        }
    }

    /** The heading of a digest's trending section. */
    public static final String TRENDING = "Trending on Hugging Face";

    /** One message of a digest and how many of the items (in order) it shows. */
    public record Part(Reply message, int papers) {
    }

    private DigestView() {
    }

    /** The digest as messages, in order; the first carries the header. Never empty. */
    public static List<Reply> render(String heading, List<Item> items) {
        return parts(heading, items, part -> null).stream().map(Part::message).toList();
    }

    /**
     * The digest as messages, each starting with a header whose {@code block_id} is {@code headerBlockId} of its
     * 1-based number (null for none): an id a poster can look for in the channel's history. Never empty; a digest
     * without items is one message saying {@link #NOTHING_NEW}.
     */
    public static List<Part> parts(String heading, List<Item> items, IntFunction<String> headerBlockId) {
        String head = heading.length() > BlockLimits.MAX_HEADER_TEXT - 8
                ? heading.substring(0, BlockLimits.MAX_HEADER_TEXT - 9) + Mrkdwn.ELLIPSIS : heading;
        if (items.isEmpty()) {
            return List.of(new Part(new Reply(plain(head + ": " + NOTHING_NEW), List.of(
                    headerBlock(head, headerBlockId.apply(1)),
                    context(c -> c.elements(List.of(markdownText(NOTHING_NEW)))))), 0));
        }
        List<List<Item>> groups = split(items);
        List<Part> parts = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < groups.size(); i++) {
            String title = groups.size() == 1 ? head : head + " (" + (i + 1) + "/" + groups.size() + ")";
            List<LayoutBlock> blocks = new ArrayList<>();
            blocks.add(headerBlock(title, headerBlockId.apply(i + 1)));
            boolean headed = false;
            for (Item item : groups.get(i)) {
                // The section's heading where it starts, and again atop a message that carries on with it; once per
                // message whatever the items, so the block count stays what the split reserved.
                if (item.trending() && !headed) {
                    blocks.add(trendingHeading("d" + n + ".trending"));
                    headed = true;
                }
                blocks.add(divider());
                blocks.addAll(PaperView.blocks(item.hit(), "d" + n++ + ".", DIGEST_BUTTONS, item.reason(),
                        item.upvotes()));
            }
            parts.add(new Part(new Reply(plain(title), blocks), groups.get(i).size()));
        }
        return parts;
    }

    /** Cuts the items into messages by each paper's largest possible size. */
    private static List<List<Item>> split(List<Item> items) {
        List<List<Item>> groups = new ArrayList<>();
        List<Item> current = new ArrayList<>();
        int chars = BlockLimits.MAX_HEADER_TEXT + SECTION_BUDGET;
        for (Item item : items) {
            int size = sizeBound(item.hit().paper());
            if (!current.isEmpty() && (1 + (current.size() + 1) * BLOCKS_PER_PAPER > MAX_BLOCKS
                    || chars + size > MAX_MESSAGE_CHARS)) {
                groups.add(current);
                current = new ArrayList<>();
                chars = BlockLimits.MAX_HEADER_TEXT + SECTION_BUDGET;
            }
            current.add(item);
            chars += size;
        }
        groups.add(current);
        return groups;
    }

    /**
     * The most text a paper's blocks can hold whatever it is shown with: its blocks without abstract, snippet,
     * upvotes or reason, plus the full snippet, upvotes and reason budgets.
     */
    static int sizeBound(Paper paper) {
        Paper bare = new Paper(paper.id(), paper.title(), "", paper.authors(), paper.categories(), paper.published(),
                paper.updated(), paper.url(), paper.source());
        List<LayoutBlock> blocks = PaperView.blocks(new SearchHit(bare, 0, Snippet.empty(), List.of(), true),
                "d0.", DIGEST_BUTTONS, null);
        return textSize(blocks) + PaperView.SNIPPET_BUDGET + PaperView.UPVOTES_BUDGET + PaperView.REASON_BUDGET
                + SEPARATORS;
    }

    private static LayoutBlock trendingHeading(String blockId) {
        return section(s -> s.blockId(BlockLimits.id(blockId)).text(markdownText("*" + TRENDING + "*")));
    }

    private static LayoutBlock headerBlock(String text, String blockId) {
        return header(h -> h.blockId(blockId == null ? null : BlockLimits.id(blockId)).text(plainText(text)));
    }

    private static String plain(String text) {
        return Mrkdwn.escape(text, 300);
    }

    /** Characters of text in the blocks, as Slack counts toward a message's size. */
    static int textSize(List<LayoutBlock> blocks) {
        int size = 0;
        for (LayoutBlock b : blocks) {
            size += BlockText.of(b).length();
        }
        return size;
    }
}
