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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an rss.arxiv.org RSS 2.0 feed. Each item's description is {@code arXiv:ID Announce Type: TYPE} followed by
 * {@code Abstract: ...}; the item also carries {@code arxiv:announce_type}, categories, {@code dc:creator} (names
 * joined by commas) and an RFC 822 {@code pubDate}.
 */
final class RssFeedParser implements BodyParser<RssFeedParser.Feed> {

    /** A parsed item, or why it could not be used. */
    record Item(int position, Paper paper, AnnounceType type, String problem) {
    }

    record Feed(List<Item> items, Optional<LocalDate> date) {
    }

    private static final Pattern ANNOUNCE = Pattern.compile("Announce Type:\\s*([a-z-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ID_IN_TEXT = Pattern.compile("arXiv:(\\S+?)(?:\\s|$)");
    /** Feeds before 2024 ended titles with "(arXiv:2401.01234v1 [cs.LG] UPDATED)". */
    private static final Pattern OLD_TITLE_SUFFIX = Pattern.compile("\\s*\\(arXiv:[^)]*\\)\\s*$");

    @Override
    public Feed parse(String body) throws MalformedBodyException {
        List<Item> items = new ArrayList<>();
        Optional<LocalDate> channelDate = Optional.empty();
        try {
            XMLStreamReader r = Xml.reader(body);
            boolean sawRss = false;
            while (Xml.nextStartTag(r, null)) {
                switch (r.getLocalName()) {
                    case "rss", "channel" -> sawRss = true;
                    case "item" -> items.add(item(r, items.size() + 1, channelDate));
                    case "pubDate" -> channelDate = SourceDates.rfc822Date(Xml.text(r));
                    default -> {
                    }
                }
            }
            if (!sawRss) {
                throw new MalformedBodyException("the response is XML but not an RSS feed");
            }
        } catch (XMLStreamException e) {
            throw Xml.malformed("the RSS feed", e);
        }
        return new Feed(items, channelDate);
    }

    private static Item item(XMLStreamReader r, int position, Optional<LocalDate> channelDate)
            throws XMLStreamException {
        String title = null;
        String link = null;
        String description = "";
        String guid = null;
        String pubDate = null;
        String announce = null;
        String creators = "";
        List<String> categories = new ArrayList<>();
        while (Xml.nextStartTag(r, "item")) {
            switch (r.getLocalName()) {
                case "title" -> title = Xml.text(r);
                case "link" -> link = Xml.text(r);
                case "description" -> description = Xml.text(r);
                case "guid" -> guid = Xml.text(r);
                case "category" -> categories.add(Xml.text(r).strip());
                case "pubDate" -> pubDate = Xml.text(r);
                case "announce_type" -> announce = Xml.text(r);
                case "creator" -> creators = Xml.text(r);
                default -> Xml.text(r);
            }
        }
        Optional<PaperId> id = firstId(guid, link, description);
        if (id.isEmpty()) {
            return new Item(position, null, null, "no arXiv id in guid, link or description");
        }
        if (announce == null) {
            Matcher m = ANNOUNCE.matcher(description);
            announce = m.find() ? m.group(1) : null;
        }
        Optional<AnnounceType> type = AnnounceType.parse(announce);
        if (type.isEmpty()) {
            return new Item(position, null, null, "unknown announce type '" + announce + "' for " + id.get());
        }
        String cleanTitle = SourceText.clean(OLD_TITLE_SUFFIX.matcher(title == null ? "" : title).replaceFirst(""));
        if (cleanTitle.isEmpty()) {
            return new Item(position, null, null, "no title for " + id.get());
        }
        Optional<LocalDate> date = pubDate == null ? channelDate : SourceDates.rfc822Date(pubDate);
        Paper paper = new Paper(
                id.get(),
                cleanTitle,
                SourceText.clean(abstractOf(description)),
                authors(creators),
                categories,
                // A replacement's announcement date is its new version's date, not the paper's first one.
                type.get().isReplacement() ? null : date.orElse(null),
                date.orElse(null),
                "https://arxiv.org/abs/" + id.get().value(),
                "arxiv");
        return new Item(position, paper, type.get(), null);
    }

    private static Optional<PaperId> firstId(String guid, String link, String description) {
        Optional<PaperId> id = PaperId.arxiv(guid == null ? "" : guid);
        if (id.isEmpty()) {
            id = PaperId.arxiv(link == null ? "" : link);
        }
        if (id.isEmpty()) {
            Matcher m = ID_IN_TEXT.matcher(description);
            id = m.find() ? PaperId.arxiv(m.group(1)) : Optional.empty();
        }
        return id;
    }

    private static String abstractOf(String description) {
        int at = description.indexOf("Abstract:");
        return at >= 0 ? description.substring(at + "Abstract:".length()) : description;
    }

    /** {@code dc:creator} joins names with commas (older feeds: HTML links); the last may follow "and". */
    static List<String> authors(String creators) {
        String plain = creators.replaceAll("<[^>]*>", "");
        List<String> names = new ArrayList<>();
        for (String part : plain.split(",|\\band\\b")) {
            String name = SourceText.clean(part);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }
}
