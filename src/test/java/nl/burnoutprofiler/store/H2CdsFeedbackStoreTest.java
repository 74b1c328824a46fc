package nl.burnoutprofiler.store;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The CDS Hooks cards and feedback on H2, the embedded database. */
class H2CdsFeedbackStoreTest extends CdsFeedbackStoreContractTest {

    @TempDir
    Path folder;

    @Override
    DatabaseSettings newDatabase() {
        return TestDatabases.h2(folder.resolve("data"));
    }
}
