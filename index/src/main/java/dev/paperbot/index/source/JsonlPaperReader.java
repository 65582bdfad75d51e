package dev.paperbot.index.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads paperbot's own JSON Lines format: {@code {"title": ..., "abstract": ...}} with optional {@code id} (an
 * arXiv id in any spelling, or any other stable id), {@code authors} (a list, or one string separated by commas
 * and "and"), {@code categories} (a list, or one string separated by spaces or commas), {@code date}
 * ({@code YYYY-MM-DD}, or a timestamp that starts with it) and {@code url}. Without an id, the id is derived from
 * the title.
 */
final class JsonlPaperReader implements PaperFileReader {

    private final String source;

    JsonlPaperReader(String source) {
        this.source = source;
    }

    @Override
    public void read(InputStream in, PaperSink sink) throws IOException {
        JsonRecords.read(in, sink, record -> {
            String title = JsonRecords.text(record, "title");
            if (title.isEmpty()) {
                return "no title";
            }
            String rawId = JsonRecords.text(record, "id");
            PaperId id = rawId.isEmpty() ? PaperId.fromTitle(title)
                    : PaperId.arxiv(rawId).orElseGet(() -> new PaperId(rawId));
            LocalDate date = null;
            String rawDate = JsonRecords.text(record, "date");
            if (!rawDate.isEmpty()) {
                try {
                    date = LocalDate.parse(rawDate.length() > 10 ? rawDate.substring(0, 10) : rawDate);
                } catch (DateTimeParseException e) {
                    return "date is not YYYY-MM-DD";
                }
            }
            String url = JsonRecords.text(record, "url");
            sink.paper(new Paper(id, title, JsonRecords.text(record, "abstract"),
                    list(record.get("authors"), ",|\\band\\b"), list(record.get("categories"), "[\\s,]+"),
                    date, null, url.isEmpty() ? null : url, source));
            return null;
        });
    }

    /** A JSON list of strings, or one string split by {@code separator}. */
    private static List<String> list(JsonNode node, String separator) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText().replaceAll("\\s+", " ").strip()));
        } else {
            values.addAll(Arrays.asList(node.asText().split(separator)));
        }
        return values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
