package dev.paperbot.core.search;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A short passage of a paper that shows why it matched: plain text split into fragments, some of them highlighted.
 *
 * <p>Kept structured rather than as marked-up text so that each front end (Slack mrkdwn, terminal, JSON) escapes
 * the text its own way before it marks the highlights.
 */
public record Snippet(List<Fragment> fragments) {

    /** A run of text; {@code highlighted} when it is one of the words that matched the query. */
    public record Fragment(String text, boolean highlighted) {
    }

    public Snippet {
        fragments = List.copyOf(fragments);
    }

    public static Snippet plain(String text) {
        return new Snippet(text.isEmpty() ? List.of() : List.of(new Fragment(text, false)));
    }

    public static Snippet empty() {
        return new Snippet(List.of());
    }

    /** The snippet's text without highlighting. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        fragments.forEach(f -> sb.append(f.text()));
        return sb.toString();
    }

    /**
     * Renders the snippet: every fragment is escaped, and highlighted ones are then wrapped by {@code highlight}.
     * For Slack: {@code render(Mrkdwn::escape, s -> "*" + s + "*")}.
     */
    public String render(UnaryOperator<String> escape, UnaryOperator<String> highlight) {
        StringBuilder sb = new StringBuilder();
        for (Fragment f : fragments) {
            String escaped = escape.apply(f.text());
            sb.append(f.highlighted() ? highlight.apply(escaped) : escaped);
        }
        return sb.toString();
    }

    public boolean isEmpty() {
        return fragments.isEmpty();
    }
}
