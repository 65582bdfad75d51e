package dev.paperbot.core.store;

import static dev.paperbot.core.store.Database.query;
import static dev.paperbot.core.store.Database.update;

import dev.paperbot.core.hash.Sha256;
import java.time.Instant;
import java.util.Objects;

/** OAuth state values in the {@code oauth_state} table, by their SHA-256. */
final class JdbcOAuthStateStore implements OAuthStateStore {

    private final Database db;

    JdbcOAuthStateStore(Database db) {
        this.db = db;
    }

    @Override
    public void issue(String state, Instant now, Instant expiresAt) {
        String hash = hash(state);
        db.write(c -> {
            // Expired values go as new ones come: the table holds only installs in progress.
            update(c, "DELETE FROM oauth_state WHERE expires_at <= ?", now.toEpochMilli());
            return update(c, "INSERT INTO oauth_state (state_hash, expires_at) VALUES (?, ?)", hash,
                    expiresAt.toEpochMilli());
        });
    }

    @Override
    public boolean isValid(String state, Instant now) {
        if (state == null || state.isBlank()) {
            return false;
        }
        return !db.read(c -> query(c, "SELECT 1 FROM oauth_state WHERE state_hash = ? AND expires_at > ?",
                rs -> 1, hash(state), now.toEpochMilli())).isEmpty();
    }

    @Override
    public boolean consume(String state, Instant now) {
        if (state == null || state.isBlank()) {
            return false;
        }
        String hash = hash(state);
        // One DELETE decides: of two callbacks racing with the same value, only one deletes the row.
        int deleted = db.write(c -> update(c, "DELETE FROM oauth_state WHERE state_hash = ? AND expires_at > ?",
                hash, now.toEpochMilli()));
        if (deleted == 0) {
            db.write(c -> update(c, "DELETE FROM oauth_state WHERE state_hash = ?", hash)); // an expired one
        }
        return deleted > 0;
    }

    private static String hash(String state) {
        return Sha256.hex(Objects.requireNonNull(state, "state"));
    }
}
