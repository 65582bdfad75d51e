package dev.paperbot.index.source;

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
    };

    private final Supplier<PaperFileReader> reader;

    PaperFormat(Supplier<PaperFileReader> reader) {
        this.reader = reader;
    }

    public PaperFileReader reader() {
        return reader.get();
    }

    /** The file to read for a path the user gave (a format may accept a directory). */
    public Path file(Path path) {
        return path;
    }
}
