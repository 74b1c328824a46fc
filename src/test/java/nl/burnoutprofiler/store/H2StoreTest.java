package nl.burnoutprofiler.store;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The store on H2, the embedded database: a new file database in a temporary folder for each test. */
class H2StoreTest extends StoreContractTest {

    @TempDir
    Path folder;

    @Override
    DatabaseSettings newDatabase() {
        return TestDatabases.h2(folder.resolve("data"));
    }
}
