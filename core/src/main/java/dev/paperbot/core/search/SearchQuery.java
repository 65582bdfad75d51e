package dev.paperbot.core.search;

import dev.paperbot.core.paper.PaperId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What to search for: free text as a user typed it, which page of results, and which papers to leave out.
 *
 * <p>The text is untrusted: index implementations must treat it as words to look for, never as query syntax.
 *
 * @param text       free text as typed; may contain anything
 * @param limit      how many hits to return (1..{@link #MAX_LIMIT})
 * @param offset     how many of the best hits to skip, for paging
 * @param excluded   papers that must not be returned (already posted, dismissed, ...)
 * @param addedAfter when not null, only papers added to the index after this instant
 * @param mode       how to rank
 * @param field      where to look for the text: everywhere, or only in author names ({@code author:"Yann LeCun"}
 *                   topics), where the text is one name matched as a phrase
 * @param like       example papers: find papers like these (by their words, and by meaning when the index has
 *                   vectors), as well as what {@code text} says; the examples themselves are left out. May be empty.
 * @param vector     when not null, the meaning to look for instead of the embedding of {@code text} and
 *                   {@code like} (a topic moved by feedback); used only when the ranking uses vectors
 * @param snippets   whether hits come with their snippet and matched words (the default). Those are most of what
 *                   a hit costs: a caller that ranks many candidates and shows a few asks without them, then has
 *                   {@link PaperIndex#explain} add them to the few it shows
 */
public record SearchQuery(
        String text, int limit, int offset, Set<PaperId> excluded, Instant addedAfter, Mode mode, Field field,
        Set<PaperId> like, Embedding vector, boolean snippets) {

    /** Most example papers one query may name. */
    public static final int MAX_LIKE = 50;

    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 10;

    /** Ranking mode: words only, words and meaning fused, or whatever the index does best with what it has. */
    public enum Mode { AUTO, BM25, HYBRID }

    /** Where the text is looked for. */
    public enum Field { ALL, AUTHORS }

    public SearchQuery {
        text = text == null ? "" : text;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        excluded = excluded == null ? Set.of() : Set.copyOf(excluded);
        mode = Objects.requireNonNullElse(mode, Mode.AUTO);
        field = Objects.requireNonNullElse(field, Field.ALL);
        like = like == null ? Set.of() : Set.copyOf(like);
        if (like.size() > MAX_LIKE) {
            throw new IllegalArgumentException("at most " + MAX_LIKE + " example papers, was " + like.size());
        }
    }

    /** A query whose hits come with snippets (the form before {@link #snippets} existed). */
    public SearchQuery(String text, int limit, int offset, Set<PaperId> excluded, Instant addedAfter, Mode mode,
            Field field, Set<PaperId> like, Embedding vector) {
        this(text, limit, offset, excluded, addedAfter, mode, field, like, vector, true);
    }

    /** A query without example papers or vector (the form before they existed). */
    public SearchQuery(String text, int limit, int offset, Set<PaperId> excluded, Instant addedAfter, Mode mode,
            Field field) {
        this(text, limit, offset, excluded, addedAfter, mode, field, Set.of(), null);
    }

    /** A query over all fields (the form before {@link Field} existed). */
    public SearchQuery(String text, int limit, int offset, Set<PaperId> excluded, Instant addedAfter, Mode mode) {
        this(text, limit, offset, excluded, addedAfter, mode, Field.ALL);
    }

    public static SearchQuery of(String text) {
        return new SearchQuery(text, DEFAULT_LIMIT, 0, Set.of(), null, Mode.AUTO);
    }

    public static SearchQuery of(String text, int limit) {
        return new SearchQuery(text, limit, 0, Set.of(), null, Mode.AUTO);
    }

    /** Papers like the examples (a "more like these" topic, or {@code More like this}). */
    public static SearchQuery like(Set<PaperId> examples, int limit) {
        return new SearchQuery("", limit, 0, Set.of(), null, Mode.AUTO, Field.ALL, examples, null);
    }

    public SearchQuery withOffset(int newOffset) {
        return new SearchQuery(text, limit, newOffset, excluded, addedAfter, mode, field, like, vector, snippets);
    }

    public SearchQuery withExcluded(Set<PaperId> newExcluded) {
        return new SearchQuery(text, limit, offset, newExcluded, addedAfter, mode, field, like, vector, snippets);
    }

    public SearchQuery withAddedAfter(Instant instant) {
        return new SearchQuery(text, limit, offset, excluded, instant, mode, field, like, vector, snippets);
    }

    public SearchQuery withMode(Mode newMode) {
        return new SearchQuery(text, limit, offset, excluded, addedAfter, newMode, field, like, vector, snippets);
    }

    public SearchQuery withField(Field newField) {
        return new SearchQuery(text, limit, offset, excluded, addedAfter, mode, newField, like, vector, snippets);
    }

    public SearchQuery withLike(Set<PaperId> examples) {
        return new SearchQuery(text, limit, offset, excluded, addedAfter, mode, field, examples, vector, snippets);
    }

    public SearchQuery withVector(Embedding meaning) {
        return new SearchQuery(text, limit, offset, excluded, addedAfter, mode, field, like, meaning, snippets);
    }

    /** The same query with hits that carry snippets and matched words ({@code true}) or not. */
    public SearchQuery withSnippets(boolean withSnippets) {
        return new SearchQuery(text, limit, offset, excluded, addedAfter, mode, field, like, vector, withSnippets);
    }
}
