package dev.paperbot.core.store;

class PostgresInstallationStoreTest extends InstallationStoreContractTest {

    PostgresInstallationStoreTest() {
        super(TestDatabase.POSTGRES);
    }
}
