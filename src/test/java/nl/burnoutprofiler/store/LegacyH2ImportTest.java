package nl.burnoutprofiler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder of an earlier version holds the H2 database (with its secret, or from before there was one). The
 * first start of this version finds everything of it in the embedded SQLite database.
 */
class LegacyH2ImportTest {

    private static final String URL_OPTIONS = LegacyH2Import.H2_OPTIONS;

    @TempDir
    Path data;

    /** What the H2 store of earlier versions held: its own migrations, and rows as its stores wrote them. */
    private void earlierVersionStored(String password) throws SQLException {
        String url = "jdbc:h2:file:" + data.resolve("burnout-profiler") + URL_OPTIONS;
        Flyway.configure().dataSource(url, "sa", password)
                .locations(Database.MIGRATIONS + "/common", Database.MIGRATIONS + "/h2").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", password);
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO users VALUES ('carl', 'Carl', 'coach', 'hash-c', NULL, TIMESTAMP WITH TIME ZONE '2025-01-02 08:00:00+00')");
            statement.execute("INSERT INTO users VALUES ('mia', 'Mia', 'case-manager', 'hash-m', NULL, TIMESTAMP WITH TIME ZONE '2025-01-01 08:00:00+00')");
            statement.execute("UPDATE users SET manager = 'mia' WHERE username = 'carl'");
            statement.execute("INSERT INTO api_tokens VALUES ('ehr', 'token-hash', 'integrator', NULL, TIMESTAMP WITH TIME ZONE '2025-01-03 08:00:00+00', 'root', NULL)");
            statement.execute("INSERT INTO cases VALUES ('case-1', 'carl', TIMESTAMP WITH TIME ZONE '2025-02-10 09:00:00.123456+00')");
            // Intake 1 and its correction 2; intake 3 was of a case erased since, so the sequence stands at 4.
            statement.execute("SELECT nextval('intake_ids'), nextval('intake_ids'), nextval('intake_ids')");
            statement.execute("INSERT INTO intakes VALUES (1, 'case-1', 1, 1, DATE '2025-02-10', 'observer A', '{\"caseId\":\"case-1\"}', 'carl', TIMESTAMP WITH TIME ZONE '2025-02-10 09:00:00.123456+00')");
            statement.execute("INSERT INTO intakes VALUES (2, 'case-1', 1, 2, DATE '2025-02-11', NULL, '{\"caseId\":\"case-1\",\"v\":2}', 'carl', TIMESTAMP WITH TIME ZONE '2025-02-11 10:00:00+00')");
            statement.execute("INSERT INTO outcomes VALUES (1, '{\"o\":1}', 'rules-0.1', 'RELATIONAL', 'CONTEMPLATION', 'CLEAR')");
            statement.execute("INSERT INTO outcomes VALUES (2, '{\"o\":2}', 'rules-0.1', 'IDENTITY', NULL, 'CLEAR')");
            statement.execute("INSERT INTO audit_log (recorded_at, actor, action, case_id, detail) VALUES (TIMESTAMP WITH TIME ZONE '2025-02-10 09:00:00.123456+00', 'carl', 'store-intake', 'case-1', 'intake 1')");
            statement.execute("INSERT INTO audit_log (recorded_at, actor, action, case_id, detail) VALUES (TIMESTAMP WITH TIME ZONE '2025-02-12 09:00:00+00', 'root', 'erase-case', 'case-0', 'reason: request 7')");
            statement.execute("INSERT INTO cds_cards VALUES ('card-1', 'svc', 'case-1', 'REGULATION_BEFORE_INSIGHT', 'rules-0.1', TIMESTAMP WITH TIME ZONE '2025-02-10 09:01:00+00', 'ehr')");
            statement.execute("INSERT INTO cds_feedback (card_uuid, outcome, outcome_timestamp, received_at, received_from) VALUES ('card-1', 'accepted', TIMESTAMP WITH TIME ZONE '2025-02-10 09:02:00+00', TIMESTAMP WITH TIME ZONE '2025-02-10 09:03:00+00', 'ehr')");
            statement.execute("INSERT INTO erased_cases VALUES ('case-0', TIMESTAMP WITH TIME ZONE '2025-02-12 09:00:00+00')");
        }
    }

    @Test
    void everythingTheH2DatabaseHeldIsInTheEmbeddedDatabaseAfterTheFirstStart() throws Exception {
        Files.writeString(data.resolve(DataFolder.SECRET_FILE), "the-secret\n");
        earlierVersionStored("the-secret");

        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            assertThat(database.users().find("carl")).get().extracting(User::manager).isEqualTo("mia");
            assertThat(database.users().passwordHash("mia")).contains("hash-m");
            assertThat(database.tokens().findByHash("token-hash")).get().extracting(ApiToken::role).isEqualTo(Role.INTEGRATOR);

            List<StoredIntake> history = database.cases().history("case-1");
            assertThat(history).extracting(StoredIntake::intakeId, StoredIntake::meeting, StoredIntake::version,
                            StoredIntake::date, StoredIntake::storedAt)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(1L, 1L, 1, LocalDate.parse("2025-02-10"),
                                    Instant.parse("2025-02-10T09:00:00.123456Z")),
                            org.assertj.core.groups.Tuple.tuple(2L, 1L, 2, LocalDate.parse("2025-02-11"),
                                    Instant.parse("2025-02-11T10:00:00Z")));
            assertThat(history.get(1).intakeJson()).isEqualTo("{\"caseId\":\"case-1\",\"v\":2}");
            assertThat(history.get(1).primaryType()).isEqualTo("IDENTITY");
            assertThat(history.get(1).stage()).isNull();

            assertThat(database.audit().forCase("case-1")).extracting(AuditEntry::detail).containsExactly("intake 1");
            assertThat(database.cdsFeedback().forCase("case-1")).hasSize(1);
            assertThat(database.cases().wasErased("case-0")).isTrue();
            assertThatThrownBy(() -> database.cases().store(StoreContractTest.intake("case-0", "2025-03-01"), "carl", null))
                    .isInstanceOf(ConflictException.class);

            StoredIntake next = database.cases().store(StoreContractTest.intake("case-2", "2025-03-01"), "carl", null);
            assertThat(next.intakeId()).as("after the ids H2's sequence gave out, the erased one included").isEqualTo(4L);
            assertThat(database.audit().recent(1)).extracting(AuditEntry::id)
                    .allSatisfy(id -> assertThat(id).isGreaterThan(2L));
        }
        assertThat(data.resolve("burnout-profiler.mv.db")).doesNotExist();
        assertThat(data.resolve("burnout-profiler.mv.db.imported")).exists();
        assertThat(data.resolve("burnout-profiler.db.import")).doesNotExist();
    }

    @Test
    void anH2DatabaseFromBeforeTheSecretIsImportedToo() throws Exception {
        earlierVersionStored("");

        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            assertThat(database.cases().history("case-1")).hasSize(2);
        }
    }

    @Test
    void theImportRunsOnceAndAnInterruptedOneStartsOver() throws Exception {
        earlierVersionStored("");
        // What a crash during an import leaves: a partial copy under the temporary name.
        Files.writeString(data.resolve("burnout-profiler.db.import"), "half a database");

        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            database.cases().store(StoreContractTest.intake("case-2", "2025-03-01"), "carl", null);
        }
        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            assertThat(database.cases().history("case-1")).hasSize(2);
            assertThat(database.cases().history("case-2")).hasSize(1);
        }
    }

    @Test
    void aFolderWithoutAnH2DatabaseStartsEmpty() throws IOException {
        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            assertThat(database.users().isEmpty()).isTrue();
        }
        try (var files = Files.list(data)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.contains(".mv.db"));
        }
    }
}
