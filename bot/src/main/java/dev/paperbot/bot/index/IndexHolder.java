package dev.paperbot.bot.index;

import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.index.search.LuceneIndex;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paper index, opened in the background so the server (and {@code /healthz}, which answers 503 meanwhile) is up
 * at once. Listeners ask {@link #get()} and tell the user to try again in a moment while it is empty.
 */
public final class IndexHolder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IndexHolder.class);

    private final CompletableFuture<PaperIndex> index;

    private IndexHolder(CompletableFuture<PaperIndex> index) {
        this.index = index;
    }

    /** Opens the index with {@code opener} on {@code executor}; ready when it returns. */
    public static IndexHolder opening(Supplier<PaperIndex> opener, Executor executor) {
        Objects.requireNonNull(opener, "opener");
        CompletableFuture<PaperIndex> future = CompletableFuture.supplyAsync(opener, executor);
        future.whenComplete((idx, e) -> {
            if (e instanceof java.util.concurrent.CancellationException) {
                log.debug("Opening the paper index was cancelled (shutting down)");
            } else if (e != null) {
                log.error("The paper index could not be opened: {}", e.getMessage(), e);
            } else {
                log.info("Paper index ready: {} papers", idx.size());
            }
        });
        return new IndexHolder(future);
    }

    /** An index that is ready now. */
    public static IndexHolder of(PaperIndex index) {
        return new IndexHolder(CompletableFuture.completedFuture(Objects.requireNonNull(index)));
    }

    /** Completes with the index once it is open (or with the reason it could not be opened). */
    public CompletableFuture<PaperIndex> ready() {
        return index.copy();
    }

    /**
     * Completes once the index is open and this process writes it: with the opening for the writer; for a follower
     * of another replica's index, when it takes over. What only the writer does (scheduled ingestion) waits for it.
     */
    public CompletableFuture<PaperIndex> writable() {
        return index.thenCompose(open -> open instanceof LuceneIndex lucene
                ? lucene.whenWriter().thenApply(writing -> open).toCompletableFuture()
                : CompletableFuture.completedFuture(open));
    }

    public boolean isReady() {
        return index.isDone() && !index.isCompletedExceptionally();
    }

    /** Why the index is not there, once opening failed. */
    public Optional<String> failure() {
        if (!index.isCompletedExceptionally()) {
            return Optional.empty();
        }
        try {
            index.join();
            return Optional.empty();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return Optional.of(String.valueOf(cause.getMessage()));
        }
    }

    public Optional<PaperIndex> get() {
        return isReady() ? Optional.of(index.join()) : Optional.empty();
    }

    @Override
    public void close() {
        index.cancel(false);
        get().ifPresent(PaperIndex::close);
    }
}
