package dev.paperbot.bot.subscription;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.paperbot.bot.digest.SlackAccess;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.store.PaperbotStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Subscriptions and daily digests as the running bot has them: the commands behind {@code /papers subscribe ...},
 * usable at once, and the digests (picks cache, poster, scheduler), which start once the paper index is open and
 * the runtime has said where Slack is. The runtime calls {@link #start} once and {@link #close} when it stops.
 */
public interface Subscriptions extends AutoCloseable {

    SubscriptionCommands commands();

    /**
     * Starts the digests when {@code index} is ready, posting through {@code slack}, counting runs, Slack calls and
     * the picks cache in {@code meters}. Until then the commands that need the index ({@code digest preview},
     * {@code digest now}) say it is still loading; the others work.
     */
    void start(CompletableFuture<PaperIndex> index, SlackAccess slack, MeterRegistry meters);

    /** Stops the scheduler (digests being posted get a few seconds to finish). */
    @Override
    void close();

    /** The real thing, over the store, with the system's time. */
    static Subscriptions withDigests(PaperbotStore store, DigestSettings settings, Clock clock) {
        return withDigests(store, settings, clock, Ticker.systemTicker());
    }

    /** The same with a ticker that moves with {@code clock} (tests). */
    static Subscriptions withDigests(PaperbotStore store, DigestSettings settings, Clock clock, Ticker ticker) {
        return new DigestSubscriptions(store, settings, clock, ticker);
    }

    /** Fixed commands and no digests: for tests of the Slack layer, and {@link SubscriptionCommands#notYetAvailable}. */
    static Subscriptions fixed(SubscriptionCommands commands) {
        return new Subscriptions() {
            @Override
            public SubscriptionCommands commands() {
                return commands;
            }

            @Override
            public void start(CompletableFuture<PaperIndex> index, SlackAccess slack, MeterRegistry meters) {
            }

            @Override
            public void close() {
            }
        };
    }
}
