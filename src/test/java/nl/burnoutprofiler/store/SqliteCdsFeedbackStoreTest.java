package nl.burnoutprofiler.store;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The CDS Hooks cards and feedback on SQLite, the embedded database. */
class SqliteCdsFeedbackStoreTest extends CdsFeedbackStoreContractTest {

    @TempDir
    Path folder;

    @Override
    DatabaseSettings newDatabase() {
        return TestDatabases.embedded(folder.resolve("data"));
    }
}
