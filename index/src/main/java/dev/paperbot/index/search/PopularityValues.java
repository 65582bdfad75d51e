package dev.paperbot.index.search;

import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.paper.Popularity;
import dev.paperbot.index.document.PaperFields;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * Popularity signals as two numeric doc values on the paper's own document ({@link PaperFields#POPULARITY_UPVOTES},
 * {@link PaperFields#POPULARITY_DAY}). Set in place, without re-indexing the paper; read back per paper and scanned
 * for "trending" (only documents that have a signal are visited). Kept apart from {@link LucenePaperIndex} so the
 * index's own code stays about papers.
 */
final class PopularityValues {

    private PopularityValues() {
    }

    /**
     * Buffers the updates of the signals that apply (paper present, signal not older than the one it has); the
     * caller commits. Returns how many apply.
     */
    static int record(IndexWriter writer, IndexReader reader, Collection<Popularity> signals) throws IOException {
        Map<PaperId, Popularity> latest = new LinkedHashMap<>();
        for (Popularity p : signals) {
            latest.merge(p.id(), p, (a, b) -> b.day().isBefore(a.day()) ? a : b);
        }
        IdLookup lookup = new IdLookup(reader);
        int recorded = 0;
        for (Popularity p : latest.values()) {
            int doc = lookup.docId(p.id());
            if (doc < 0) {
                continue;
            }
            Optional<Popularity> known = read(reader, doc, p.id());
            if (known.isPresent() && known.get().day().isAfter(p.day())) {
                continue;
            }
            writer.updateDocValues(new Term(PaperFields.ID, p.id().value()), fields(p.upvotes(), p.day().toEpochDay()));
            recorded++;
        }
        return recorded;
    }

    static Optional<Popularity> read(IndexReader reader, PaperId id) throws IOException {
        int doc = new IdLookup(reader).docId(id);
        return doc < 0 ? Optional.empty() : read(reader, doc, id);
    }

    /** Copies the signal of the document being replaced onto its replacement, so a new version keeps it. */
    static void carryOver(IndexReader reader, PaperId id, Document replacement) throws IOException {
        int doc = new IdLookup(reader).docId(id);
        if (doc < 0) {
            return;
        }
        Optional<Popularity> known = read(reader, doc, id);
        if (known.isPresent()) {
            for (NumericDocValuesField f : fields(known.get().upvotes(), known.get().day().toEpochDay())) {
                replacement.add(f);
            }
        }
    }

    static List<Popularity> trending(IndexReader reader, LocalDate since, int limit) throws IOException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        long sinceDay = since.toEpochDay();
        record Candidate(int doc, long upvotes, long day) {
        }
        Comparator<Candidate> better = Comparator.comparingLong(Candidate::upvotes).thenComparingLong(Candidate::day);
        PriorityQueue<Candidate> top = new PriorityQueue<>(better); // the worst kept candidate first
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafReader r = leaf.reader();
            NumericDocValues days = DocValues.getNumeric(r, PaperFields.POPULARITY_DAY);
            NumericDocValues upvotes = DocValues.getNumeric(r, PaperFields.POPULARITY_UPVOTES);
            Bits live = r.getLiveDocs();
            for (int d = days.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = days.nextDoc()) {
                long day = days.longValue();
                if (day < sinceDay || (live != null && !live.get(d)) || !upvotes.advanceExact(d)) {
                    continue;
                }
                Candidate c = new Candidate(leaf.docBase + d, upvotes.longValue(), day);
                if (top.size() < limit) {
                    top.add(c);
                } else if (better.compare(c, top.peek()) > 0) {
                    top.poll();
                    top.add(c);
                }
            }
        }
        List<Candidate> best = new ArrayList<>(top);
        best.sort(better.reversed());
        List<Popularity> result = new ArrayList<>(best.size());
        var stored = reader.storedFields();
        for (Candidate c : best) {
            PaperId id = new PaperId(stored.document(c.doc(), Set.of(PaperFields.ID)).get(PaperFields.ID));
            result.add(new Popularity(id, (int) c.upvotes(), LocalDate.ofEpochDay(c.day())));
        }
        return result;
    }

    private static Optional<Popularity> read(IndexReader reader, int doc, PaperId id) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        int local = doc - leaf.docBase;
        NumericDocValues days = DocValues.getNumeric(leaf.reader(), PaperFields.POPULARITY_DAY);
        NumericDocValues upvotes = DocValues.getNumeric(leaf.reader(), PaperFields.POPULARITY_UPVOTES);
        if (!days.advanceExact(local) || !upvotes.advanceExact(local)) {
            return Optional.empty();
        }
        return Optional.of(new Popularity(id, (int) upvotes.longValue(), LocalDate.ofEpochDay(days.longValue())));
    }

    private static NumericDocValuesField[] fields(long upvotes, long epochDay) {
        return new NumericDocValuesField[] {
            new NumericDocValuesField(PaperFields.POPULARITY_UPVOTES, upvotes),
            new NumericDocValuesField(PaperFields.POPULARITY_DAY, epochDay)};
    }
}
