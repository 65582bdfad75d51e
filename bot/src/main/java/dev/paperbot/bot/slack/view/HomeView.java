package dev.paperbot.bot.slack.view;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.paperbot.core.paper.Paper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The App Home tab: how to use the bot, then the papers the user saved or shared lately, each with its upvotes on
 * Hugging Face when it has some.
 */
public final class HomeView {

    /** How many recent papers the Home tab lists. */
    public static final int RECENT = 10;

    /** A paper the user saved or shared, with what they did and when. */
    public record Item(Paper paper, String action, Instant at) {
    }

    private HomeView() {
    }

    /** {@code upvotes}: those of the listed papers. */
    public static View render(List<Item> recent, Upvotes upvotes) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("paperbot"))));
        blocks.add(section(s -> s.text(markdownText(
                "I find research papers for you and post a daily digest of new ones to channels that subscribe."))));
        blocks.add(section(s -> s.blockId("home.usage").text(markdownText("*How to use me*\n" + HelpView.USAGE))));
        blocks.add(divider());
        blocks.add(header(h -> h.text(plainText("Your saved and shared papers"))));
        if (recent.isEmpty()) {
            blocks.add(context(c -> c.elements(List.of(markdownText(
                    "Nothing yet: press *Save* or *Share to channel* under a paper and it shows up here.")))));
        }
        for (Item item : recent.subList(0, Math.min(RECENT, recent.size()))) {
            Paper p = item.paper();
            String text = "*" + Mrkdwn.link(p.url(), p.title(), PaperView.TITLE_BUDGET) + "*";
            blocks.add(section(s -> s.text(markdownText(text))));
            String meta = Mrkdwn.escape(item.action(), 40) + " " + item.at().atZone(ZoneOffset.UTC).toLocalDate()
                    + (p.authors().isEmpty() ? "" : "  \u00B7  " + Mrkdwn.escape(String.join(", ",
                    p.authors().subList(0, Math.min(3, p.authors().size()))), 300)
                    + (p.authors().size() > 3 ? " +" + (p.authors().size() - 3) + " more" : ""));
            OptionalInt n = upvotes.of(p.id());
            String line = n.isPresent() ? meta + "  \u00B7  " + Upvotes.line(n.getAsInt()) : meta;
            blocks.add(context(c -> c.elements(List.of(markdownText(
                    BlockLimits.clip(line, BlockLimits.MAX_CONTEXT_TEXT))))));
        }
        return view(v -> v.type("home").blocks(blocks));
    }
}
