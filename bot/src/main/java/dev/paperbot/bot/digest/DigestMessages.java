package dev.paperbot.bot.digest;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.recommend.DailyPicks;
import dev.paperbot.core.recommend.Pick;
import dev.paperbot.core.store.Topic;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a day's picks as digest messages with the SDK's typed Block Kit builders, split so each message stays
 * well inside Slack's limits (50 blocks, 3000 characters a section; {@code msg_blocks_too_long} from ~13k characters
 * of text).
 *
 * <p>Compact stand-in until the Slack views ({@code DigestView}) are on main; the action ids match theirs.
 */
final class DigestMessages {

    static final int MAX_BLOCKS = 45;
    static final int MAX_CHARS = 11_000;
    static final int MAX_SECTION = 3000;
    /** Papers per message: 10 x (topic line + paper + buttons) + header = 31 blocks, under 11k characters. */
    static final int PAPERS_PER_MESSAGE = 10;

    /** Button action ids shared with the Slack layer's handlers. */
    static final String SAVE = "paper.save";
    static final String NOT_INTERESTED = "paper.dismiss";

    static final String EMPTY_LINE = "No new papers on this channel's topics today.";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMMM yyyy", Locale.ENGLISH);

    private DigestMessages() {
    }

    static String marker(LocalDate day, int part) {
        return "paperbot-digest:" + day + ":" + part;
    }

    /** The messages of a digest, in order; one short message on an empty day. */
    static List<DigestMessage> render(DailyPicks picks) {
        String heading = "Papers for " + DAY.format(picks.day());
        if (picks.isEmpty()) {
            return List.of(new DigestMessage(marker(picks.day(), 1), heading + ": " + EMPTY_LINE, List.of(
                    header(h -> h.blockId(marker(picks.day(), 1)).text(plainText(heading))),
                    context(c -> c.elements(List.of(markdownText(EMPTY_LINE))))), List.of()));
        }
        // Parts are cut by paper count alone, so a successor that re-renders a half-posted digest from its recorded
        // intent gets the same parts. Each paper is at most 3 blocks and ~1000 characters, so a part stays inside
        // MAX_BLOCKS and MAX_CHARS whatever the papers contain.
        List<List<LayoutBlock>> parts = new ArrayList<>();
        List<List<PaperId>> partPapers = new ArrayList<>();
        List<Pick> all = picks.picks();
        for (int from = 0; from < all.size(); from += PAPERS_PER_MESSAGE) {
            List<LayoutBlock> blocks = new ArrayList<>();
            List<PaperId> ids = new ArrayList<>();
            Topic lastTopic = null;
            for (Pick pick : all.subList(from, Math.min(all.size(), from + PAPERS_PER_MESSAGE))) {
                if (!pick.topic().equals(lastTopic)) {
                    String t = "*" + escapeCut(pick.topic().display(), 250) + "*";
                    blocks.add(section(s -> s.text(markdownText(t))));
                    lastTopic = pick.topic();
                }
                String text = paperText(pick);
                blocks.add(section(s -> s.text(markdownText(text))));
                String id = pick.paper().id().value();
                blocks.add(actions(a -> a.elements(List.of(
                        button(b -> b.actionId(SAVE).text(plainText("Save")).value(id)),
                        button(b -> b.actionId(NOT_INTERESTED).text(plainText("Not interested")).value(id))))));
                ids.add(pick.paper().id());
            }
            parts.add(blocks);
            partPapers.add(ids);
        }

        List<DigestMessage> messages = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            int part = i + 1;
            String marker = marker(picks.day(), part);
            List<LayoutBlock> blocks = new ArrayList<>();
            String title = part == 1 ? heading : heading + " (" + part + "/" + parts.size() + ")";
            blocks.add(header(h -> h.blockId(marker).text(plainText(title))));
            blocks.addAll(parts.get(i));
            messages.add(new DigestMessage(marker, title, blocks, partPapers.get(i)));
        }
        return messages;
    }

    private static String paperText(Pick pick) {
        Paper p = pick.paper();
        StringBuilder sb = new StringBuilder();
        sb.append('<').append(p.url().replace("|", "%7C").replace(">", "%3E")).append('|')
                .append(escapeCut(p.title(), 250)).append('>');
        List<String> byline = new ArrayList<>();
        if (!p.authors().isEmpty()) {
            byline.add(escapeCut(String.join(", ", p.authors().subList(0, Math.min(4, p.authors().size())))
                    + (p.authors().size() > 4 ? " et al." : ""), 200));
        }
        if (p.published() != null) {
            byline.add(p.published().toString());
        }
        if (!byline.isEmpty()) {
            sb.append('\n').append(String.join(" · ", byline));
        }
        sb.append("\n_Why: ").append(escapeCut(pick.reason(), 200)).append('_');
        return truncate(sb.toString(), MAX_SECTION);
    }

    /** Slack's mrkdwn control characters; the rest is shown as typed. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Escapes, then cuts to {@code max} characters without splitting an {@code &amp;}-style entity. */
    static String escapeCut(String s, int max) {
        String e = escape(s);
        if (e.length() <= max) {
            return e;
        }
        String cut = e.substring(0, max - 1);
        int amp = cut.lastIndexOf('&');
        if (amp >= 0 && cut.indexOf(';', amp) < 0) {
            cut = cut.substring(0, amp);
        }
        return cut + "…";
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
