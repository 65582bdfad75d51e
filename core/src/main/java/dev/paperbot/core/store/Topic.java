package dev.paperbot.core.store;

import dev.paperbot.core.paper.PaperId;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a channel follows: free text ({@link Kind#KEYWORD}), an author ({@link Kind#AUTHOR}, typed as
 * {@code author:"Yann LeCun"}), papers like some examples ({@link Kind#LIKE}, typed as
 * {@code like:2401.01234 https://arxiv.org/abs/2402.05678}) or the most upvoted papers on Hugging Face
 * ({@link Kind#TRENDING}, typed as {@code trending}).
 *
 * @param kind keyword, author, example papers or trending
 * @param text the words or the author's name, trimmed, as the user typed them; for example papers their ids,
 *             separated by single spaces; {@value #TRENDING_TEXT} for trending
 */
public record Topic(Kind kind, String text) {

    /** Longest topic text we accept; longer ones are a paste accident, not a topic. */
    public static final int MAX_LENGTH = 200;

    public enum Kind { KEYWORD, AUTHOR, LIKE, TRENDING }

    /** What {@code trending} is typed as, and its text. */
    public static final String TRENDING_TEXT = "trending";

    /** Most example papers one topic may have. */
    public static final int MAX_EXAMPLES = 10;

    private static final Pattern AUTHOR = Pattern.compile(
            "(?i)^author:\\s*(?:\"([^\"]*)\"|“([^”]*)”|(.*))$");
    private static final Pattern LIKE = Pattern.compile("(?i)^like:\\s*(.*)$");
    /** A paper id that is not an arXiv id: a derived id ({@code p-...}) or a collection's own id. */
    private static final Pattern OTHER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,127}");

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
     * The most upvoted papers of recent days (Hugging Face's daily papers): a topic without words, ranked by
     * popularity instead of relevance.
     */
    public static Topic trending() {
        return new Topic(Kind.TRENDING, TRENDING_TEXT);
    }

    /** Papers like these examples (one to {@value #MAX_EXAMPLES}). */
    public static Topic like(List<PaperId> examples) {
        if (examples.isEmpty() || examples.size() > MAX_EXAMPLES) {
            throw new IllegalArgumentException("a like: topic needs 1 to " + MAX_EXAMPLES + " papers");
        }
        return new Topic(Kind.LIKE, String.join(" ", examples.stream().map(PaperId::value).distinct().toList()));
    }

    /**
     * Parses a topic as typed after {@code subscribe}: {@code author:"Yann LeCun"} (straight or curly quotes, or
     * none) follows an author, {@code like:...} example papers, the word {@code trending} (any case) the most
     * upvoted papers, anything else is keywords. Throws {@link IllegalArgumentException} with a message fit for the
     * user when it is empty or too long.
     */
    public static Topic parse(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.equalsIgnoreCase(TRENDING_TEXT)) {
            return trending();
        }
        Matcher like = LIKE.matcher(s);
        if (like.matches()) {
            return like(examples(like.group(1)));
        }
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
     * The example papers of {@code like:} text: arXiv ids in any spelling (abs, pdf or html URL, {@code arXiv:},
     * with or without version) or other paper ids, separated by blanks or commas.
     */
    static List<PaperId> examples(String text) {
        List<PaperId> ids = new ArrayList<>();
        for (String token : text.strip().split("[\\s,]+")) {
            if (token.isEmpty()) {
                continue;
            }
            String t = token.replaceAll("^<|>$", "");
            Optional<PaperId> arxiv = PaperId.arxiv(t);
            if (arxiv.isPresent()) {
                ids.add(arxiv.get());
            } else if (OTHER_ID.matcher(t).matches() && !t.contains("://")) {
                ids.add(new PaperId(t));
            } else {
                throw new IllegalArgumentException("like: needs paper ids or arXiv links, and "
                        + (t.length() > 60 ? t.substring(0, 60) + "…" : t) + " is neither");
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("like: needs a paper, for example like:2401.01234 or an arXiv link");
        }
        List<PaperId> distinct = ids.stream().distinct().toList();
        if (distinct.size() > MAX_EXAMPLES) {
            throw new IllegalArgumentException("like: takes at most " + MAX_EXAMPLES + " papers, not " + distinct.size());
        }
        return distinct;
    }

    /** The example papers of a {@link Kind#LIKE} topic; empty for other kinds. */
    public List<PaperId> exampleIds() {
        if (kind != Kind.LIKE) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(" ")).map(PaperId::new).toList();
    }

    /**
     * The identity of a topic within a channel: case, accents' composition and spacing do not make a second topic.
     */
    public String key() {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return switch (kind) {
            case AUTHOR -> "author:" + folded;
            // Paper ids are case-sensitive (old-style arXiv ids keep a subject class in capitals).
            case LIKE -> "like:" + text;
            // The same key as the keyword "trending" had before the kind existed, so unsubscribing finds either.
            case KEYWORD, TRENDING -> folded;
        };
    }

    /** How the topic is shown and typed back: {@code quantization}, {@code author:"Yann LeCun"}. */
    public String display() {
        return switch (kind) {
            case AUTHOR -> "author:\"" + text + "\"";
            case LIKE -> "like:" + text;
            case KEYWORD, TRENDING -> text;
        };
    }

    @Override
    public String toString() {
        return display();
    }
}
