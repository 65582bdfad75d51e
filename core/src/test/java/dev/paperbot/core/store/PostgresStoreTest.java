package dev.paperbot.core.store;

import dev.paperbot.core.testing.TestDatabases;

class PostgresStoreTest extends StoreContractTest {

    private StoreConfig current;

    @Override
    StoreConfig freshConfig() {
        current = TestDatabases.freshPostgres();
        return current;
    }

    @Override
    StoreConfig currentConfig() {
        return current;
    }
}
