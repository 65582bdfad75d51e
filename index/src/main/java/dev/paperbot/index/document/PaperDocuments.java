package dev.paperbot.index.document;

import dev.paperbot.core.hash.Sha256;
import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/** Converts papers to Lucene documents and back. */
public final class PaperDocuments {

    /** Longest id, author name or category accepted. */
    public static final int MAX_EXACT_LENGTH = 1_000;

    private PaperDocuments() {
    }

    /** The document for a paper first added to the index at {@code addedAt}. */
    public static Document toDocument(Paper paper, Instant addedAt) {
        requireIndexable(paper);
        Document doc = new Document();
        doc.add(new StringField(PaperFields.ID, paper.id().value(), Field.Store.YES));
        doc.add(new TextField(PaperFields.TITLE, paper.title(), Field.Store.YES));
        doc.add(new StoredField(PaperFields.ABSTRACT, paper.abstractText()));
        doc.add(new TextField(PaperFields.TEXT, searchableText(paper), Field.Store.NO));
        for (String author : paper.authors()) {
            doc.add(new StringField(PaperFields.AUTHOR, author, Field.Store.YES));
            doc.add(new StringField(PaperFields.AUTHOR_KEY, authorKey(author), Field.Store.NO));
        }
        for (String category : paper.categories()) {
            doc.add(new StringField(PaperFields.CATEGORY, category, Field.Store.YES));
        }
        if (paper.published() != null) {
            doc.add(new StoredField(PaperFields.PUBLISHED, paper.published().toString()));
        }
        if (paper.updated() != null) {
            doc.add(new StoredField(PaperFields.UPDATED, paper.updated().toString()));
        }
        doc.add(new StoredField(PaperFields.URL, paper.url()));
        doc.add(new StoredField(PaperFields.SOURCE, paper.source()));
        doc.add(new LongField(PaperFields.ADDED, addedAt.toEpochMilli(), Field.Store.YES));
        doc.add(new StoredField(PaperFields.CONTENT_HASH, contentHash(paper)));
        return doc;
    }

    /**
     * Checks what {@link #toDocument} would refuse, so a caller that indexes on another thread can refuse it first.
     *
     * @throws IllegalArgumentException when an id, author name or category is too long to index as one token
     */
    public static void requireIndexable(Paper paper) {
        requireShort("id", paper.id().value());
        paper.authors().forEach(author -> requireShort("author name", author));
        paper.categories().forEach(category -> requireShort("category", category));
    }

    /** The paper stored in a document read back from the index. */
    public static Paper toPaper(Document doc) {
        return new Paper(
                new PaperId(doc.get(PaperFields.ID)),
                doc.get(PaperFields.TITLE),
                doc.get(PaperFields.ABSTRACT),
                Arrays.asList(doc.getValues(PaperFields.AUTHOR)),
                Arrays.asList(doc.getValues(PaperFields.CATEGORY)),
                date(doc.get(PaperFields.PUBLISHED)),
                date(doc.get(PaperFields.UPDATED)),
                doc.get(PaperFields.URL),
                doc.get(PaperFields.SOURCE));
    }

    /** When the paper in a stored document was first added to the index. */
    public static Instant addedAt(Document doc) {
        IndexableField added = doc.getField(PaperFields.ADDED);
        return Instant.ofEpochMilli(added.storedValue().getLongValue());
    }

    /**
     * The text searched for a paper: its title, then its abstract. A source without titles may title a paper with
     * the opening words of its abstract; those words are then indexed once, not twice.
     */
    public static String searchableText(Paper paper) {
        String title = paper.title();
        String abstractText = paper.abstractText();
        String lead = title.endsWith("…") ? title.substring(0, title.length() - 1).strip() : title;
        if (abstractText.startsWith(lead)) {
            return abstractText;
        }
        return abstractText.isEmpty() ? title : title + "\n" + abstractText;
    }

    /**
     * A fingerprint of what a paper says (title and abstract): equal hashes mean there is nothing to re-embed.
     * Hex SHA-256 of the title, a line feed, and the abstract, in UTF-8.
     */
    public static String contentHash(Paper paper) {
        return Sha256.hex(paper.title() + "\n" + paper.abstractText());
    }

    /** An author name as compared in author searches: ASCII-folded, lower case, white space collapsed. */
    public static String authorKey(String name) {
        String stripped = name.strip();
        // Most names have single spaces only: the regular expression is for the others (bulk imports call this a lot).
        String collapsed = singleSpaced(stripped) ? stripped : stripped.replaceAll("\\s+", " ");
        char[] folded = new char[collapsed.length() * 4];
        int length = ASCIIFoldingFilter.foldToASCII(collapsed.toCharArray(), 0, folded, 0, collapsed.length());
        return new String(folded, 0, length).toLowerCase(Locale.ROOT);
    }

    /** True when the only white space in a (stripped) text is single ASCII spaces. */
    private static boolean singleSpaced(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' ? i > 0 && text.charAt(i - 1) == ' ' : Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** Values indexed as one exact token must stay far below Lucene's term limit (32766 bytes). */
    private static void requireShort(String what, String value) {
        if (value.length() > MAX_EXACT_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_EXACT_LENGTH + " characters");
        }
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
