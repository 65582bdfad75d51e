package dev.paperbot.bot.index;

import dev.paperbot.bot.config.SearchConfig;
import dev.paperbot.core.search.Embedder;
import dev.paperbot.index.embed.CachedEmbedder;
import dev.paperbot.index.embed.EmbedderUnavailableException;
import dev.paperbot.index.embed.Embedders;
import dev.paperbot.index.search.SemanticSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedding model as configured: loaded in process (offline), with its vectors kept on disk in the data
 * directory's {@code vector-cache/}, or absent, said once in the log, and the bot ranks by words alone.
 */
public final class Embeddings {

    private static final Logger log = LoggerFactory.getLogger(Embeddings.class);

    /** Where passage vectors are kept, under the data directory. */
    public static final String CACHE_FOLDER = "vector-cache";

    private Embeddings() {
    }

    /**
     * Loads the model unless {@code PAPERBOT_EMBEDDINGS=off}; when it is off or cannot load here, logs why once and
     * returns empty (the bot then starts with BM25 only).
     */
    public static Optional<CachedEmbedder> load(SearchConfig config, Path home) {
        return load(config, home, Embedders::bgeSmall);
    }

    /** The same with another way to load the model (tests). */
    static Optional<CachedEmbedder> load(SearchConfig config, Path home, Supplier<Embedder> loader) {
        if (!config.embeddings()) {
            log.info("Embeddings are off (PAPERBOT_EMBEDDINGS=off): searching by words only (BM25)");
            return Optional.empty();
        }
        try {
            long start = System.nanoTime();
            Embedder model = loader.get();
            CachedEmbedder cached = Embedders.cached(model, home.resolve(CACHE_FOLDER));
            log.info("Embedding model {} loaded in {} ms", model.model(), (System.nanoTime() - start) / 1_000_000);
            return Optional.of(cached);
        } catch (EmbedderUnavailableException e) {
            log.warn("Embeddings are off: {}. Searching by words only (BM25)", e.getMessage());
            log.debug("Embedding model load failure", e);
            return Optional.empty();
        }
    }

    /**
     * For command-line commands: the model is loaded on first use only (a search that ends up using words only
     * never loads it); when it cannot load, searches fall back to words and say so once in the log.
     */
    public static SemanticSettings forCommand(SearchConfig config, Path home) {
        if (!config.embeddings()) {
            return SemanticSettings.none();
        }
        return new SemanticSettings(Optional.of(Embedders.bgeSmallOnFirstUse(home.resolve(CACHE_FOLDER))),
                config.hybrid(), false);
    }

    /** How an index uses the model: hybrid by default unless {@code PAPERBOT_SEARCH_MODE=bm25}. */
    public static SemanticSettings settings(Optional<? extends Embedder> model, SearchConfig config,
            boolean background) {
        return new SemanticSettings(model.map(Embedder.class::cast), config.hybrid(), background);
    }
}
