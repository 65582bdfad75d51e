package dev.paperbot.core.store;

/** Opens the store: connects, applies pending migrations, and returns it ready to use. */
public final class Stores {

    private Stores() {
    }

    /**
     * Opens the store described by {@code config}, creating the SQLite file (and its folder) or the PostgreSQL
     * tables as needed. Migrations are versioned (Flyway) and safe to run from several processes at once.
     */
    public static PaperbotStore open(StoreConfig config) {
        Database db = Database.open(config);
        try {
            db.migrate();
            return new JdbcPaperbotStore(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
