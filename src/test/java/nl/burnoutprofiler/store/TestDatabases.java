package nl.burnoutprofiler.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for tests: the embedded SQLite database in a temporary folder, or a fresh schema on the PostgreSQL server that the
 * environment names ({@value #URL}, {@value #USER}, {@value #PASSWORD}; {@code .ci/run} sets them). Without that
 * server a PostgreSQL test is skipped, except in CI ({@value #CI} set), where it fails.
 *
 * <pre>{@code
 * try (TestDatabases.PostgresSchema schema = TestDatabases.postgres();
 *      Database database = Database.open(schema.settings())) { ... }
 * }</pre>
 */
public final class TestDatabases {

    public static final String URL = "BURNOUT_TEST_POSTGRES_URL";
    public static final String USER = "BURNOUT_TEST_POSTGRES_USER";
    public static final String PASSWORD = "BURNOUT_TEST_POSTGRES_PASSWORD";
    public static final String CI = "BURNOUT_CI";

    private TestDatabases() {
    }

    /** A new, empty embedded database in {@code folder} (use a JUnit {@code @TempDir}). */
    public static DatabaseSettings embedded(Path folder) {
        return DatabaseSettings.embedded(folder);
    }

    /** Whether the environment names a PostgreSQL server for tests. */
    public static boolean postgresConfigured() {
        String url = System.getenv(URL);
        return url != null && !url.isBlank();
    }

    /**
     * A new, empty schema on the test PostgreSQL server; the settings reach only that schema. Close it to drop the
     * schema (close the {@link Database} first). Aborts the calling test when no server is configured, or fails it
     * in CI.
     */
    public static PostgresSchema postgres() {
        if (!postgresConfigured()) {
            String message = "PostgreSQL not configured: set " + URL + " (e.g. jdbc:postgresql://127.0.0.1:5432/burnout_test), "
                    + USER + " and " + PASSWORD + "; .ci/run does this";
            String ci = System.getenv(CI);
            if (ci != null && !ci.isBlank()) {
                Assertions.fail(message + " (" + CI + " is set: CI must test against PostgreSQL)");
            }
            Assumptions.abort(message);
        }
        String url = System.getenv(URL);
        String user = System.getenv(USER);
        String password = System.getenv(PASSWORD);
        // A generated name, never input: safe to put in the statement (identifiers cannot be bound).
        String schema = "burnout_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test schema on " + new DatabaseSettings(url, user, password).describe()
                    + ": " + e.getMessage(), e);
        }
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new PostgresSchema(new DatabaseSettings(schemaUrl, user, password), schema, url);
    }

    /** A schema of its own on the test PostgreSQL server; {@link #close()} drops it with everything in it. */
    public record PostgresSchema(DatabaseSettings settings, String name, String serverUrl) implements AutoCloseable {

        @Override
        public void close() {
            try (Connection connection = DriverManager.getConnection(serverUrl, settings.user(), settings.password());
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot drop the test schema " + name + ": " + e.getMessage(), e);
            }
        }
    }
}
