package dev.paperbot.index.embed;

import dev.paperbot.core.hash.Sha256;
import dev.paperbot.core.search.Embedder;
import dev.paperbot.core.search.Embedding;
import dev.paperbot.core.search.ForwardingEmbedder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link Embedder} in front of another that computes each passage once: passage vectors are kept on disk
 * (keyed by the SHA-256 of the text, per model), the last {@value #QUERY_MEMORY} query vectors in memory (topics
 * are searched again every day, and by many channels).
 */
public final class CachedEmbedder extends ForwardingEmbedder implements AutoCloseable {

    static final int QUERY_MEMORY = 2_000;

    /** Null: passages are not kept. */
    private final VectorCache passages;
    private final Map<String, Embedding> queries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Embedding> eldest) {
            return size() > QUERY_MEMORY;
        }
    };
    private final AtomicLong computed = new AtomicLong();
    private final AtomicLong reused = new AtomicLong();

    CachedEmbedder(Embedder model, VectorCache passages) {
        super(model);
        this.passages = passages;
    }

    @Override
    public Embedding embedQuery(String text) {
        synchronized (queries) {
            Embedding known = queries.get(text);
            if (known != null) {
                return known;
            }
        }
        Embedding e = super.embedQuery(text);
        synchronized (queries) {
            queries.put(text, e);
        }
        return e;
    }

    @Override
    public List<Embedding> embedPassages(List<String> texts) {
        if (passages == null) {
            computed.addAndGet(texts.size());
            return super.embedPassages(texts);
        }
        List<String> keys = texts.stream().map(CachedEmbedder::key).toList();
        Map<String, Embedding> known = passages.get(keys);
        List<String> missingTexts = new ArrayList<>();
        List<String> missingKeys = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!known.containsKey(keys.get(i)) && !missingKeys.contains(keys.get(i))) {
                missingTexts.add(texts.get(i));
                missingKeys.add(keys.get(i));
            }
        }
        Map<String, Embedding> fresh = new LinkedHashMap<>();
        if (!missingTexts.isEmpty()) {
            List<Embedding> embedded = super.embedPassages(missingTexts);
            for (int i = 0; i < embedded.size(); i++) {
                fresh.put(missingKeys.get(i), embedded.get(i));
            }
            passages.put(fresh);
        }
        computed.addAndGet(fresh.size());
        reused.addAndGet(texts.size() - fresh.size());
        List<Embedding> out = new ArrayList<>(texts.size());
        for (String key : keys) {
            out.add(known.containsKey(key) ? known.get(key) : fresh.get(key));
        }
        return out;
    }

    /** Passages the model embedded through this cache. */
    public long computed() {
        return computed.get();
    }

    /** Passages served from the disk cache. */
    public long reused() {
        return reused.get();
    }

    static String key(String text) {
        return Sha256.hex(text);
    }

    @Override
    public void close() {
        if (passages != null) {
            passages.close();
        }
    }

    @Override
    public String toString() {
        return delegate() + (passages == null ? "" : " (cached)");
    }
}
