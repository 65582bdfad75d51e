package dev.paperbot.bot.slack.view;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Objects;

/**
 * A message for one user: Block Kit blocks plus the plain {@code text} Slack shows in notifications and to screen
 * readers. Every listener answers with one of these, whatever way it travels (ack body, response_url, Web API).
 */
public record Reply(String text, List<LayoutBlock> blocks) {

    public Reply {
        Objects.requireNonNull(text, "text");
        blocks = List.copyOf(blocks);
        if (blocks.size() > BlockLimits.MAX_MESSAGE_BLOCKS) {
            throw new IllegalArgumentException("a message holds at most " + BlockLimits.MAX_MESSAGE_BLOCKS
                    + " blocks, got " + blocks.size());
        }
    }

    /** A one-section reply whose text is mrkdwn we wrote (escape anything users or papers contributed). */
    public static Reply mrkdwn(String mrkdwn) {
        String text = BlockLimits.clip(mrkdwn, BlockLimits.MAX_SECTION_TEXT);
        return new Reply(text, List.of(section(s -> s.text(markdownText(text)))));
    }
}
