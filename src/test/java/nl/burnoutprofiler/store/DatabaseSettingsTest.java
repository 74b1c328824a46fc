package nl.burnoutprofiler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSettingsTest {

    @TempDir
    Path folder;

    @Test
    void theEmbeddedDatabaseIsAnSqliteFileInTheDataFolder() {
        DatabaseSettings settings = DatabaseSettings.embedded(folder.resolve("data"));

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:sqlite:" + folder.resolve("data").toAbsolutePath() + "/burnout-profiler.db");
        assertThat(settings.embedded()).isTrue();
        assertThat(new DatabaseSettings("jdbc:postgresql://db/burnout", "app", "pw").embedded()).isFalse();
    }

    @Test
    void theEmbeddedDatabaseCommitsThroughASynchronousWriteAheadLog() throws SQLException {
        try (Database database = Database.open(DatabaseSettings.embedded(folder.resolve("data")));
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            assertThat(pragma(statement, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(statement, "synchronous")).as("FULL").isEqualTo("2");
            assertThat(pragma(statement, "foreign_keys")).isEqualTo("1");
        }
    }

    private static String pragma(Statement statement, String name) throws SQLException {
        try (ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void anH2UrlIsRefusedWithTheReason() {
        DatabaseSettings h2 = new DatabaseSettings("jdbc:h2:file:" + folder.resolve("db"), "sa", "");

        assertThatThrownBy(() -> Database.open(h2))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("no longer a store").hasMessageContaining("lost intakes")
                .hasMessageContaining("PostgreSQL");
    }

    @Test
    void describingNeverShowsCredentials() {
        DatabaseSettings settings = new DatabaseSettings(
                "jdbc:postgresql://db.example:5432/burnout?user=app&password=s3cret&ssl=true", "app", "s3cret");

        assertThat(settings.describe())
                .isEqualTo("jdbc:postgresql://db.example:5432/burnout?user=***&password=***&ssl=true");
        assertThat(settings.toString()).doesNotContain("s3cret");
        assertThat(new DatabaseSettings("jdbc:h2:file:/data/x;PASSWORD=s3cret;MODE=PostgreSQL", "sa", "").describe())
                .isEqualTo("jdbc:h2:file:/data/x;PASSWORD=***;MODE=PostgreSQL");
        assertThat(new DatabaseSettings("jdbc:postgresql://app:s3cret@db/burnout", null, null).describe())
                .doesNotContain("s3cret");
    }

    @Test
    void aUrlMustBeAJdbcUrl() {
        assertThatThrownBy(() -> new DatabaseSettings("postgres://db/burnout", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:");
    }

    @Test
    void openingMakesTheDataFolder() {
        Path data = folder.resolve("nested/data");

        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            assertThat(database.users().isEmpty()).isTrue();
        }
        assertThat(Files.isDirectory(data)).isTrue();
    }

    @Test
    void theDataFolderAndEverythingInItAreForTheOwnerOnly() throws IOException {
        Path data = folder.resolve("data");

        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            assertThat(database.users().isEmpty()).isTrue();
            assertThat(data.resolve("burnout-profiler.db-wal")).as("the log, while open").exists();
            assertOwnerOnly(data);
        }
        assertOwnerOnly(data);
    }

    private static void assertOwnerOnly(Path data) throws IOException {
        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(file -> assertThat(Files.getPosixFilePermissions(file))
                    .as(file.toString()).isEqualTo(PosixFilePermissions.fromString("rw-------")));
        }
    }

    @Test
    void aDataFolderOpenToOthersIsClosedAtTheNextStart() throws IOException {
        Path data = folder.resolve("data");
        Database.open(DatabaseSettings.embedded(data)).close();
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("burnout-profiler.db"), PosixFilePermissions.fromString("rw-r--r--"));

        Database.open(DatabaseSettings.embedded(data)).close();

        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(data.resolve("burnout-profiler.db")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void theFolderOfAnotherSqliteFileIsLeftAsItIsButTheDatabaseIsTheOwnersOnly() throws IOException {
        Path own = folder.resolve("own");
        Files.createDirectories(own);
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path notes = Files.writeString(own.resolve("notes.txt"), "not ours");
        Files.setPosixFilePermissions(notes, PosixFilePermissions.fromString("rw-r--r--"));

        Database.open(new DatabaseSettings("jdbc:sqlite:" + own.resolve("store.db"), null, null)).close();

        assertThat(Files.getPosixFilePermissions(own)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Files.getPosixFilePermissions(notes)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Files.getPosixFilePermissions(own.resolve("store.db"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void anUnreachableDatabaseFailsClearly() {
        DatabaseSettings nowhere = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/burnout?connectTimeout=2", "app", "s3cret");

        assertThatThrownBy(() -> Database.open(nowhere))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Cannot connect to the database jdbc:postgresql://127.0.0.1:1/burnout")
                .hasMessageNotContaining("s3cret");
    }
}
