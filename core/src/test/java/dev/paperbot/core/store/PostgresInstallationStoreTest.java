package dev.paperbot.core.store;

import dev.paperbot.core.testing.TestDatabases;

class PostgresInstallationStoreTest extends InstallationStoreContractTest {

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
