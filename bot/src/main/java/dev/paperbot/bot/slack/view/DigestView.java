package dev.paperbot.bot.slack.view;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import dev.paperbot.core.search.SearchHit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A channel's digest as one or more messages: a header, then each pick with why it was picked. Split so every
 * message stays under 50 blocks and under a total text size Slack accepts ({@code msg_blocks_too_long} appears
 * around 13k characters), so a digest of any length can be posted message by message.
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

    static final int MAX_MESSAGE_CHARS = 11_000;
    static final int MAX_BLOCKS = 45;

    /** One picked paper and why: topic and matched words, shown under it (plain text, escaped here). */
    public record Item(SearchHit hit, String reason) {
    }

    private DigestView() {
    }

    /** The digest as messages, in order; the first carries the header. Never empty. */
    public static List<Reply> render(String heading, List<Item> items) {
        String head = heading.length() > BlockLimits.MAX_HEADER_TEXT
                ? heading.substring(0, BlockLimits.MAX_HEADER_TEXT - 1) + Mrkdwn.ELLIPSIS : heading;
        List<Reply> messages = new ArrayList<>();
        List<LayoutBlock> current = new ArrayList<>();
        current.add(header(h -> h.text(plainText(head))));
        if (items.isEmpty()) {
            current.add(context(c -> c.elements(List.of(markdownText("No new papers on this channel's topics today.")))));
        }
        int chars = head.length();
        int n = 0;
        for (Item item : items) {
            List<LayoutBlock> paper = new ArrayList<>();
            paper.add(divider());
            paper.addAll(PaperView.blocks(item.hit(), "d" + n++ + ".", DIGEST_BUTTONS, item.reason()));
            int size = textSize(paper);
            if (current.size() + paper.size() > MAX_BLOCKS || chars + size > MAX_MESSAGE_CHARS) {
                messages.add(new Reply(plain(head, messages.size()), current));
                current = new ArrayList<>();
                chars = 0;
            }
            current.addAll(paper);
            chars += size;
        }
        messages.add(new Reply(plain(head, messages.size()), current));
        return messages;
    }

    private static String plain(String heading, int part) {
        return Mrkdwn.escape(part == 0 ? heading : heading + " (continued)", 300);
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
