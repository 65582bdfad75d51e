package dev.paperbot.index.source;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.search.PaperIndex.UpsertSummary;
import dev.paperbot.index.search.BulkLoader;
import dev.paperbot.index.search.BulkOptions;
import dev.paperbot.index.search.LuceneIndex;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Imports a file of papers into an index through its bulk path, and says what it did. */
public final class PaperImport {

    /** Examples of skipped records kept for the report; the rest are only counted. */
    static final int MAX_EXAMPLES = 10;

    /** Told how far an import has got. */
    @FunctionalInterface
    public interface Progress {
        void update(long bytesRead, long papers);
    }

    /** A skipped record: its line and why. */
    public record Skip(long line, String reason) {
    }

    /**
     * What an import did.
     *
     * @param added    new papers
     * @param replaced papers that were already in the index (or earlier in the file) and were replaced
     * @param skipped  records not imported, by reason
     * @param examples the first few skipped records
     * @param filtered good records left out by an {@link ImportFilter}
     */
    public record Report(int added, int replaced, Map<String, Long> skipped, List<Skip> examples, long filtered) {

        public Report {
            skipped = Map.copyOf(skipped);
            examples = List.copyOf(examples);
        }

        public Report(int added, int replaced, Map<String, Long> skipped, List<Skip> examples) {
            this(added, replaced, skipped, examples, 0);
        }

        public long skippedTotal() {
            return skipped.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private PaperImport() {
    }

    /** The size in bytes of what {@link #run} will read, for a progress bar. */
    public static long size(Path path, PaperFormat format) throws IOException {
        return Files.size(format.file(path));
    }

    /**
     * Reads every record of {@code path} in {@code format} and loads the good ones into {@code index}. Files ending
     * in {@code .gz} are decompressed.
     *
     * @throws NoSuchFileException when the file does not exist
     */
    public static Report run(Path path, PaperFormat format, LuceneIndex index, BulkOptions options,
            Progress progress) throws IOException {
        return run(path, format, ImportFilter.none(), index, options, progress);
    }

    /** Like {@link #run(Path, PaperFormat, LuceneIndex, BulkOptions, Progress)}, importing only what passes. */
    public static Report run(Path path, PaperFormat format, ImportFilter filter, LuceneIndex index,
            BulkOptions options, Progress progress) throws IOException {
        Path file = format.file(path);
        long[] filtered = {0};
        Map<String, Long> skipped = new LinkedHashMap<>();
        List<Skip> examples = new ArrayList<>();
        UpsertSummary summary;
        try (CountingStream counting = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(counting, 1 << 16) : counting;
                BulkLoader loader = index.bulkLoader(options)) {
            format.reader(filter).read(in, new PaperSink() {
                @Override
                public void paper(Paper paper) {
                    // A paper the index refuses (an id too long, ...) throws IllegalArgumentException, which the
                    // reader reports as a skip of its line.
                    loader.add(paper);
                    if ((loader.count() & 1023) == 0) {
                        progress.update(counting.count, loader.count());
                    }
                }

                @Override
                public void skipped(long lineNumber, String reason) {
                    skipped.merge(reason, 1L, Long::sum);
                    if (examples.size() < MAX_EXAMPLES) {
                        examples.add(new Skip(lineNumber, reason));
                    }
                }

                @Override
                public void filtered(long line) {
                    filtered[0]++;
                }
            });
            summary = loader.finish();
            progress.update(counting.count, loader.count());
        }
        return new Report(summary.added(), summary.replaced(), skipped, examples, filtered[0]);
    }

    /** Counts the bytes read from the file (before decompression), for progress. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }
}
