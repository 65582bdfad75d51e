package dev.paperbot.index.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns untrusted text into a {@link UserQuery}: only words and double-quoted phrases have meaning; operators,
 * field prefixes, wildcards, brackets are ordinary characters that analysis later drops. Length and word count are
 * capped so that no input makes an expensive query.
 */
final class UserQueryParser {

    static final int MAX_CHARS = 1_000;
    static final int MAX_WORDS = 32;

    UserQuery parse(String raw) {
        String text = raw == null ? "" : raw;
        List<String> notices = new ArrayList<>(2);
        if (text.length() > MAX_CHARS) {
            int cut = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
            text = text.substring(0, cut);
            notices.add("Your query was long: searched for its first " + MAX_CHARS + " characters.");
        }
        text = clean(text);

        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        int budget = MAX_WORDS;
        boolean truncated = false;
        int i = 0;
        while (i < text.length() && !truncated) {
            int open = text.indexOf('"', i);
            int close = open < 0 ? -1 : text.indexOf('"', open + 1);
            // An unbalanced quote is just a character: the rest is read as words.
            String plain = close < 0 ? text.substring(i) : text.substring(i, open);
            List<String> plainWords = split(plain);
            if (plainWords.size() > budget) {
                plainWords = plainWords.subList(0, budget);
                truncated = true;
            }
            words.addAll(plainWords);
            budget -= plainWords.size();
            if (close < 0) {
                break;
            }
            List<String> phraseWords = split(text.substring(open + 1, close));
            if (phraseWords.size() > budget) {
                phraseWords = phraseWords.subList(0, budget);
                truncated = true;
            }
            if (!phraseWords.isEmpty()) {
                phrases.add(String.join(" ", phraseWords));
                budget -= phraseWords.size();
            }
            i = close + 1;
        }
        if (truncated) {
            notices.add("Your query had many words: searched for its first " + MAX_WORDS + ".");
        }
        return new UserQuery(words, phrases,
                notices.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", notices)));
    }

    /** Replaces control characters, lone surrogates and other unassigned code points by spaces; unifies quotes. */
    private static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            switch (Character.getType(cp)) {
                case Character.CONTROL, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED ->
                        sb.append(' ');
                default -> sb.appendCodePoint(isQuote(cp) ? '"' : cp);
            }
        }
        return sb.toString();
    }

    private static boolean isQuote(int cp) {
        return cp == '"' || cp == '\u201C' || cp == '\u201D' || cp == '\u201E' || cp == '\uFF02';
    }

    private static List<String> split(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? List.of() : Arrays.asList(stripped.split("[\\s\\p{Z}]+"));
    }
}
