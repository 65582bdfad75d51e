package dev.paperbot.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * Connections, transactions and parameter binding for the JDBC stores, for both SQLite and PostgreSQL.
 *
 * <p>SQLite allows one writer at a time per file. Rather than letting concurrent writers fail with SQLITE_BUSY, this
 * process funnels every write through a pool of exactly one connection, whose transactions start with
 * {@code BEGIN IMMEDIATE} (so a read never has to be upgraded to a write lock mid-transaction); readers use their
 * own small pool and, thanks to WAL, never block the writer nor wait for it. A second process on the same file waits
 * up to the busy timeout for the lock. PostgreSQL uses a single pool for both.
 */
final class Database implements AutoCloseable {

    private static final String SQLITE_BUSY_TIMEOUT_MS = "10000";
    private static final int SQLITE_READERS = 4;

    private final HikariDataSource writer;
    private final HikariDataSource reader;
    private final boolean sqlite;

    private Database(HikariDataSource writer, HikariDataSource reader, boolean sqlite) {
        this.writer = writer;
        this.reader = reader;
        this.sqlite = sqlite;
    }

    static Database open(StoreConfig config) {
        if (config.isSqlite()) {
            createParentFolder(config.jdbcUrl().substring("jdbc:sqlite:".length()));
            HikariDataSource writer = new HikariDataSource(sqliteConfig(config, "writer", 1, true));
            try {
                // Switching to WAL needs the write lock: do it once, on the writer, before any reader opens.
                try (Connection c = writer.getConnection(); var st = c.createStatement()) {
                    st.execute("PRAGMA journal_mode=WAL");
                }
                return new Database(writer,
                        new HikariDataSource(sqliteConfig(config, "reader", SQLITE_READERS, false)), true);
            } catch (SQLException | RuntimeException e) {
                writer.close();
                throw new StoreException("cannot open the SQLite store at " + config.redactedUrl(), e);
            }
        }
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("paperbot-store");
        hc.setJdbcUrl(config.jdbcUrl());
        if (config.user() != null) {
            hc.setUsername(config.user());
        }
        if (config.password() != null) {
            hc.setPassword(config.password());
        }
        hc.setMaximumPoolSize(config.maxPoolSize());
        hc.setMinimumIdle(1);
        try {
            HikariDataSource ds = new HikariDataSource(hc);
            return new Database(ds, ds, false);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to the database at " + config.redactedUrl()
                    + ": " + rootMessage(e), e);
        }
    }

    private static HikariConfig sqliteConfig(StoreConfig config, String role, int size, boolean writes) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("paperbot-sqlite-" + role);
        hc.setJdbcUrl(config.jdbcUrl());
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(1);
        // Read by the SQLite driver when it opens each connection.
        hc.addDataSourceProperty("busy_timeout", SQLITE_BUSY_TIMEOUT_MS);
        hc.addDataSourceProperty("foreign_keys", "true");
        hc.addDataSourceProperty("synchronous", "NORMAL"); // durable with WAL, without an fsync per commit
        if (writes) {
            hc.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        }
        return hc;
    }

    private static void createParentFolder(String file) {
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + parent, e);
        }
    }

    void migrate() {
        Flyway.configure()
                .dataSource(writer)
                .locations("classpath:dev/paperbot/core/store/migration")
                .load()
                .migrate();
    }

    boolean sqlite() {
        return sqlite;
    }

    /** Runs read-only work on a connection in auto-commit mode. */
    <T> T read(SqlWork<T> work) {
        try (Connection c = reader.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException("store read failed: " + e.getMessage(), e);
        }
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    <T> T write(SqlWork<T> work) {
        try (Connection c = writer.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("store write failed: " + e.getMessage(), e);
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            switch (p) {
                case null -> throw new IllegalArgumentException("use Database.Null for SQL NULL (parameter " + (i + 1) + ")");
                case Null n -> ps.setNull(i + 1, n.sqlType());
                case String s -> ps.setString(i + 1, s);
                case Long l -> ps.setLong(i + 1, l);
                case Integer n -> ps.setInt(i + 1, n);
                case Boolean b -> ps.setBoolean(i + 1, b);
                default -> throw new IllegalArgumentException("unsupported SQL parameter type " + p.getClass());
            }
        }
    }

    /** A typed SQL NULL: PostgreSQL wants to know the type even of nothing. */
    record Null(int sqlType) {
        static final Null BIGINT = new Null(java.sql.Types.BIGINT);
        static final Null VARCHAR = new Null(java.sql.Types.VARCHAR);
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public void close() {
        if (reader != writer) {
            reader.close();
        }
        writer.close();
    }
}
