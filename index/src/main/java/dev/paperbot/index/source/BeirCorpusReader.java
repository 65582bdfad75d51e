package dev.paperbot.index.source;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a BEIR corpus ({@code corpus.jsonl}: {@code _id}, {@code title}, {@code text}). The BEIR id becomes the
 * paper id, so that evaluation judgements refer to papers directly. Documents without a title (some BEIR
 * collections have none) are titled with the opening words of their text.
 */
final class BeirCorpusReader implements PaperFileReader {

    static final int TITLE_WORDS = 12;

    @Override
    public void read(InputStream in, PaperSink sink) throws IOException {
        JsonRecords.read(in, sink, record -> {
            String id = JsonRecords.text(record, "_id");
            if (id.isEmpty()) {
                return "no _id";
            }
            String title = JsonRecords.text(record, "title");
            String text = JsonRecords.text(record, "text");
            if (title.isEmpty() && text.isEmpty()) {
                return "no title and no text";
            }
            sink.paper(new Paper(new PaperId(id), title.isEmpty() ? openingWords(text) : title, text,
                    null, null, null, null, null, "beir"));
            return null;
        });
    }

    /** The first words of a text, with an ellipsis when there is more. */
    static String openingWords(String text) {
        String[] words = text.split(" ");
        if (words.length <= TITLE_WORDS) {
            return text;
        }
        return String.join(" ", java.util.Arrays.copyOf(words, TITLE_WORDS)) + "…";
    }
}
