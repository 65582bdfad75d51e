package dev.paperbot.core.store;

class SqliteInstallationStoreTest extends InstallationStoreContractTest {

    SqliteInstallationStoreTest() {
        super(TestDatabase.SQLITE);
    }
}
