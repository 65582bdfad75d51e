package dev.paperbot.index.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/** JSON Lines read as whole trees (paperbot's own format, BEIR), and the text fields of such records. */
final class JsonRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to do with one JSON object; returns a skip reason, or null when the record was taken. */
    @FunctionalInterface
    interface RecordHandler {
        String handle(JsonNode record);
    }

    private JsonRecords() {
    }

    /** Reads every line as in {@link JsonLines#read}. */
    static void read(InputStream in, PaperSink sink, RecordHandler handler) throws IOException {
        JsonLines.read(in, sink, JsonRecords::object, (record, lineNumber) -> handler.handle(record));
    }

    private static JsonNode object(String line) throws IOException {
        JsonNode record = JSON.readTree(line);
        return record != null && record.isObject() ? record : null;
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
