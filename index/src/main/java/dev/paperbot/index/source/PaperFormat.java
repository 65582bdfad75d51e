package dev.paperbot.index.source;

import dev.paperbot.index.source.kaggle.KaggleSnapshotReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The file formats {@code paperbot import --format ...} reads. A new format is one more constant with its reader
 * (for example the Kaggle arXiv snapshot, from its own subpackage).
 */
public enum PaperFormat {

    /** One JSON object a line: {@code title}, {@code abstract}, optional {@code id}, {@code authors}, ... */
    JSONL(() -> new JsonlPaperReader("jsonl")),
    /** A BEIR corpus: {@code corpus.jsonl} with {@code _id}, {@code title}, {@code text}; or its directory. */
    BEIR(BeirCorpusReader::new) {
        @Override
        public Path file(Path path) {
            return Files.isDirectory(path) ? path.resolve("corpus.jsonl") : path;
        }
    },
    /** The Kaggle arXiv metadata snapshot ({@code arxiv-metadata-oai-snapshot.json}), filtered while it is read. */
    KAGGLE(() -> new KaggleSnapshotReader(ImportFilter.none())) {
        @Override
        public PaperFileReader reader(ImportFilter filter) {
            return new KaggleSnapshotReader(filter);
        }
    };

    private final Supplier<PaperFileReader> reader;

    PaperFormat(Supplier<PaperFileReader> reader) {
        this.reader = reader;
    }

    public PaperFileReader reader() {
        return reader.get();
    }

    /**
     * A reader that passes only the papers the filter accepts and reports the others as filtered. Formats that can
     * filter while parsing (cheaper) override this.
     */
    public PaperFileReader reader(ImportFilter filter) {
        PaperFileReader all = reader();
        if (filter.isEmpty()) {
            return all;
        }
        return (InputStream in, PaperSink sink) -> all.read(in, new FilteringSink(sink, filter));
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
        public void paper(dev.paperbot.core.paper.Paper paper) {
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

    /** The file to read for a path the user gave (a format may accept a directory). */
    public Path file(Path path) {
        return path;
    }
}
