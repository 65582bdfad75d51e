package dev.paperbot.bot.slack.view;

import java.util.regex.Pattern;

/**
 * Slack {@code mrkdwn} escaping for text we do not control (titles, abstracts, author names, what users typed).
 *
 * <p>Slack needs {@code &}, {@code <} and {@code >} as entities; a raw {@code <} could open a link or a mention such
 * as {@code <!channel>}. Slack has no escape for its formatting characters, so {@code *}, {@code _}, {@code ~} and
 * the backtick are replaced by look-alikes that do not format: {@code ∗} (U+2217), {@code ˍ} (U+02CD), {@code ∼}
 * (U+223C) and {@code ˋ} (U+02CB). The text stays readable and can neither format nor ping.
 */
public final class Mrkdwn {

    /** Scheme and host checked; the rest is percent-encoded where Slack would misread it. */
    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://[a-z0-9.-]+(:\\d{1,5})?([/?#].*)?");

    /** Appended where text was cut short. */
    public static final String ELLIPSIS = "…";

    private Mrkdwn() {
    }

    /** Escapes the whole text. */
    public static String escape(String raw) {
        return escape(raw, Integer.MAX_VALUE);
    }

    /**
     * Escapes {@code raw}, stopping before the escaped text would exceed {@code maxChars} (then it ends with
     * {@link #ELLIPSIS}); an entity is never cut in half. Line breaks become spaces: callers lay out lines.
     */
    public static String escape(String raw, int maxChars) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(raw.length() + 16, 4096));
        raw.codePoints().forEach(cp -> sb.append(piece(cp)));
        if (sb.length() <= maxChars) {
            return sb.toString();
        }
        StringBuilder cut = new StringBuilder(maxChars);
        int budget = maxChars - ELLIPSIS.length();
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            String piece = piece(cp);
            if (cut.length() + piece.length() > budget) {
                break;
            }
            cut.append(piece);
            i += Character.charCount(cp);
        }
        return cut.append(ELLIPSIS).toString();
    }

    private static String piece(int cp) {
        return switch (cp) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '*' -> "\u2217";
            case '_' -> "\u02CD";
            case '~' -> "\u223C";
            case '`' -> "\u02CB";
            case '\n', '\r', '\t' -> " ";
            default -> Character.isISOControl(cp) ? "" : Character.toString(cp);
        };
    }

    /**
     * A link {@code <url|label>} when {@code url} is a plain http(s) URL, else just the label. The label is escaped
     * and cut to {@code maxLabelChars}; characters that would end the link early are percent-encoded in the URL.
     */
    public static String link(String url, String label, int maxLabelChars) {
        String text = escape(label, maxLabelChars);
        String safeUrl = safeUrl(url);
        return safeUrl == null ? text : "<" + safeUrl + "|" + text + ">";
    }

    /** The URL made safe inside {@code <...|...>}, or null when it is not an absolute http(s) URL. */
    static String safeUrl(String url) {
        if (url == null || url.length() > 2000 || !HTTP_URL.matcher(url.strip()).matches()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (char c : url.strip().toCharArray()) {
            switch (c) {
                case '|' -> sb.append("%7C");
                case '<' -> sb.append("%3C");
                case '>' -> sb.append("%3E");
                case ' ' -> sb.append("%20");
                case '&' -> sb.append("&amp;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Bold for an already escaped word or phrase. Slack only bolds at word boundaries, so a zero-width space
     * separates the markers from letters next to them; surrounding blanks stay outside the markers.
     */
    public static String bold(String escaped, boolean letterBefore, boolean letterAfter) {
        String core = escaped.strip();
        if (core.isEmpty()) {
            return escaped;
        }
        int lead = escaped.indexOf(core);
        String before = escaped.substring(0, lead);
        String after = escaped.substring(lead + core.length());
        return before + (letterBefore && before.isEmpty() ? "\u200B" : "") + "*" + core + "*"
                + (letterAfter && after.isEmpty() ? "\u200B" : "") + after;
    }
}
