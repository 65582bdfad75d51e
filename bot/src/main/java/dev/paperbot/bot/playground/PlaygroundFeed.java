package dev.paperbot.bot.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the playground page shows for one visitor: the messages in their pretend channel (commands typed, ephemeral
 * replies, posts) and their Home tab. Filled by what the bot sends to the playground's pretend Slack.
 */
final class PlaygroundFeed {

    /** Older messages are dropped beyond this, so a long session cannot grow memory without bound. */
    static final int MAX_MESSAGES = 200;
    /** Visitors remembered at once; the least recent is forgotten beyond this. */
    static final int MAX_VISITORS = 500;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Visitor> visitors = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Visitor> eldest) {
            return size() > MAX_VISITORS;
        }
    };

    private static final class Visitor {
        final LinkedHashMap<String, ObjectNode> messages = new LinkedHashMap<>();
        JsonNode home;
        long version;
    }

    private Visitor visitor(String visitor) {
        return visitors.computeIfAbsent(visitor, v -> new Visitor());
    }

    /** Adds a message; returns its id. {@code kind}: command, ephemeral or message. */
    synchronized String add(String visitor, String kind, String text, JsonNode blocks) {
        Visitor v = visitor(visitor);
        String id = "m" + ids.incrementAndGet();
        v.messages.put(id, message(id, kind, text, blocks));
        while (v.messages.size() > MAX_MESSAGES) {
            v.messages.remove(v.messages.keySet().iterator().next());
        }
        v.version++;
        return id;
    }

    /** Replaces message {@code id} in place; adds a new message when it is unknown. */
    synchronized void replace(String visitor, String id, String kind, String text, JsonNode blocks) {
        Visitor v = visitor(visitor);
        if (v.messages.containsKey(id)) {
            v.messages.put(id, message(id, kind, text, blocks));
            v.version++;
        } else {
            add(visitor, kind, text, blocks);
        }
    }

    synchronized void delete(String visitor, String id) {
        Visitor v = visitor(visitor);
        if (v.messages.remove(id) != null) {
            v.version++;
        }
    }

    synchronized void home(String visitor, JsonNode view) {
        Visitor v = visitor(visitor);
        v.home = view;
        v.version++;
    }

    /** Everything the page shows, as JSON: {@code {version, messages: [...], home}}. */
    synchronized ObjectNode snapshot(String visitor) {
        Visitor v = visitor(visitor);
        ObjectNode out = JSON.createObjectNode().put("version", v.version);
        ArrayNode list = out.putArray("messages");
        List<ObjectNode> messages = new ArrayList<>(v.messages.values());
        messages.forEach(list::add);
        out.set("home", v.home);
        return out;
    }

    private static ObjectNode message(String id, String kind, String text, JsonNode blocks) {
        ObjectNode m = JSON.createObjectNode().put("id", id).put("kind", kind).put("text", text == null ? "" : text);
        m.set("blocks", blocks == null || blocks.isMissingNode() ? JSON.createArrayNode() : blocks);
        return m;
    }
}
