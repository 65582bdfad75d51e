package dev.paperbot.index.search;

import java.util.List;
import java.util.Optional;

/**
 * What a user typed, cut into plain words and quoted phrases. Nothing in it is query syntax.
 *
 * @param words   words outside quotes, as typed (punctuation still attached: analysis removes it)
 * @param phrases the text inside each pair of double quotes
 * @param notice  what was changed about the text, to tell the user
 */
record UserQuery(List<String> words, List<String> phrases, Optional<String> notice) {

    UserQuery {
        words = List.copyOf(words);
        phrases = List.copyOf(phrases);
    }
}
