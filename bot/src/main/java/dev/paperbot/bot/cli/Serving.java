package dev.paperbot.bot.cli;

import dev.paperbot.bot.activity.PaperActivity;
import dev.paperbot.bot.config.PaperbotConfig;
import dev.paperbot.bot.config.Secret;
import dev.paperbot.bot.index.Embeddings;
import dev.paperbot.bot.install.Workspaces;
import dev.paperbot.bot.runtime.BotRuntime;
import dev.paperbot.bot.schedule.IngestScheduler;
import dev.paperbot.bot.slack.BotServices;
import dev.paperbot.bot.subscription.DigestSettings;
import dev.paperbot.bot.subscription.Subscriptions;
import dev.paperbot.core.store.PaperbotStore;
import dev.paperbot.core.store.StoreConfig;
import dev.paperbot.core.store.Stores;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What {@code serve} runs: the store, the bot over the index in the data directory (which this process writes, or
 * follows while another replica on this machine writes it), and the scheduled ingestion, which starts once this
 * process writes the index. {@link #close} stops them in order.
 */
final class Serving implements AutoCloseable {

    private final PaperbotStore store;
    private final BotRuntime runtime;
    private final IngestScheduler ingestion;

    private Serving(PaperbotStore store, BotRuntime runtime, IngestScheduler ingestion) {
        this.store = store;
        this.runtime = runtime;
        this.ingestion = ingestion;
    }

    /** Starts everything; the index opens in the background. */
    static Serving start(PaperbotConfig config, Path indexDirectory) {
        Clock clock = Clock.systemUTC();
        StoreConfig storeConfig = config.databaseUrl().map(Secret::reveal).map(StoreConfig::url)
                .orElseGet(() -> StoreConfig.sqlite(config.home()));
        PaperbotStore store = Stores.open(storeConfig);
        BotRuntime runtime;
        try {
            runtime = BotRuntime.start(config, new BotRuntime.Parts(
                    // The model loads with the index, in the background: /healthz says 503 until both are there.
                    () -> Indexes.forServe(indexDirectory, Embeddings.settings(
                            Embeddings.load(config.search(), config.home()), config.search(), true),
                            config.search().indexRefresh()),
                    Subscriptions.withDigests(store, DigestSettings.from(config.digest()), clock),
                    PaperActivity.store(store.feedback(), clock),
                    BotServices.DEFAULT_ACK_BUDGET,
                    config.distribution().map(d -> Workspaces.over(store, d, clock))));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        // Scheduled ingestion (PAPERBOT_INGEST*): fetches new papers into the index at the set times, and catches up
        // runs missed while no process wrote it, as soon as this one does.
        IngestScheduler ingestion = IngestScheduler.forServe(config.ingest(), runtime.index()::get, config.home(),
                runtime.meters());
        ingestion.start(runtime.index().writable());
        return new Serving(store, runtime, ingestion);
    }

    BotRuntime runtime() {
        return runtime;
    }

    /** No new requests, those in flight finish, then the index and the store close. */
    @Override
    public void close() {
        try {
            ingestion.close();
            runtime.close();
        } finally {
            store.close();
        }
    }
}
