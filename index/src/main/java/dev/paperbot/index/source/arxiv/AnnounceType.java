package dev.paperbot.index.source.arxiv;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a paper is in a day's arXiv feed ({@code arxiv:announce_type}): a new submission, a cross-list of a new paper
 * from another category, or a replacement (new version) of an old paper, possibly cross-listed.
 */
enum AnnounceType {
    NEW("new"), CROSS("cross"), REPLACE("replace"), REPLACE_CROSS("replace-cross");

    private final String label;

    AnnounceType(String label) {
        this.label = label;
    }

    /** Replacements update a paper; they are never new papers. */
    boolean isReplacement() {
        return this == REPLACE || this == REPLACE_CROSS;
    }

    String label() {
        return label;
    }

    static Optional<AnnounceType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (AnnounceType type : values()) {
            if (type.label.equals(t)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
