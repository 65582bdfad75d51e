package dev.paperbot.bot.http;

import dev.paperbot.bot.index.IndexHolder;
import com.fasterxml.jackson.core.JacksonException;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's HTTP server (Javalin): {@code GET /healthz} in every mode, plus the routes of the mode
 * ({@code POST /slack/events} in HTTP mode, the playground without Slack).
 */
public final class BotServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BotServer.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    /** Slack's payloads are small; anything bigger is not from Slack. */
    private static final long MAX_REQUEST_BYTES = 1_000_000;

    private final Javalin javalin;

    private BotServer(Javalin javalin) {
        this.javalin = javalin;
    }

    public static BotServer start(String host, int port, IndexHolder index, Consumer<RoutesConfig> modeRoutes) {
        Javalin javalin = Javalin.create(cfg -> {
            cfg.jetty.host = host;
            cfg.jetty.port = port;
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
            // Let requests in flight finish when the bot stops.
            cfg.jetty.modifyServer(server -> server.setStopTimeout(STOP_TIMEOUT.toMillis()));
            cfg.routes.get("/healthz", ctx -> {
                if (index.isReady()) {
                    ctx.status(200).result("ok");
                } else {
                    ctx.status(503).result(index.failure().map(f -> "index failed to open").orElse("index loading"));
                }
            });
            // For people: how many papers, and how far embedding is (searches use words only until it is done).
            cfg.routes.get("/status", ctx -> ctx.status(index.isReady() ? 200 : 503).contentType("text/plain")
                    .result(index.get().map(BotServer::status).orElse("index loading") + "\n"));
            modeRoutes.accept(cfg.routes);
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                if (e instanceof HttpResponseException bad) {
                    ctx.status(bad.getStatus()).result(bad.getMessage());
                } else if (e instanceof JacksonException) {
                    ctx.status(400).result("malformed JSON");
                } else {
                    log.error("{} {} failed", ctx.method(), ctx.path(), e);
                    ctx.status(500).result("internal error");
                }
            });
        });
        javalin.start();
        return new BotServer(javalin);
    }

    private static String status(dev.paperbot.core.search.PaperIndex index) {
        String papers = index.size() + " papers";
        if (index instanceof dev.paperbot.index.search.LuceneIndex lucene) {
            return papers + "\nembeddings: " + lucene.embedding()
                    .map(dev.paperbot.index.search.EmbeddingProgress::describe)
                    .orElse("off, searching by words only")
                    + "\nindex: " + lucene.role().describe();
        }
        return papers;
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
