package dev.paperbot.index.search;

import dev.paperbot.core.search.Embedder;
import java.util.Objects;
import java.util.Optional;

/**
 * How an index uses meaning vectors besides words.
 *
 * @param embedder   the embedding model, or empty for an index that ranks by words only (BM25); papers keep the
 *                   vectors they have, which are still carried into unchanged replacements. The index closes the
 *                   model when it closes (when it is {@link AutoCloseable}, such as a cached embedder)
 * @param hybrid     whether searches that do not ask for a mode ({@link dev.paperbot.core.search.SearchQuery.Mode#AUTO})
 *                   fuse words and meaning once every paper has its vector (the default); false: words only unless
 *                   a search asks for {@code HYBRID}
 * @param background whether papers without vectors are embedded by a background thread of the index (the bot);
 *                   false: only when {@link LuceneIndex#embedPending} is called (evaluation, tests, the CLI)
 */
public record SemanticSettings(Optional<Embedder> embedder, boolean hybrid, boolean background) {

    public SemanticSettings {
        Objects.requireNonNull(embedder, "embedder");
    }

    /** Words only, no model. */
    public static SemanticSettings none() {
        return new SemanticSettings(Optional.empty(), false, false);
    }

    /** Words and meaning with this model, embedding in the background. */
    public static SemanticSettings hybrid(Embedder embedder) {
        return new SemanticSettings(Optional.of(embedder), true, true);
    }

    public SemanticSettings withHybrid(boolean byDefault) {
        return new SemanticSettings(embedder, byDefault, background);
    }

    public SemanticSettings withBackground(boolean inBackground) {
        return new SemanticSettings(embedder, hybrid, inBackground);
    }
}
