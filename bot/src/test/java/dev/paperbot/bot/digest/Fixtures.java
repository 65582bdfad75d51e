package dev.paperbot.bot.digest;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.store.StoreConfig;
import dev.paperbot.index.search.IndexSettings;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.search.PaperIndexes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Papers, a real Lucene index in memory, and real PostgreSQL databases for the digest tests. */
final class Fixtures {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private Fixtures() {
    }

    static LuceneIndex index(Clock clock) {
        return PaperIndexes.inMemory(IndexSettings.defaults(), clock);
    }

    /** {@code n} distinct papers about {@code topic}; none a near-copy of another. */
    static List<Paper> papers(String topic, int n) {
        List<Paper> papers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = IDS.incrementAndGet();
            papers.add(Paper.of(new PaperId(String.format("2603.%05d", k)),
                    topic + " study " + k + " of item" + k,
                    "We look at " + topic + " through lens" + k + " with tool" + k + " on data" + k + " and set" + k)
                    .withAuthors(List.of("Author " + k)));
        }
        return papers;
    }

    /** A new database in one embedded PostgreSQL per test JVM. */
    static synchronized StoreConfig freshPostgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                EmbeddedPostgres started = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // exiting anyway
                    }
                }));
            }
            String name = "paperbot_bot_" + DATABASES.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            return StoreConfig.url(postgres.getJdbcUrl("postgres", name)).withMaxPoolSize(4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
