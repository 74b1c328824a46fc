package nl.burnoutprofiler.store;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The store on SQLite, the embedded database: a new file database in a temporary folder for each test. */
class SqliteStoreTest extends StoreContractTest {

    @TempDir
    Path folder;

    @Override
    DatabaseSettings newDatabase() {
        return TestDatabases.embedded(folder.resolve("data"));
    }
}
