package dev.paperbot.core.paper;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A research paper as the bot knows it.
 *
 * @param id         stable identity (arXiv id without version, or derived from the title)
 * @param title      the title, plain text (LaTeX and HTML entities already resolved by the source)
 * @param abstractText the abstract, plain text; may be empty but never null
 * @param authors    author names in paper order; may be empty
 * @param categories subject categories such as {@code cs.LG}; may be empty
 * @param published  first publication date, or null when unknown
 * @param updated    date of the latest version, or null when unknown
 * @param url        where a reader opens the paper; never null (falls back to the arXiv page or a search link)
 * @param source     where the paper came from: {@code seed}, {@code arxiv}, {@code huggingface}, {@code jsonl}, ...
 */
public record Paper(
        PaperId id,
        String title,
        String abstractText,
        List<String> authors,
        List<String> categories,
        LocalDate published,
        LocalDate updated,
        String url,
        String source) {

    public Paper {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("paper " + id + " has a blank title");
        }
        abstractText = abstractText == null ? "" : abstractText;
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
        source = source == null ? "unknown" : source;
        url = url == null || url.isBlank() ? defaultUrl(id, title) : url;
    }

    /** Starts a paper with only the required parts; the rest is set with the {@code with...} methods. */
    public static Paper of(PaperId id, String title, String abstractText) {
        return new Paper(id, title, abstractText, List.of(), List.of(), null, null, null, "unknown");
    }

    public Paper withAuthors(List<String> newAuthors) {
        return new Paper(id, title, abstractText, newAuthors, categories, published, updated, url, source);
    }

    public Paper withCategories(List<String> newCategories) {
        return new Paper(id, title, abstractText, authors, newCategories, published, updated, url, source);
    }

    public Paper withDates(LocalDate newPublished, LocalDate newUpdated) {
        return new Paper(id, title, abstractText, authors, categories, newPublished, newUpdated, url, source);
    }

    public Paper withUrl(String newUrl) {
        return new Paper(id, title, abstractText, authors, categories, published, updated, newUrl, source);
    }

    public Paper withSource(String newSource) {
        return new Paper(id, title, abstractText, authors, categories, published, updated, url, newSource);
    }

    private static String defaultUrl(PaperId id, String title) {
        if (id.isArxiv()) {
            return "https://arxiv.org/abs/" + id.value();
        }
        // Without an arXiv id the best stable link is a title search on arXiv.
        return "https://arxiv.org/search/?query="
                + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8) + "&searchtype=title";
    }
}
