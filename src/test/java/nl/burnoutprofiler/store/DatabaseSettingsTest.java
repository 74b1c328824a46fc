package nl.burnoutprofiler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSettingsTest {

    @TempDir
    Path folder;

    @Test
    void theEmbeddedDatabaseIsAnH2FileInPostgreSqlModeThatWritesEachCommitAtOnce() {
        DatabaseSettings settings = DatabaseSettings.embedded(folder.resolve("data"));

        assertThat(settings.jdbcUrl())
                .startsWith("jdbc:h2:file:" + folder.resolve("data").toAbsolutePath() + "/burnout-profiler;")
                .contains(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
                .contains(";WRITE_DELAY=0");
        assertThat(settings.user()).isEqualTo("sa");
        assertThat(settings.password()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(settings.embedded()).isTrue();
        assertThat(new DatabaseSettings("jdbc:postgresql://db/burnout", "app", "pw").embedded()).isFalse();
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
        }

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
        Files.setPosixFilePermissions(data.resolve("burnout-profiler.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));

        Database.open(DatabaseSettings.embedded(data)).close();

        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(data.resolve("burnout-profiler.mv.db")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void theSecretBesideTheDatabaseIsMadeOnceAndNeededToOpenIt() throws IOException {
        Path data = folder.resolve("data");
        DatabaseSettings first = DatabaseSettings.embedded(data);
        Database.open(first).close();

        assertThat(DatabaseSettings.embedded(data).password()).isEqualTo(first.password());
        assertThat(Files.readString(data.resolve("database.secret")).strip()).isEqualTo(first.password());
        DatabaseSettings withoutSecret = new DatabaseSettings(first.jdbcUrl(), "sa", "");
        assertThatThrownBy(() -> Database.open(withoutSecret).close()).isInstanceOf(StoreException.class);
        Files.writeString(data.resolve("database.secret"), "not-the-secret-of-this-database");
        assertThatThrownBy(() -> Database.open(DatabaseSettings.embedded(data)).close())
                .isInstanceOf(StoreException.class).hasMessageContaining("Cannot connect");
    }

    @Test
    void aDatabaseMadeWithoutASecretGetsTheSecretAsItsPassword() throws Exception {
        Path data = folder.resolve("data");
        DatabaseSettings settings = DatabaseSettings.embedded(data);
        Database.open(new DatabaseSettings(settings.jdbcUrl(), "sa", "")).close();

        try (Database database = Database.open(settings)) {
            assertThat(database.users().isEmpty()).isTrue();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(settings.jdbcUrl(), "sa", "").close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void theFolderOfAnotherH2UrlIsLeftAsItIs() throws IOException {
        Path own = folder.resolve("own");
        Files.createDirectories(own);
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path notes = Files.writeString(own.resolve("notes.txt"), "not ours");
        DatabaseSettings settings = new DatabaseSettings("jdbc:h2:file:" + own.resolve("db") + DatabaseSettings.H2_OPTIONS,
                "sa", "");

        Database.open(settings).close();

        assertThat(Files.getPosixFilePermissions(own)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Files.getPosixFilePermissions(notes)).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
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
