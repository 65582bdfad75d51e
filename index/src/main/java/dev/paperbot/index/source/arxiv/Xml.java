package dev.paperbot.index.source.arxiv;

import dev.paperbot.index.source.http.BodyParser.MalformedBodyException;
import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Streaming XML reading with DTDs and external entities off: feeds are untrusted input. */
final class Xml {

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    private Xml() {
    }

    static XMLStreamReader reader(String body) throws XMLStreamException {
        synchronized (FACTORY) {
            return FACTORY.createXMLStreamReader(new StringReader(body));
        }
    }

    /**
     * Moves to the next start tag inside the element named {@code parent} and returns true; returns false at that
     * element's end tag (or, when {@code parent} is null, at the end of the document).
     */
    static boolean nextStartTag(XMLStreamReader r, String parent) throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals(parent)) {
                return false;
            }
        }
        return false;
    }

    /** The text of the current element up to its end tag, nested elements' text included. */
    static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        sb.append(r.getText());
                default -> {
                }
            }
        }
        return sb.toString();
    }

    static MalformedBodyException malformed(String what, XMLStreamException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
        return new MalformedBodyException(what + " is not well-formed XML" + where + " (truncated page?)", e);
    }
}
