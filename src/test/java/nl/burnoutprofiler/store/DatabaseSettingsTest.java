package nl.burnoutprofiler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSettingsTest {

    @TempDir
    Path folder;

    @Test
    void theEmbeddedDatabaseIsAnH2FileInPostgreSqlMode() {
        DatabaseSettings settings = DatabaseSettings.embedded(Path.of("relative/data"));

        assertThat(settings.jdbcUrl())
                .startsWith("jdbc:h2:file:" + Path.of("relative/data").toAbsolutePath() + "/burnout-profiler;")
                .contains(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        assertThat(settings.user()).isEqualTo("sa");
        assertThat(settings.password()).isEmpty();
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
    void anUnreachableDatabaseFailsClearly() {
        DatabaseSettings nowhere = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/burnout?connectTimeout=2", "app", "s3cret");

        assertThatThrownBy(() -> Database.open(nowhere))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Cannot connect to the database jdbc:postgresql://127.0.0.1:1/burnout")
                .hasMessageNotContaining("s3cret");
    }
}
