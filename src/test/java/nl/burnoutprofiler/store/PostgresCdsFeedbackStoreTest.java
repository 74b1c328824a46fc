package nl.burnoutprofiler.store;

/**
 * The CDS Hooks cards and feedback on PostgreSQL: a new schema for each test. Skipped when no server is configured
 * (see {@link TestDatabases}), except in CI.
 */
class PostgresCdsFeedbackStoreTest extends CdsFeedbackStoreContractTest {

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
