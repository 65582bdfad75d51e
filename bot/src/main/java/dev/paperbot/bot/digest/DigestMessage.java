package dev.paperbot.bot.digest;

import com.slack.api.model.block.LayoutBlock;
import dev.paperbot.core.paper.PaperId;
import java.util.List;

/**
 * One message of a digest.
 *
 * @param marker the id of its first block ({@code paperbot-digest:2026-03-02:1}): how a successor recognises, in
 *               the channel's history, a part that was posted before its poster died
 * @param text   the notification and fallback text
 * @param blocks the Block Kit blocks
 * @param papers the papers it shows, recorded as posted once Slack accepts it
 */
public record DigestMessage(String marker, String text, List<LayoutBlock> blocks, List<PaperId> papers) {

    public DigestMessage {
        blocks = List.copyOf(blocks);
        papers = List.copyOf(papers);
    }
}
