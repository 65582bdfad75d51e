package dev.paperbot.index.source.arxiv;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.index.source.http.BodyParser;
import dev.paperbot.index.source.text.SourceDates;
import dev.paperbot.index.source.text.SourceText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one OAI-PMH {@code ListRecords} page in arXiv's own metadata format ({@code metadataPrefix=arXiv}): the
 * records, the resumption token (absent or empty on the last page; the current endpoint's tokens carry no cursor
 * and expire daily) and any OAI error ({@code noRecordsMatch} simply means nothing changed).
 */
final class OaiPageParser implements BodyParser<OaiPageParser.Page> {

    record Record(String where, Paper paper, String problem) {
    }

    record Page(List<Record> records, String resumptionToken, String errorCode, String errorMessage,
                Optional<LocalDate> responseDate) {
        boolean hasMore() {
            return resumptionToken != null && !resumptionToken.isBlank();
        }
    }

    @Override
    public Page parse(String body) throws MalformedBodyException {
        List<Record> records = new ArrayList<>();
        String token = null;
        String errorCode = null;
        String errorMessage = null;
        Optional<LocalDate> responseDate = Optional.empty();
        boolean sawRoot = false;
        try {
            XMLStreamReader r = Xml.reader(body);
            while (Xml.nextStartTag(r, null)) {
                switch (r.getLocalName()) {
                    case "OAI-PMH" -> sawRoot = true;
                    case "responseDate" -> responseDate = SourceDates.isoDate(Xml.text(r));
                    case "error" -> {
                        errorCode = r.getAttributeValue(null, "code");
                        errorMessage = Xml.text(r).strip();
                    }
                    case "record" -> records.add(record(r, records.size() + 1));
                    case "resumptionToken" -> token = Xml.text(r).strip();
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw Xml.malformed("the OAI-PMH page", e);
        }
        if (!sawRoot) {
            throw new MalformedBodyException("the response is XML but not an OAI-PMH page");
        }
        return new Page(records, token, errorCode, errorMessage, responseDate);
    }

    private static Record record(XMLStreamReader r, int position) throws XMLStreamException {
        String identifier = null;
        boolean deleted = false;
        String id = null;
        String created = null;
        String updated = null;
        String title = null;
        String abstractText = "";
        String categories = "";
        List<String> authors = new ArrayList<>();
        while (Xml.nextStartTag(r, "record")) {
            switch (r.getLocalName()) {
                case "header" -> deleted = "deleted".equals(r.getAttributeValue(null, "status"));
                case "identifier" -> identifier = Xml.text(r).strip();
                case "id" -> id = Xml.text(r).strip();
                case "created" -> created = Xml.text(r);
                case "updated" -> updated = Xml.text(r);
                case "title" -> title = Xml.text(r);
                case "abstract" -> abstractText = Xml.text(r);
                case "categories" -> categories = Xml.text(r);
                case "author" -> authors.add(author(r));
                default -> {
                }
            }
        }
        String where = identifier != null ? identifier : "record " + position;
        if (deleted) {
            return new Record(where, null, "deleted record");
        }
        Optional<PaperId> paperId = PaperId.arxiv(id != null ? id : identifier);
        if (paperId.isEmpty()) {
            return new Record(where, null, "no arXiv id");
        }
        String cleanTitle = SourceText.clean(title);
        if (cleanTitle.isEmpty()) {
            return new Record(where, null, "no title");
        }
        Optional<LocalDate> first = SourceDates.isoDate(created);
        Optional<LocalDate> last = SourceDates.isoDate(updated).or(() -> first);
        Paper paper = new Paper(paperId.get(), cleanTitle, SourceText.clean(abstractText), authors,
                Arrays.stream(categories.strip().split("\\s+")).filter(c -> !c.isEmpty()).toList(),
                first.orElse(null), last.orElse(null), "https://arxiv.org/abs/" + paperId.get().value(), "arxiv");
        return new Record(where, paper, null);
    }

    /** {@code <author><keyname>Hoehn</keyname><forenames>Philipp A</forenames><suffix>Jr</suffix></author>}. */
    private static String author(XMLStreamReader r) throws XMLStreamException {
        String keyname = "";
        String forenames = "";
        String suffix = "";
        while (Xml.nextStartTag(r, "author")) {
            switch (r.getLocalName()) {
                case "keyname" -> keyname = Xml.text(r);
                case "forenames" -> forenames = Xml.text(r);
                case "suffix" -> suffix = Xml.text(r);
                default -> Xml.text(r);
            }
        }
        return SourceText.clean(forenames + " " + keyname + " " + suffix);
    }
}
