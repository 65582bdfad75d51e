package dev.paperbot.index.source.kaggle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.index.source.FirstOfEachId;
import dev.paperbot.index.source.ImportFilter;
import dev.paperbot.index.source.JsonLines;
import dev.paperbot.index.source.PaperFileReader;
import dev.paperbot.index.source.PaperSink;
import dev.paperbot.index.source.text.SourceDates;
import dev.paperbot.index.source.text.SourceText;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the Kaggle arXiv metadata snapshot ({@code arxiv-metadata-oai-snapshot.json}): one JSON object a line with
 * {@code id}, {@code title}, {@code abstract}, {@code categories} (space separated), {@code authors_parsed}
 * ({@code [last, first, suffix, ...]} in paper order), {@code versions} ({@code created} in RFC 822) and
 * {@code update_date}. Streams line by line with Jackson's token parser; the filter is applied before any text is
 * cleaned, so filtered-out lines cost little. Bad lines are reported with their number and skipped.
 */
public final class KaggleSnapshotReader implements PaperFileReader {

    private static final JsonFactory JSON = new JsonFactory();

    private final ImportFilter filter;

    public KaggleSnapshotReader(ImportFilter filter) {
        this.filter = filter == null ? ImportFilter.none() : filter;
    }

    /** One line's raw fields, before cleaning. */
    private static final class Raw {
        String id;
        String title;
        String abstractText;
        String categories;
        String authors;
        List<List<String>> authorsParsed;
        String firstCreated;
        String lastCreated;
        String updateDate;
    }

    @Override
    public void read(InputStream in, PaperSink sink) throws IOException {
        // The snapshot has one line per paper: a repeated id is skipped, so the bulk path may add without lookups.
        PaperSink unique = new FirstOfEachId(sink);
        JsonLines.read(in, unique, KaggleSnapshotReader::parse, (raw, lineNumber) -> handle(raw, lineNumber, unique));
    }

    /** Returns a skip reason, or null when the line was given to the sink (or filtered out). */
    private String handle(Raw raw, long lineNumber, PaperSink sink) {
        if (raw.id == null || raw.id.isBlank()) {
            return "no id";
        }
        Optional<PaperId> id = PaperId.arxiv(raw.id);
        if (id.isEmpty()) {
            return "not an arXiv id";
        }
        List<String> categories = raw.categories == null ? List.of() : splitCategories(raw.categories);
        Optional<LocalDate> first = SourceDates.rfc822Date(raw.firstCreated);
        Optional<LocalDate> updateDate = SourceDates.isoDate(raw.updateDate);
        LocalDate published = first.or(() -> updateDate).orElse(null);
        if (!filter.acceptsCategories(categories) || !filter.acceptsDate(published)) {
            sink.filtered(lineNumber);
            return null;
        }
        String title = SourceText.clean(raw.title);
        if (title.isEmpty()) {
            return "no title";
        }
        LocalDate updated = SourceDates.rfc822Date(raw.lastCreated).or(() -> updateDate).orElse(published);
        sink.paper(new Paper(id.get(), title, SourceText.clean(raw.abstractText), authors(raw), categories,
                published, updated, "https://arxiv.org/abs/" + id.get().value(), "kaggle"));
        return null;
    }

    private static List<String> splitCategories(String text) {
        List<String> out = new ArrayList<>(3);
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || Character.isWhitespace(text.charAt(i));
            if (space && start >= 0) {
                out.add(text.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return out;
    }

    /** {@code authors_parsed} in order ("first last suffix"); the free-text {@code authors} when it is missing. */
    private static List<String> authors(Raw raw) {
        List<String> names = new ArrayList<>();
        if (raw.authorsParsed != null && !raw.authorsParsed.isEmpty()) {
            for (List<String> parts : raw.authorsParsed) {
                String last = parts.size() > 0 ? parts.get(0) : "";
                String first = parts.size() > 1 ? parts.get(1) : "";
                String suffix = parts.size() > 2 ? parts.get(2) : "";
                String name = SourceText.clean(first + " " + last + " " + suffix);
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
            return names;
        }
        if (raw.authors != null) {
            for (String part : raw.authors.split(",|\\band\\b")) {
                String name = SourceText.clean(part);
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /**
     * Pulls the fields paperbot uses out of one line, skipping the rest without building objects for them; null when
     * the line holds no object.
     */
    private static Raw parse(String line) throws IOException {
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Raw raw = new Raw();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "id" -> raw.id = scalar(p, value);
                    case "title" -> raw.title = scalar(p, value);
                    case "abstract" -> raw.abstractText = scalar(p, value);
                    case "categories" -> raw.categories = scalar(p, value);
                    case "authors" -> raw.authors = scalar(p, value);
                    case "update_date" -> raw.updateDate = scalar(p, value);
                    case "authors_parsed" -> raw.authorsParsed = authorsParsed(p, value);
                    case "versions" -> versions(p, value, raw);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new IOException("unexpected " + p.currentToken());
            }
            if (p.nextToken() != null) {
                throw new IOException("more than one value on the line");
            }
            return raw;
        }
    }

    private static String scalar(JsonParser p, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING || token.isNumeric()) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    private static List<List<String>> authorsParsed(JsonParser p, JsonToken token) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        List<List<String>> authors = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_ARRAY) {
            List<String> parts = new ArrayList<>(3);
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == JsonToken.VALUE_STRING) {
                    parts.add(p.getText());
                } else {
                    p.skipChildren();
                    parts.add("");
                }
            }
            authors.add(parts);
        }
        return authors;
    }

    private static void versions(JsonParser p, JsonToken token, Raw raw) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("created") && value == JsonToken.VALUE_STRING) {
                    if (raw.firstCreated == null) {
                        raw.firstCreated = p.getText();
                    }
                    raw.lastCreated = p.getText();
                } else {
                    p.skipChildren();
                }
            }
        }
    }
}
