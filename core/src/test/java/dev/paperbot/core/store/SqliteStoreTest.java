package dev.paperbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends StoreContractTest {

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

    @Test
    void the_sqlite_file_is_in_the_data_folder_and_uses_write_ahead_logging() {
        subs().subscribe(A, Topic.keyword("agents"), "U1", T0);
        assertThat(folder.resolve("home").resolve(StoreConfig.SQLITE_FILE)).exists();
        assertThat(Files.exists(folder.resolve("home").resolve(StoreConfig.SQLITE_FILE + "-wal"))).isTrue();
        assertThat(store.databaseKind()).isEqualTo("sqlite");
    }
}
