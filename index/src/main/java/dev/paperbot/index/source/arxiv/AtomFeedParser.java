package dev.paperbot.index.source.arxiv;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.index.source.http.BodyParser;
import dev.paperbot.index.source.text.SourceDates;
import dev.paperbot.index.source.text.SourceText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an arXiv API ({@code /api/query}) Atom response, classic (2007-2024) or current shape: entries with id,
 * title, summary, authors, categories (primary first), published and updated; {@code opensearch:totalResults} for
 * paging. A query the API rejects comes back as a single entry whose id is an {@code api/errors} URL.
 */
final class AtomFeedParser implements BodyParser<AtomFeedParser.Feed> {

    record Entry(int position, Paper paper, String problem) {
    }

    record Feed(List<Entry> entries, long totalResults, Optional<String> apiError) {
    }

    @Override
    public Feed parse(String body) throws MalformedBodyException {
        List<Entry> entries = new ArrayList<>();
        long total = -1;
        Optional<String> error = Optional.empty();
        boolean sawFeed = false;
        try {
            XMLStreamReader r = Xml.reader(body);
            while (Xml.nextStartTag(r, null)) {
                switch (r.getLocalName()) {
                    case "feed" -> sawFeed = true;
                    case "totalResults" -> total = parseLong(Xml.text(r));
                    case "entry" -> {
                        RawEntry raw = entry(r);
                        if (raw.id.contains("/api/errors")) {
                            error = Optional.of(SourceText.clean(raw.summary));
                        } else {
                            entries.add(raw.toEntry(entries.size() + 1));
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw Xml.malformed("the arXiv API response", e);
        }
        if (!sawFeed) {
            throw new MalformedBodyException("the response is XML but not an Atom feed");
        }
        return new Feed(entries, total, error);
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static final class RawEntry {
        String id = "";
        String title = "";
        String summary = "";
        String published;
        String updated;
        String primary;
        final List<String> authors = new ArrayList<>();
        final List<String> categories = new ArrayList<>();

        Entry toEntry(int position) {
            Optional<PaperId> paperId = PaperId.arxiv(id);
            if (paperId.isEmpty()) {
                return new Entry(position, null, "no arXiv id in '" + id + "'");
            }
            String cleanTitle = SourceText.clean(title);
            if (cleanTitle.isEmpty()) {
                return new Entry(position, null, "no title for " + paperId.get());
            }
            List<String> cats = new ArrayList<>();
            if (primary != null && !primary.isBlank()) {
                cats.add(primary.strip());
            }
            categories.stream().map(String::strip).filter(c -> !c.isEmpty() && !cats.contains(c)).forEach(cats::add);
            Optional<LocalDate> first = SourceDates.isoDate(published);
            Optional<LocalDate> last = SourceDates.isoDate(updated).or(() -> first);
            return new Entry(position, new Paper(paperId.get(), cleanTitle, SourceText.clean(summary), authors, cats,
                    first.orElse(null), last.orElse(null), "https://arxiv.org/abs/" + paperId.get().value(), "arxiv"),
                    null);
        }
    }

    private static RawEntry entry(XMLStreamReader r) throws XMLStreamException {
        RawEntry e = new RawEntry();
        while (Xml.nextStartTag(r, "entry")) {
            switch (r.getLocalName()) {
                case "id" -> e.id = Xml.text(r).strip();
                case "title" -> e.title = Xml.text(r);
                case "summary" -> e.summary = Xml.text(r);
                case "published" -> e.published = Xml.text(r);
                case "updated" -> e.updated = Xml.text(r);
                case "primary_category" -> e.primary = r.getAttributeValue(null, "term");
                case "category" -> e.categories.add(String.valueOf(r.getAttributeValue(null, "term")));
                case "author" -> {
                    // <author><name>..</name><arxiv:affiliation>..</arxiv:affiliation></author>
                    String name = "";
                    while (Xml.nextStartTag(r, "author")) {
                        String text = Xml.text(r);
                        if (r.getLocalName().equals("name")) {
                            name = text;
                        }
                    }
                    String clean = SourceText.clean(name);
                    if (!clean.isEmpty()) {
                        e.authors.add(clean);
                    }
                }
                default -> {
                }
            }
        }
        return e;
    }
}
