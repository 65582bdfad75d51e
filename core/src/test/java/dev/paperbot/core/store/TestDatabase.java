package dev.paperbot.core.store;

import dev.paperbot.core.testing.TestDatabases;
import java.nio.file.Path;

/** The kinds of database the store contracts run on. */
enum TestDatabase {
    SQLITE {
        @Override
        StoreConfig fresh(Path folder) {
            return StoreConfig.sqlite(folder.resolve("home"));
        }
    },
    POSTGRES {
        @Override
        StoreConfig fresh(Path folder) {
            return TestDatabases.freshPostgres();
        }
    };

    /** A new, empty database of this kind; {@code folder} is the test's own temporary folder. */
    abstract StoreConfig fresh(Path folder);
}
