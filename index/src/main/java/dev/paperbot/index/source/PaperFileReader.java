package dev.paperbot.index.source;

import java.io.IOException;
import java.io.InputStream;

/** Reads the papers of one file format from a stream; bad records are reported to the sink and skipped. */
@FunctionalInterface
public interface PaperFileReader {

    /** Reads every record, in order; throws only when the stream itself fails. */
    void read(InputStream in, PaperSink sink) throws IOException;
}
