package dev.paperbot.index.search;

import dev.paperbot.core.paper.PaperId;
import dev.paperbot.index.document.PaperFields;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Finds papers by id in one point-in-time reader with direct term lookups (no query, no scoring), and reads the
 * instant each was first added from doc values. Keeps its per-segment enums, so a bulk load reuses it for every
 * paper; not thread-safe.
 */
final class IdLookup {

    private final List<LeafReaderContext> leaves;
    private final TermsEnum[] termsEnums;
    private PostingsEnum postings;

    IdLookup(IndexReader reader) throws IOException {
        this.leaves = reader.leaves();
        this.termsEnums = new TermsEnum[leaves.size()];
        for (int i = 0; i < leaves.size(); i++) {
            Terms terms = leaves.get(i).reader().terms(PaperFields.ID);
            termsEnums[i] = terms == null ? null : terms.iterator();
        }
    }

    /** The global doc id of the live document with this id, or -1. */
    int docId(PaperId id) throws IOException {
        BytesRef term = new BytesRef(id.value());
        for (int i = 0; i < leaves.size(); i++) {
            int doc = leafDoc(i, term);
            if (doc >= 0) {
                return leaves.get(i).docBase + doc;
            }
        }
        return -1;
    }

    /** When the paper with this id was first added, or empty when it is not in the index. */
    Optional<Instant> addedAt(PaperId id) throws IOException {
        BytesRef term = new BytesRef(id.value());
        for (int i = 0; i < leaves.size(); i++) {
            int doc = leafDoc(i, term);
            if (doc >= 0) {
                SortedNumericDocValues added = DocValues.getSortedNumeric(leaves.get(i).reader(), PaperFields.ADDED);
                if (!added.advanceExact(doc)) {
                    throw new IllegalStateException("paper " + id + " has no added instant");
                }
                return Optional.of(Instant.ofEpochMilli(added.nextValue()));
            }
        }
        return Optional.empty();
    }

    private int leafDoc(int leaf, BytesRef term) throws IOException {
        TermsEnum te = termsEnums[leaf];
        if (te == null || !te.seekExact(term)) {
            return -1;
        }
        postings = te.postings(postings, PostingsEnum.NONE);
        Bits live = leaves.get(leaf).reader().getLiveDocs();
        for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
            if (live == null || live.get(d)) {
                return d;
            }
        }
        return -1;
    }
}
