package dev.paperbot.index.search;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.search.Embedding;
import dev.paperbot.index.document.PaperDocuments;
import dev.paperbot.index.document.PaperFields;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The vector fields of a paper's document: adding them, reading them back, carrying them into a replacement whose
 * text did not change, and finding the documents that still wait for theirs. A vector is only ever in a document
 * for that document's own text: a changed text makes a new document without one.
 */
final class DocumentVectors {

    /** Embedding models write unit vectors, so the dot product is the cosine (and the cheapest to compute). */
    static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    private static final Set<String> STATE_FIELDS = Set.of(PaperFields.CONTENT_HASH, PaperFields.VECTOR_MODEL);

    /**
     * What a document holds about its vector, read before it is replaced.
     *
     * @param contentHash the hash of the text the document was built from
     * @param model       the model it was embedded with, or null when it was not embedded yet
     * @param vector      its vector; null when not embedded, or when the model could not embed the text
     */
    record State(String contentHash, String model, Embedding vector) {
    }

    private DocumentVectors() {
    }

    /** Adds a vector computed by {@code model} for the document's text. */
    static void add(Document doc, String model, Embedding vector) {
        doc.add(new KnnFloatVectorField(PaperFields.VECTOR, vector.toArray(), SIMILARITY));
        doc.add(new StringField(PaperFields.VECTOR_MODEL, model, Field.Store.YES));
    }

    /** Records that {@code model} could not embed the document's text, so that nobody waits for it again. */
    static void markUnembeddable(Document doc, String model) {
        doc.add(new StringField(PaperFields.VECTOR_MODEL, model, Field.Store.YES));
    }

    /**
     * The document for a paper together with its vector, exactly as an upsert would build it (same fields, same
     * first-added instant), so that attaching a vector changes nothing else about the paper.
     */
    static Document withVector(Paper paper, java.time.Instant addedAt, String model, Embedding vector) {
        Document doc = PaperDocuments.toDocument(paper, addedAt);
        if (vector == null) {
            markUnembeddable(doc, model);
        } else {
            add(doc, model, vector);
        }
        return doc;
    }

    /**
     * Carries the vector of the document being replaced into {@code replacement} when the text is the same (equal
     * content hashes): an unchanged paper is never embedded twice, whatever model is configured now.
     */
    static void carry(State previous, Document replacement) {
        if (previous == null || previous.model() == null
                || !previous.contentHash().equals(replacement.get(PaperFields.CONTENT_HASH))) {
            return;
        }
        if (previous.vector() == null) {
            markUnembeddable(replacement, previous.model());
        } else {
            add(replacement, previous.model(), previous.vector());
        }
    }

    /** The vector state of a live document (global doc id) of {@code reader}. */
    static State state(IndexReader reader, int docId) throws IOException {
        Document stored = reader.storedFields().document(docId, STATE_FIELDS);
        String model = stored.get(PaperFields.VECTOR_MODEL);
        return new State(stored.get(PaperFields.CONTENT_HASH), model, model == null ? null : vector(reader, docId));
    }

    /** The vector of a document (global doc id), or null when it has none. */
    static Embedding vector(IndexReader reader, int docId) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(PaperFields.VECTOR);
        if (values == null) {
            return null;
        }
        int target = docId - leaf.docBase;
        KnnVectorValues.DocIndexIterator it = values.iterator();
        if (it.advance(target) != target) {
            return null;
        }
        return Embedding.of(values.vectorValue(it.index()));
    }

    /** Documents that wait to be embedded with {@code model}: never embedded, or embedded with another model. */
    static Query pending(String model) {
        return new BooleanQuery.Builder()
                .add(MatchAllDocsQuery.INSTANCE, Occur.FILTER)
                .add(new TermQuery(new Term(PaperFields.VECTOR_MODEL, model)), Occur.MUST_NOT)
                .build();
    }

    /** Documents embedded with {@code model} (including those it could not embed). */
    static Query embedded(String model) {
        return new TermQuery(new Term(PaperFields.VECTOR_MODEL, model));
    }
}
