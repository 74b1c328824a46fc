package nl.burnoutprofiler.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import nl.burnoutprofiler.store.DatabaseSettings;

/**
 * Where the data lives: the embedded database under {@code --data} by default, or a PostgreSQL server given by
 * a JDBC URL. Credentials come from the environment so they never show in a process list.
 */
final class DatabaseOptions {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Folder of the embedded database (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", defaultValue = "${env:BURNOUT_DB_URL}",
            description = "PostgreSQL instead of the embedded database, e.g. jdbc:postgresql://localhost/burnout "
                    + "(or BURNOUT_DB_URL). User and password from BURNOUT_DB_USER and BURNOUT_DB_PASSWORD.")
    String jdbcUrl;

    DatabaseSettings settings() {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            return DatabaseSettings.embedded(dataDirectory);
        }
        return new DatabaseSettings(jdbcUrl, System.getenv("BURNOUT_DB_USER"), System.getenv("BURNOUT_DB_PASSWORD"));
    }
}
