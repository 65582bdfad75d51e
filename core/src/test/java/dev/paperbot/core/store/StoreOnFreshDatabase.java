package dev.paperbot.core.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Each test gets a store on a fresh database of one kind, closed after the test. */
abstract class StoreOnFreshDatabase {

    private final TestDatabase database;
    private StoreConfig current;

    @TempDir
    Path folder;

    PaperbotStore store;

    StoreOnFreshDatabase(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void openStore() {
        current = database.fresh(folder);
        store = Stores.open(current);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** The configuration of the database the current test opened (to open it again, as a restart would). */
    StoreConfig currentConfig() {
        return current;
    }
}
