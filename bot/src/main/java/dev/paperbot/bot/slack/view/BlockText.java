package dev.paperbot.bot.slack.view;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.ButtonElement;

/** The visible text of a block, for size budgets and for tests that read what a user would see. */
public final class BlockText {

    private BlockText() {
    }

    public static String of(LayoutBlock block) {
        StringBuilder sb = new StringBuilder();
        if (block instanceof SectionBlock s) {
            append(sb, s.getText());
        } else if (block instanceof ContextBlock c) {
            c.getElements().forEach(e -> {
                if (e instanceof TextObject t) {
                    append(sb, t);
                }
            });
        } else if (block instanceof HeaderBlock h) {
            append(sb, h.getText());
        } else if (block instanceof ActionsBlock a) {
            a.getElements().forEach(e -> {
                if (e instanceof ButtonElement b) {
                    append(sb, b.getText());
                }
            });
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, TextObject text) {
        if (text instanceof MarkdownTextObject m) {
            sb.append(m.getText()).append('\n');
        } else if (text instanceof PlainTextObject p) {
            sb.append(p.getText()).append('\n');
        }
    }
}
