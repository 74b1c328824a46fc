package nl.burnoutprofiler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on SQLite, the embedded database: a new file database in a temporary folder for each test. */
class SqliteStoreTest extends StoreContractTest {

    @TempDir
    Path folder;

    @Override
    DatabaseSettings newDatabase() {
        return TestDatabases.embedded(folder.resolve("data"));
    }

    /** SQLite rebuilds the users table to let the organisation role in: nothing that pointed at a user may break. */
    @Test
    void theOrganisationRoleArrivesInADatabaseInUseWithItsUsersCasesAndForeignKeysIntact() throws SQLException, IOException {
        DatabaseSettings older = TestDatabases.embedded(Files.createDirectories(folder.resolve("older")));
        Flyway.configure(getClass().getClassLoader()).dataSource(older.jdbcUrl(), older.user(), older.password())
                .locations("classpath:db/migration/sqlite").target("9").load().migrate();
        try (Connection before = DriverManager.getConnection(older.jdbcUrl());
             Statement statement = before.createStatement()) {
            statement.execute("INSERT INTO users (username, display_name, role, created_at) VALUES"
                    + " ('mia', 'Mia', 'case-manager', '2025-03-01T09:00:00.000000Z'),"
                    + " ('carl', 'Carl', 'coach', '2025-03-01T09:00:00.000000Z')");
            statement.execute("UPDATE users SET manager = 'mia' WHERE username = 'carl'");
        }
        try (Database migrated = Database.open(older, clock)) {
            migrated.cases().store(intake("case-1", "2025-02-10"), "carl", null);
            migrated.users().create("hanna", "Hanna", Role.ORGANISATION, "h", null);

            assertThat(migrated.users().coachesOf("mia")).containsExactly("carl");
            assertThat(migrated.cases().ownerOf("case-1")).contains("carl");
            assertThatThrownBy(() -> execute(migrated,
                    "INSERT INTO cases (case_id, coach, created_at) VALUES ('x', 'nobody', '2025-03-01T09:00:00.000000Z')"))
                    .as("foreign keys are on again").hasMessageContaining("FOREIGN KEY");
            try (Connection connection = migrated.dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet broken = statement.executeQuery("PRAGMA foreign_key_check")) {
                assertThat(broken.next()).as("no row points at a user that is gone").isFalse();
            }
        }
    }

    private static void execute(Database database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
