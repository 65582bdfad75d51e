package dev.paperbot.core.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteInstallationStoreTest extends InstallationStoreContractTest {

    @TempDir
    Path folder;

    @Override
    StoreConfig freshConfig() {
        return StoreConfig.sqlite(folder.resolve("home"));
    }

    @Override
    StoreConfig currentConfig() {
        return StoreConfig.sqlite(folder.resolve("home"));
    }
}
