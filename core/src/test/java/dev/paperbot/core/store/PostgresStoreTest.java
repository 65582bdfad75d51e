package dev.paperbot.core.store;

class PostgresStoreTest extends StoreContractTest {

    PostgresStoreTest() {
        super(TestDatabase.POSTGRES);
    }
}
