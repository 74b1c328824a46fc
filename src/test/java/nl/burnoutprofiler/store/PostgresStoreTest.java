package nl.burnoutprofiler.store;

/**
 * The store on PostgreSQL: a new schema on the test server for each test, dropped afterwards. Skipped when no server
 * is configured (see {@link TestDatabases}), except in CI.
 */
class PostgresStoreTest extends StoreContractTest {

    private TestDatabases.PostgresSchema schema;

    @Override
    DatabaseSettings newDatabase() {
        schema = TestDatabases.postgres();
        return schema.settings();
    }

    @Override
    void dropDatabase() {
        if (schema != null) {
            schema.close();
        }
    }
}
