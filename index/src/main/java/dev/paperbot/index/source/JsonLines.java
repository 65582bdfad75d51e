package dev.paperbot.index.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads JSON Lines: one object a line, blank lines ignored, each bad line reported to the sink with its number.
 * Bytes that are not UTF-8 become replacement characters instead of failing the file. Each format parses a line
 * its own way (a whole tree, or only the fields it uses) and says what to do with it.
 */
public final class JsonLines {

    /** Parses one line; returns null when the line is JSON but not an object, throws when it is not JSON. */
    @FunctionalInterface
    public interface LineParser<T> {
        T parse(String line) throws IOException;
    }

    /**
     * What to do with one parsed object; returns a skip reason, or null when the record was taken (or filtered
     * out). An {@link IllegalArgumentException} (from the paper model or the sink) also skips the line, with its
     * message.
     */
    @FunctionalInterface
    public interface LineHandler<T> {
        String handle(T record, long lineNumber);
    }

    private JsonLines() {
    }

    public static <T> void read(InputStream in, PaperSink sink, LineParser<T> parser, LineHandler<T> handler)
            throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        long lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            T record;
            try {
                record = parser.parse(line);
            } catch (IOException | RuntimeException e) {
                sink.skipped(lineNumber, "not valid JSON");
                continue;
            }
            if (record == null) {
                sink.skipped(lineNumber, "not a JSON object");
                continue;
            }
            String reason;
            try {
                reason = handler.handle(record, lineNumber);
            } catch (IllegalArgumentException e) {
                reason = e.getMessage();
            }
            if (reason != null) {
                sink.skipped(lineNumber, reason);
            }
        }
    }
}
