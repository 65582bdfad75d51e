package dev.paperbot.index.search;

import dev.paperbot.core.search.Embedder;
import java.util.Objects;
import java.util.Optional;

/**
 * How an index uses meaning vectors besides words. The fusion's two numbers have defaults that held across a sweep on
 * SciFact (BENCHMARKS.md); they are settable for relevance experiments, not for tuning per collection.
 *
 * @param embedder   the embedding model, or empty for an index that ranks by words only (BM25); papers keep the
 *                   vectors they have, which are still carried into unchanged replacements. The index closes the
 *                   model when it closes (when it is {@link AutoCloseable}, such as a cached embedder)
 * @param hybrid     whether searches that do not ask for a mode ({@link dev.paperbot.core.search.SearchQuery.Mode#AUTO})
 *                   fuse words and meaning once every paper has its vector (the default); false: words only unless
 *                   a search asks for {@code HYBRID}
 * @param background whether papers without vectors are embedded by a background thread of the index (the bot);
 *                   false: only when {@link LuceneIndex#embedPending} is called (evaluation, tests, the CLI)
 * @param fusionK    the constant of reciprocal rank fusion, {@code 1 / (k + rank)} (default {@value #DEFAULT_FUSION_K})
 * @param depth      papers taken from each ranking before fusing them (default {@value #DEFAULT_DEPTH}; more when a
 *                   deeper page is asked for)
 */
public record SemanticSettings(Optional<Embedder> embedder, boolean hybrid, boolean background, int fusionK,
        int depth) {

    /** The constant of Cormack, Clarke and Büttcher's paper. */
    public static final int DEFAULT_FUSION_K = 60;
    /** Enough for a page of results and for Recall@100. */
    public static final int DEFAULT_DEPTH = 100;

    public SemanticSettings {
        Objects.requireNonNull(embedder, "embedder");
        if (fusionK < 1 || fusionK > 1000) {
            throw new IllegalArgumentException("the fusion constant must be between 1 and 1000, was " + fusionK);
        }
        if (depth < 10 || depth > 10_000) {
            throw new IllegalArgumentException("the fusion depth must be between 10 and 10000, was " + depth);
        }
    }

    /** The default fusion. */
    public SemanticSettings(Optional<Embedder> embedder, boolean hybrid, boolean background) {
        this(embedder, hybrid, background, DEFAULT_FUSION_K, DEFAULT_DEPTH);
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
        return new SemanticSettings(embedder, byDefault, background, fusionK, depth);
    }

    public SemanticSettings withBackground(boolean inBackground) {
        return new SemanticSettings(embedder, hybrid, inBackground, fusionK, depth);
    }

    public SemanticSettings withFusion(int k, int candidates) {
        return new SemanticSettings(embedder, hybrid, background, k, candidates);
    }
}
