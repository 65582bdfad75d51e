package dev.paperbot.core.paper;

import dev.paperbot.core.hash.Sha256;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A paper's stable identity.
 *
 * <p>For arXiv papers it is the arXiv id without its version ({@code 2401.01234v2} and {@code 2401.01234} are one
 * paper), so a replacement updates the paper instead of adding a second one. Papers without an arXiv id get an id
 * derived from their normalised title, so the same paper seen twice keeps one id.
 */
public record PaperId(String value) implements Comparable<PaperId> {

    /**
     * New-style ids (0704.0001 onwards, 4 or 5 digits after the dot) and old-style ids (hep-th/9901001), bare or as
     * an abs/pdf/html URL (with or without scheme), {@code arXiv:...}, or the OAI identifier {@code oai:arXiv.org:...}
     * that OAI-PMH headers and RSS guids carry.
     */
    private static final Pattern ARXIV = Pattern.compile(
            "(?i)^(?:(?:https?://)?(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf|html)/|arxiv:|oai:arxiv\\.org:)?"
                    + "(\\d{4}\\.\\d{4,5}|[a-z][a-z.-]*(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?(?:\\.pdf)?/?$");

    private static final String DERIVED_PREFIX = "p-";

    public PaperId {
        Objects.requireNonNull(value, "paper id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("paper id must not be blank");
        }
    }

    /** Parses an arXiv id in any of its common spellings: {@code arXiv:2401.01234v2}, an abs or pdf URL, ... */
    public static Optional<PaperId> arxiv(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Matcher m = ARXIV.matcher(raw.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String id = m.group(1);
        // Old-style archive names are lower case; the optional subject class (math.GT/...) keeps its case.
        int slash = id.indexOf('/');
        if (slash > 0) {
            id = id.substring(0, slash).toLowerCase(Locale.ROOT).replaceAll("\\.([a-z]{2})$", "")
                    + id.substring(slash);
        }
        return Optional.of(new PaperId(id));
    }

    /** An id derived from the title, for papers that have no arXiv id (the embedded corpus, BEIR documents). */
    public static PaperId fromTitle(String title) {
        String normalised = Normalizer.normalize(Objects.requireNonNull(title, "title"), Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("cannot derive a paper id from an empty title");
        }
        return new PaperId(DERIVED_PREFIX + Sha256.hex(normalised).substring(0, 16));
    }

    /** True when this id is an arXiv id (so the paper has an arXiv page). */
    public boolean isArxiv() {
        return arxiv(value).map(this::equals).orElse(false);
    }

    @Override
    public int compareTo(PaperId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
