package dev.paperbot.bot.slack.view;

/** Block Kit's limits, in one place; views build within them whatever the papers contain. */
public final class BlockLimits {

    public static final int MAX_MESSAGE_BLOCKS = 50;
    public static final int MAX_HOME_BLOCKS = 100;
    public static final int MAX_SECTION_TEXT = 3000;
    public static final int MAX_CONTEXT_TEXT = 3000;
    public static final int MAX_BUTTON_TEXT = 75;
    public static final int MAX_BUTTON_VALUE = 2000;
    public static final int MAX_ID = 255;
    public static final int MAX_HEADER_TEXT = 150;

    private BlockLimits() {
    }

    /** Cuts text we generated ourselves (no entities at the cut) to {@code max} chars, marking the cut. */
    public static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - Mrkdwn.ELLIPSIS.length();
        // Never end inside an entity or a surrogate pair.
        int amp = text.lastIndexOf('&', end);
        if (amp >= 0 && text.indexOf(';', amp) >= end) {
            end = amp;
        }
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + Mrkdwn.ELLIPSIS;
    }

    /** Cuts an id (block_id, action_id) to the limit. */
    public static String id(String id) {
        return id.length() <= MAX_ID ? id : id.substring(0, MAX_ID);
    }
}
