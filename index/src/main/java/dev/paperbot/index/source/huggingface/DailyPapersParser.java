package dev.paperbot.index.source.huggingface;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.index.source.http.BodyParser;
import dev.paperbot.index.source.text.SourceDates;
import dev.paperbot.index.source.text.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Hugging Face's {@code /api/daily_papers} answer: a JSON array of items, each with a {@code paper} object
 * (arXiv id, title, summary, authors with names, {@code publishedAt}, {@code upvotes}).
 */
final class DailyPapersParser implements BodyParser<List<DailyPapersParser.Item>> {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A usable item (paper and upvotes) or why not. */
    record Item(int position, Paper paper, int upvotes, String problem) {
    }

    @Override
    public List<Item> parse(String body) throws MalformedBodyException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedBodyException("the daily papers answer is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (root == null || !root.isArray()) {
            String error = root != null && root.hasNonNull("error") ? ": " + root.get("error").asText() : "";
            throw new MalformedBodyException("the daily papers answer is not a JSON list" + error);
        }
        List<Item> items = new ArrayList<>();
        int position = 0;
        for (JsonNode node : root) {
            items.add(item(++position, node));
        }
        return items;
    }

    private static Item item(int position, JsonNode node) {
        JsonNode paper = node.path("paper");
        if (!paper.isObject()) {
            paper = node; // the paper object alone, as some answers and older dumps give it
        }
        Optional<PaperId> id = PaperId.arxiv(paper.path("id").asText(""));
        if (id.isEmpty()) {
            return new Item(position, null, 0, "no arXiv id ('" + paper.path("id").asText("") + "')");
        }
        String title = SourceText.clean(paper.path("title").asText(node.path("title").asText("")));
        if (title.isEmpty()) {
            return new Item(position, null, 0, "no title for " + id.get());
        }
        List<String> authors = new ArrayList<>();
        for (JsonNode author : paper.path("authors")) {
            String name = SourceText.clean(author.path("name").asText(""));
            if (!name.isEmpty()) {
                authors.add(name);
            }
        }
        int upvotes = Math.max(0, paper.path("upvotes").asInt(node.path("upvotes").asInt(0)));
        var published = SourceDates.isoDate(paper.path("publishedAt").asText(null));
        Paper p = new Paper(id.get(), title, SourceText.clean(paper.path("summary").asText("")), authors, List.of(),
                published.orElse(null), published.orElse(null), "https://arxiv.org/abs/" + id.get().value(),
                "huggingface");
        return new Item(position, p, upvotes, null);
    }
}
