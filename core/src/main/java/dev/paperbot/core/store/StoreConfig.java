package dev.paperbot.core.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the store lives.
 *
 * @param jdbcUrl     {@code jdbc:sqlite:/path/file.db} or {@code jdbc:postgresql://host/db}
 * @param user        database user for PostgreSQL (may be null: then the URL carries it)
 * @param password    database password (may be null); never logged
 * @param maxPoolSize most connections to PostgreSQL from this process (SQLite uses one writer and a few readers)
 */
public record StoreConfig(String jdbcUrl, String user, String password, int maxPoolSize) {

    public static final int DEFAULT_POOL_SIZE = 8;
    public static final String SQLITE_FILE = "paperbot.db";

    public StoreConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:sqlite:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "the database URL must start with jdbc:postgresql: or jdbc:sqlite:, was '" + redact(jdbcUrl) + "'");
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("the pool size must be at least 1, was " + maxPoolSize);
        }
    }

    /** The default: an SQLite file {@code paperbot.db} in the data directory ({@code PAPERBOT_HOME}). */
    public static StoreConfig sqlite(Path homeOrFile) {
        Path file = homeOrFile.toString().endsWith(".db") ? homeOrFile : homeOrFile.resolve(SQLITE_FILE);
        return new StoreConfig("jdbc:sqlite:" + file.toAbsolutePath(), null, null, DEFAULT_POOL_SIZE);
    }

    /** PostgreSQL (or SQLite) at a JDBC URL, which may carry user and password as parameters. */
    public static StoreConfig url(String jdbcUrl) {
        return new StoreConfig(jdbcUrl, null, null, DEFAULT_POOL_SIZE);
    }

    public StoreConfig withCredentials(String newUser, String newPassword) {
        return new StoreConfig(jdbcUrl, newUser, newPassword, maxPoolSize);
    }

    public StoreConfig withMaxPoolSize(int size) {
        return new StoreConfig(jdbcUrl, user, password, size);
    }

    boolean isSqlite() {
        return jdbcUrl.startsWith("jdbc:sqlite:");
    }

    /** The URL without any password parameter, for messages and logs. */
    public String redactedUrl() {
        return redact(jdbcUrl);
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "StoreConfig[" + redactedUrl() + ", user=" + user + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
