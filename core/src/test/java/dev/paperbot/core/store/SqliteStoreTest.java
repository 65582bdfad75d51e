package dev.paperbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class SqliteStoreTest extends StoreContractTest {

    SqliteStoreTest() {
        super(TestDatabase.SQLITE);
    }

    @Test
    void the_sqlite_file_is_in_the_data_folder_and_uses_write_ahead_logging() {
        subs().subscribe(A, Topic.keyword("agents"), "U1", T0);
        assertThat(folder.resolve("home").resolve(StoreConfig.SQLITE_FILE)).exists();
        assertThat(Files.exists(folder.resolve("home").resolve(StoreConfig.SQLITE_FILE + "-wal"))).isTrue();
        assertThat(store.databaseKind()).isEqualTo("sqlite");
    }
}
