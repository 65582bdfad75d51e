package dev.paperbot.bot.subscription;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.paperbot.bot.digest.DigestPoster;
import dev.paperbot.bot.digest.SlackAccess;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.store.PaperbotStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ready-gate for the digests: the commands hold a future of {@link Digests}, completed once the index is open, and
 * ask it without waiting.
 */
final class DigestSubscriptions implements Subscriptions, StoreSubscriptionCommands.Gate {

    private static final Logger LOG = LoggerFactory.getLogger(DigestSubscriptions.class);

    private final PaperbotStore store;
    private final DigestSettings settings;
    private final Clock clock;
    private final Ticker ticker;
    private final CompletableFuture<Digests> digests = new CompletableFuture<>();
    private final StoreSubscriptionCommands commands;
    private boolean started;
    private boolean closed;

    DigestSubscriptions(PaperbotStore store, DigestSettings settings, Clock clock, Ticker ticker) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.commands = new StoreSubscriptionCommands(store, this, clock);
    }

    @Override
    public SubscriptionCommands commands() {
        return commands;
    }

    @Override
    public synchronized void start(CompletableFuture<PaperIndex> index, SlackAccess slack, MeterRegistry meters) {
        if (started) {
            throw new IllegalStateException("the digests were started already");
        }
        started = true;
        index.whenComplete((idx, error) -> {
            if (error != null) {
                digests.completeExceptionally(error);
                return;
            }
            try {
                built(Digests.start(idx, store, settings, slack, meters, clock, ticker));
            } catch (RuntimeException e) {
                LOG.error("The digests could not be started", e);
                digests.completeExceptionally(e);
            }
        });
    }

    /** Hands the digests out, unless the bot stopped meanwhile: then they stop at once. */
    private synchronized void built(Digests d) {
        if (closed) {
            d.close();
            digests.cancel(false);
            return;
        }
        digests.complete(d);
        LOG.info("Digests running: scheduler {}", settings.tickEvery().isZero() ? "ticked by hand"
                : "ticks every " + settings.tickEvery().toSeconds() + " s");
    }

    /** The digests when they are running; empty while the index opens (or when it could not be opened). */
    @Override
    public Optional<Digests> ready() {
        try {
            return Optional.ofNullable(digests.getNow(null));
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean failed() {
        return digests.isCompletedExceptionally();
    }

    /** Runs one scheduler tick now (tests, with {@link DigestSettings#tickEvery()} zero). */
    List<DigestPoster.Result> tickNow() throws InterruptedException {
        return ready().orElseThrow(() -> new IllegalStateException("digests not running yet")).scheduler.tick();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ready().ifPresent(Digests::close);
    }
}
