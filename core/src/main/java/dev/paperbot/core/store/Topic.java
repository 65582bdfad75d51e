package dev.paperbot.core.store;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a channel follows: free text ({@link Kind#KEYWORD}) or an author ({@link Kind#AUTHOR}, typed as
 * {@code author:"Yann LeCun"}).
 *
 * @param kind keyword or author
 * @param text the words or the author's name, trimmed, as the user typed them
 */
public record Topic(Kind kind, String text) {

    /** Longest topic text we accept; longer ones are a paste accident, not a topic. */
    public static final int MAX_LENGTH = 200;

    public enum Kind { KEYWORD, AUTHOR }

    private static final Pattern AUTHOR = Pattern.compile(
            "(?i)^author:\\s*(?:\"([^\"]*)\"|“([^”]*)”|(.*))$");

    public Topic {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        text = text.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a topic needs at least one word");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "a topic can have at most " + MAX_LENGTH + " characters, this one has " + text.length());
        }
    }

    public static Topic keyword(String text) {
        return new Topic(Kind.KEYWORD, text);
    }

    public static Topic author(String name) {
        return new Topic(Kind.AUTHOR, name);
    }

    /**
     * Parses a topic as typed after {@code subscribe}: {@code author:"Yann LeCun"} (straight or curly quotes, or
     * none) follows an author, anything else is keywords. Throws {@link IllegalArgumentException} with a message fit
     * for the user when it is empty or too long.
     */
    public static Topic parse(String raw) {
        String s = raw == null ? "" : raw.strip();
        Matcher m = AUTHOR.matcher(s);
        if (m.matches()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            if (name.isBlank()) {
                throw new IllegalArgumentException("author: needs a name, for example author:\"Yann LeCun\"");
            }
            return author(name);
        }
        return keyword(s);
    }

    /**
     * The identity of a topic within a channel: case, accents' composition and spacing do not make a second topic.
     */
    public String key() {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return (kind == Kind.AUTHOR ? "author:" : "") + folded;
    }

    /** How the topic is shown and typed back: {@code quantization}, {@code author:"Yann LeCun"}. */
    public String display() {
        return kind == Kind.AUTHOR ? "author:\"" + text + "\"" : text;
    }

    @Override
    public String toString() {
        return display();
    }
}
