package dev.paperbot.bot.slack.view;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;

/** What {@code /papers help} (and an empty {@code /papers}) answers; the App Home reuses the usage part. */
public final class HelpView {

    static final String USAGE = String.join("\n",
            "`/papers quantization` \u2014 the best matching papers, with buttons to see more like one, share it"
                    + " to the channel, save it or say you are not interested",
            "`/papers trending` or `/papers trending 30` \u2014 the most upvoted papers on Hugging Face of the last"
                    + " 7 (or 1 to 30) days",
            "`/papers subscribe llm agents, diffusion` \u2014 this channel gets a daily digest of new papers on"
                    + " these topics (separate topics with commas)",
            "`/papers subscribe like:2306.00978 2310.16836` \u2014 follow papers like these examples (arXiv ids or"
                    + " links); `Not interested` and saved papers steer what comes next",
            "`/papers subscribe trending` \u2014 the digest gets a section with the most upvoted papers on Hugging"
                    + " Face that this channel has not seen",
            "`/papers unsubscribe diffusion` or `/papers unsubscribe all` \u2014 stop following topics",
            "`/papers topics` \u2014 what this channel follows, and when its digest comes",
            "`/papers digest time 09:00 Europe/Berlin` \u2014 when the daily digest comes (24-hour time,"
                    + " Area/City timezone)",
            "`/papers digest preview` \u2014 see today's digest before it is posted",
            "`/papers digest now` \u2014 post today's digest right away",
            "`/papers digest quiet on` \u2014 post nothing on a day without new papers (`off`: one short line)",
            "`/papers help` \u2014 this message");

    private HelpView() {
    }

    public static Reply help() {
        return help(null);
    }

    /** Help, led by a one-line remark (escaped mrkdwn we wrote) such as why help is shown; null for none. */
    public static Reply help(String lead) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (lead != null) {
            blocks.add(section(s -> s.text(markdownText(lead))));
        }
        blocks.add(section(s -> s.blockId("help.usage").text(markdownText("*How to use paperbot*\n" + USAGE))));
        blocks.add(context(c -> c.elements(List.of(markdownText(
                "Results are only visible to you until you share them.")))));
        return new Reply("paperbot help: /papers <words> searches; /papers subscribe <topic> follows a topic", blocks);
    }

    /** A specific, friendly one-line error for bad input, plus a pointer to help. */
    public static Reply error(String mrkdwnMessage) {
        return Reply.mrkdwn(":warning: " + mrkdwnMessage + "\nSee `/papers help` for examples.");
    }
}
