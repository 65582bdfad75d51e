package dev.paperbot.index.source;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.index.source.kaggle.KaggleSnapshotReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The file formats {@code paperbot import --format ...} reads. A new format is one more constant with its reader
 * (for example the Kaggle arXiv snapshot, from its own subpackage).
 *
 * <p>Every format reads each id once per file: a later line with an id already read is skipped and counted
 * ({@value FirstOfEachId#REPEATED}), after the filter, so a line the filter leaves out does not hold its id. An
 * import with several indexing threads therefore gives the same index every time (two papers with one id in
 * different batches would otherwise race to be the one kept).
 */
public enum PaperFormat {

    /** One JSON object a line: {@code title}, {@code abstract}, optional {@code id}, {@code authors}, ... */
    JSONL(filter -> afterFilter(new JsonlPaperReader("jsonl"), filter)),
    /** A BEIR corpus: {@code corpus.jsonl} with {@code _id}, {@code title}, {@code text}; or its directory. */
    BEIR(filter -> afterFilter(new BeirCorpusReader(), filter)) {
        @Override
        public Path file(Path path) {
            return Files.isDirectory(path) ? path.resolve("corpus.jsonl") : path;
        }
    },
    /**
     * The Kaggle arXiv metadata snapshot ({@code arxiv-metadata-oai-snapshot.json}), filtered while it is read
     * (cheaper: before any text is cleaned).
     */
    KAGGLE(KaggleSnapshotReader::new);

    private final Function<ImportFilter, PaperFileReader> reader;

    PaperFormat(Function<ImportFilter, PaperFileReader> reader) {
        this.reader = reader;
    }

    public PaperFileReader reader() {
        return reader(ImportFilter.none());
    }

    /** A reader that passes only the papers the filter accepts and reports the others as filtered. */
    public PaperFileReader reader(ImportFilter filter) {
        return reader.apply(filter);
    }

    /** The file to read for a path the user gave (a format may accept a directory). */
    public Path file(Path path) {
        return path;
    }

    /** A reader of all papers, filtered after reading, each id once. */
    private static PaperFileReader afterFilter(PaperFileReader all, ImportFilter filter) {
        return (InputStream in, PaperSink sink) -> {
            PaperSink unique = new FirstOfEachId(sink);
            all.read(in, filter.isEmpty() ? unique : new FilteringSink(unique, filter));
        };
    }

    /** Reports papers outside the filter as filtered; counts lines itself as sinks only see papers. */
    private static final class FilteringSink implements PaperSink {
        private final PaperSink next;
        private final ImportFilter filter;
        private long papers;

        FilteringSink(PaperSink next, ImportFilter filter) {
            this.next = next;
            this.filter = filter;
        }

        @Override
        public void paper(Paper paper) {
            papers++;
            if (filter.acceptsCategories(paper.categories()) && filter.acceptsDate(paper.published())) {
                next.paper(paper);
            } else {
                next.filtered(papers);
            }
        }

        @Override
        public void skipped(long line, String reason) {
            next.skipped(line, reason);
        }
    }
}
