package dev.paperbot.index.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads JSON Lines: one object a line, blank lines ignored, each bad line reported with its number. */
final class JsonRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What to do with one JSON object; returns a skip reason, or null when the record was taken. An
     * {@link IllegalArgumentException} (from the paper model or the sink) also skips the record, with its message.
     */
    @FunctionalInterface
    interface RecordHandler {
        String handle(JsonNode record);
    }

    private JsonRecords() {
    }

    static void read(InputStream in, PaperSink sink, RecordHandler handler) throws IOException {
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
            JsonNode record;
            try {
                record = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                sink.skipped(lineNumber, "not valid JSON");
                continue;
            }
            if (record == null || !record.isObject()) {
                sink.skipped(lineNumber, "not a JSON object");
                continue;
            }
            String reason;
            try {
                reason = handler.handle(record);
            } catch (IllegalArgumentException e) {
                reason = e.getMessage();
            }
            if (reason != null) {
                sink.skipped(lineNumber, reason);
            }
        }
    }

    /** A text field with white space collapsed (titles come with line breaks); empty when absent or not text. */
    static String text(JsonNode record, String field) {
        JsonNode node = record.get(field);
        if (node == null || !(node.isTextual() || node.isNumber())) {
            return "";
        }
        return node.asText().replaceAll("\\s+", " ").strip();
    }
}
