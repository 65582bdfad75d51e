package dev.paperbot.index.document;

/**
 * Every field name of the paper index, in one place: the indexer, the searcher, the highlighter and the evaluation
 * all refer to these.
 */
public final class PaperFields {

    /** The paper id: indexed as one exact token (replacement, exclusion, lookup) and stored. */
    public static final String ID = "id";
    /** The title: analysed (for the title boost) and stored. */
    public static final String TITLE = "title";
    /** The abstract: stored only; it is searched through {@link #TEXT} and re-analysed for snippets. */
    public static final String ABSTRACT = "abstract";
    /** Title and abstract as one analysed text, not stored: the main BM25 field. */
    public static final String TEXT = "text";
    /** Author names, one value each: stored, and indexed as exact tokens for later filters. */
    public static final String AUTHOR = "author";
    /**
     * Each author's name as one exact token, ASCII-folded, lower case, single spaces ({@link
     * PaperDocuments#authorKey}): author topics find {@code Yann LeCun} as {@code yann lecun} or {@code Yann Lecun}.
     */
    public static final String AUTHOR_KEY = "author_key";
    /** Subject categories such as {@code cs.LG}: stored, and indexed as exact tokens for later filters. */
    public static final String CATEGORY = "category";
    /** First publication date, ISO-8601, stored. */
    public static final String PUBLISHED = "published";
    /** Date of the latest version, ISO-8601, stored. */
    public static final String UPDATED = "updated";
    public static final String URL = "url";
    public static final String SOURCE = "source";
    /**
     * When the paper was first added to this index, epoch milliseconds: a point (range filters), a doc value (read
     * back cheaply on replacement) and stored. Kept when the paper is replaced.
     */
    public static final String ADDED = "added";
    /** SHA-256 of title and abstract, hex: tells whether a replaced paper's text changed (re-embedding). */
    public static final String CONTENT_HASH = "content_hash";
    /**
     * The meaning vector of title and abstract (HNSW, dot product of unit vectors): added in the background after the
     * paper, kept when a replacement has the same {@link #CONTENT_HASH}.
     */
    public static final String VECTOR = "vector";
    /**
     * The embedding model the paper was embedded with (exact token, stored); a paper without it, or with another
     * model's name, waits to be embedded. Also set, without a vector, for a text the model could not embed.
     */
    public static final String VECTOR_MODEL = "vector_model";

    /**
     * Upvotes of the paper's latest popularity signal (Hugging Face daily papers): a numeric doc value only, set
     * in place with {@code IndexWriter.updateDocValues} and carried over when the paper is replaced.
     */
    public static final String POPULARITY_UPVOTES = "popularity_upvotes";
    /** The day of that signal, as epoch day: a numeric doc value only, beside {@link #POPULARITY_UPVOTES}. */
    public static final String POPULARITY_DAY = "popularity_day";

    private PaperFields() {
    }
}
