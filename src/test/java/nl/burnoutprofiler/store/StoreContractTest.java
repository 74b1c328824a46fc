package nl.burnoutprofiler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the store does, on any database it supports. Each test gets a new, empty database; subclasses say which kind.
 */
abstract class StoreContractTest {

    static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

    final TestClock clock = new TestClock(START);
    DatabaseSettings settings;
    Database db;

    /** The settings of a new, empty database for one test. */
    abstract DatabaseSettings newDatabase() throws Exception;

    /** Removes what {@link #newDatabase()} made, after the database is closed. */
    void dropDatabase() {
    }

    @BeforeEach
    void open() throws Exception {
        settings = newDatabase();
        db = Database.open(settings, clock);
    }

    @AfterEach
    void close() {
        try {
            if (db != null) {
                db.close();
            }
        } finally {
            dropDatabase();
        }
    }

    // ---- test data ----

    void coach(String username) {
        db.users().create(username, "Coach " + username, Role.COACH, "hash-" + username, null);
    }

    static NewIntake intake(String caseId, String date) {
        return intake(caseId, date, "PHYSIOLOGICAL", "CONTEMPLATION", "CLEAR");
    }

    static NewIntake intake(String caseId, String date, String primaryType, String stage, String safetyStatus) {
        return new NewIntake(caseId, LocalDate.parse(date), "observer A",
                "{\"caseId\":\"" + caseId + "\",\"date\":\"" + date + "\",\"observations\":[\"TIRED\"]}",
                "{\"primaryType\":\"" + primaryType + "\"}", "rules-1.0", primaryType, stage, safetyStatus);
    }

    // ---- users ----

    @Test
    void aCreatedUserIsFoundAndListedByUsername() {
        db.users().create("zoe", "Zoë de Vries", Role.ADMIN, "hash-z", null);
        db.users().create("anna", "Anna Jansen", Role.CASE_MANAGER, "hash-a", null);

        assertThat(db.users().find("zoe")).contains(new User("zoe", "Zoë de Vries", Role.ADMIN, null, START));
        assertThat(db.users().find("nobody")).isEmpty();
        assertThat(db.users().all()).extracting(User::username).containsExactly("anna", "zoe");
    }

    @Test
    void aTakenUsernameIsAConflict() {
        coach("bob");

        assertThatThrownBy(() -> db.users().create("bob", "Another Bob", Role.ADMIN, "h", null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("bob");
        assertThat(db.users().find("bob").orElseThrow().role()).isEqualTo(Role.COACH);
    }

    @Test
    void coachesAreAssignedToACaseManagerWhoListsThem() {
        db.users().create("mia", "Mia", Role.CASE_MANAGER, "h", null);
        db.users().create("max", "Max", Role.CASE_MANAGER, "h", null);
        db.users().create("carl", "Carl", Role.COACH, "h", "mia");
        db.users().create("bea", "Bea", Role.COACH, "h", "mia");
        db.users().create("dirk", "Dirk", Role.COACH, "h", "max");
        coach("eva");

        assertThat(db.users().coachesOf("mia")).containsExactly("bea", "carl");
        assertThat(db.users().coachesOf("max")).containsExactly("dirk");
        assertThat(db.users().find("carl").orElseThrow().manager()).isEqualTo("mia");

        db.users().setManager("eva", "max");
        db.users().setManager("dirk", null);
        assertThat(db.users().coachesOf("max")).containsExactly("eva");
    }

    @Test
    void aManagerMustBeAnExistingCaseManagerAndOnlyCoachesHaveOne() {
        db.users().create("mia", "Mia", Role.CASE_MANAGER, "h", null);
        coach("carl");

        assertThatThrownBy(() -> db.users().create("bea", "Bea", Role.COACH, "h", "nobody"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody is not a case manager");
        assertThatThrownBy(() -> db.users().create("bea", "Bea", Role.COACH, "h", "carl"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carl is not a case manager");
        assertThatThrownBy(() -> db.users().create("ad", "Ad", Role.ADMIN, "h", "mia"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only a coach");
        assertThatThrownBy(() -> db.users().setManager("mia", "mia"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only a coach");
        assertThat(db.users().find("bea")).isEmpty();
    }

    @Test
    void thePasswordHashCanBeReadAndChanged() {
        coach("carl");
        db.users().create("tool", "Integration", Role.INTEGRATOR, null, null);

        assertThat(db.users().passwordHash("carl")).contains("hash-carl");
        db.users().setPasswordHash("carl", "new-hash");
        assertThat(db.users().passwordHash("carl")).contains("new-hash");
        assertThat(db.users().passwordHash("tool")).isEmpty();
        assertThat(db.users().passwordHash("nobody")).isEmpty();
        assertThatThrownBy(() -> db.users().setPasswordHash("nobody", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStoreIsEmptyUntilTheFirstUser() {
        assertThat(db.users().isEmpty()).isTrue();
        db.users().create("admin", "Admin", Role.ADMIN, "h", null);
        assertThat(db.users().isEmpty()).isFalse();
    }

    // ---- API tokens ----

    @Test
    void aTokenIsFoundByItsHashUntilRevoked() {
        coach("carl");
        db.tokens().create("ehr-import", Role.INTEGRATOR, null, "hash-1", "admin");
        db.tokens().create("carl-script", Role.COACH, "carl", "hash-2", "admin");

        assertThat(db.tokens().findByHash("hash-2"))
                .contains(new ApiToken("carl-script", Role.COACH, "carl", START, "admin"));
        assertThat(db.tokens().findByHash("hash-3")).isEmpty();

        clock.advance(Duration.ofHours(1));
        assertThat(db.tokens().revoke("ehr-import")).isTrue();
        assertThat(db.tokens().revoke("ehr-import")).as("already revoked").isFalse();
        assertThat(db.tokens().revoke("no-such-token")).isFalse();

        assertThat(db.tokens().findByHash("hash-1")).isEmpty();
        assertThat(db.tokens().findByHash("hash-2")).isPresent();
        assertThat(db.tokens().all())
                .extracting(ApiToken::name, ApiToken::revokedAt)
                .containsExactly(tuple("carl-script", null), tuple("ehr-import", START.plus(Duration.ofHours(1))));
    }

    @Test
    void aTokenNameIsTakenForGoodEvenAfterRevoking() {
        db.tokens().create("ehr-import", Role.INTEGRATOR, null, "hash-1", "admin");
        db.tokens().revoke("ehr-import");

        assertThatThrownBy(() -> db.tokens().create("ehr-import", Role.INTEGRATOR, null, "hash-2", "admin"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("ehr-import")
                .hasMessageNotContaining("hash-2");
    }

    @Test
    void organisationUsersGetNoTokens() {
        organisationLead("hanna");

        assertThatThrownBy(() -> db.tokens().create("t", Role.ORGANISATION, null, "hash", "admin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no API tokens");
        assertThat(db.tokens().all()).isEmpty();
    }

    @Test
    void aCoachTokenActsAsACoach() {
        db.users().create("mia", "Mia", Role.CASE_MANAGER, "h", null);

        assertThatThrownBy(() -> db.tokens().create("t", Role.COACH, null, "hash", "admin"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.tokens().create("t", Role.COACH, "mia", "hash", "admin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mia is not a coach");
        assertThatThrownBy(() -> db.tokens().create("t", Role.ADMIN, "mia", "hash", "admin"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(db.tokens().all()).isEmpty();
    }

    // ---- sessions ----

    @Test
    void aSessionIsFoundUntilItExpires() {
        coach("carl");
        Instant expiry = START.plus(Duration.ofHours(8));
        Session session = new Session("id-hash", "carl", "csrf", expiry);
        db.sessions().create(session);

        assertThat(db.sessions().find("id-hash", START)).contains(session);
        assertThat(db.sessions().find("id-hash", expiry.minusSeconds(1))).isPresent();
        assertThat(db.sessions().find("id-hash", expiry)).as("expired").isEmpty();
        assertThat(db.sessions().find("other-hash", START)).isEmpty();
    }

    @Test
    void expiredSessionsAreDeletedAndSignedOutOnesGone() {
        coach("carl");
        db.sessions().create(new Session("old", "carl", "c1", START.plusSeconds(60)));
        db.sessions().create(new Session("older", "carl", "c2", START.plusSeconds(30)));
        db.sessions().create(new Session("fresh", "carl", "c3", START.plusSeconds(3600)));
        db.sessions().create(new Session("signed-out", "carl", "c4", START.plusSeconds(3600)));

        db.sessions().delete("signed-out");
        assertThat(db.sessions().find("signed-out", START)).isEmpty();

        assertThat(db.sessions().deleteExpired(START.plusSeconds(60))).isEqualTo(2);
        assertThat(db.sessions().find("old", START)).isEmpty();
        assertThat(db.sessions().find("fresh", START)).isPresent();
        assertThat(db.sessions().deleteExpired(START.plusSeconds(60))).isZero();
    }

    @Test
    void aSessionBelongsToAnExistingUser() {
        assertThatThrownBy(() -> db.sessions().create(new Session("h", "nobody", "c", START.plusSeconds(60))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
    }

    // ---- cases ----

    @Test
    void theFirstIntakeOfACaseMakesItTheCoachs() {
        coach("carl");
        NewIntake sent = intake("case-1", "2025-02-10");

        StoredIntake stored = db.cases().store(sent, "carl", null);

        assertThat(db.cases().ownerOf("case-1")).contains("carl");
        assertThat(db.cases().ownerOf("case-2")).isEmpty();
        assertThat(stored.meeting()).as("a new meeting is named by its first intake").isEqualTo(stored.intakeId());
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.storedBy()).isEqualTo("carl");
        assertThat(stored.storedAt()).isEqualTo(START);
        assertThat(db.cases().history("case-1")).containsExactly(stored);
        assertThat(stored).usingRecursiveComparison()
                .comparingOnlyFields("caseId", "date", "observer", "intakeJson", "outcomeJson", "ruleSetVersion",
                        "primaryType", "stage", "safetyStatus")
                .isEqualTo(sent);
    }

    @Test
    void anotherCoachsCaseIsRefused() {
        coach("carl");
        coach("dora");
        db.cases().store(intake("case-1", "2025-02-10"), "carl", null);

        assertThatThrownBy(() -> db.cases().store(intake("case-1", "2025-02-17"), "dora", null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("case-1");
        assertThat(db.cases().history("case-1")).hasSize(1);
        assertThat(db.cases().ownerOf("case-1")).contains("carl");
    }

    @Test
    void onlyACoachOwnsCases() {
        db.users().create("admin", "Admin", Role.ADMIN, "h", null);

        assertThatThrownBy(() -> db.cases().store(intake("case-1", "2025-02-10"), "admin", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("admin is not a coach");
        assertThatThrownBy(() -> db.cases().store(intake("case-1", "2025-02-10"), "nobody", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(db.cases().ownerOf("case-1")).isEmpty();
    }

    @Test
    void aCorrectionIsANewVersionOfTheMeetingAndKeepsTheOldOne() {
        coach("carl");
        StoredIntake first = db.cases().store(intake("case-1", "2025-02-10"), "carl", null);
        clock.advance(Duration.ofDays(7));
        StoredIntake secondMeeting = db.cases().store(intake("case-1", "2025-02-17"), "carl", null);
        clock.advance(Duration.ofMinutes(5));
        StoredIntake correction = db.cases().store(
                intake("case-1", "2025-02-10", "CONTEXTUAL", "PREPARATION", "CLEAR"), "carl", first.intakeId());
        StoredIntake secondCorrection = db.cases().store(
                intake("case-1", "2025-02-10", "RELATIONAL", "PREPARATION", "CLEAR"), "carl", correction.intakeId());

        assertThat(secondMeeting.meeting()).isEqualTo(secondMeeting.intakeId()).isNotEqualTo(first.meeting());
        assertThat(correction.meeting()).isEqualTo(first.meeting());
        assertThat(correction.version()).isEqualTo(2);
        assertThat(secondCorrection.version()).isEqualTo(3);
        assertThat(db.cases().history("case-1"))
                .as("every version stays, by meeting date, meeting and version")
                .containsExactly(first, correction, secondCorrection, secondMeeting);
        assertThat(db.cases().history("case-1").get(0).primaryType()).isEqualTo("PHYSIOLOGICAL");
        assertThat(db.cases().versionCounts("case-1"))
                .isEqualTo(Map.of(first.meeting(), 3, secondMeeting.meeting(), 1));
        assertThat(db.cases().latestPerMeeting("case-1")).containsExactly(secondCorrection, secondMeeting);
    }

    @Test
    void latestPerMeetingGoesByMeetingDateThenMeetingId() {
        coach("carl");
        StoredIntake march = db.cases().store(intake("case-1", "2025-03-03"), "carl", null);
        StoredIntake februaryA = db.cases().store(intake("case-1", "2025-02-10"), "carl", null);
        StoredIntake februaryB = db.cases().store(intake("case-1", "2025-02-10"), "carl", null);
        StoredIntake january = db.cases().store(intake("case-1", "2025-01-20"), "carl", null);

        assertThat(db.cases().latestPerMeeting("case-1")).containsExactly(january, februaryA, februaryB, march);

        // A correction of the date moves the meeting: its latest version counts.
        StoredIntake marchMovedToApril = db.cases().store(intake("case-1", "2025-04-07"), "carl", march.intakeId());
        StoredIntake januaryMovedToMarch = db.cases().store(intake("case-1", "2025-03-10"), "carl", january.intakeId());
        assertThat(db.cases().latestPerMeeting("case-1"))
                .containsExactly(februaryA, februaryB, januaryMovedToMarch, marchMovedToApril);
        assertThat(db.cases().history("case-1"))
                .containsExactly(februaryA, februaryB, january, januaryMovedToMarch, march, marchMovedToApril);
    }

    @Test
    void aCorrectionMustBeOfAnIntakeOfTheSameCase() {
        coach("carl");
        StoredIntake other = db.cases().store(intake("case-1", "2025-02-10"), "carl", null);
        db.cases().store(intake("case-2", "2025-02-10"), "carl", null);

        assertThatThrownBy(() -> db.cases().store(intake("case-2", "2025-02-11"), "carl", other.intakeId()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an intake of case case-2");
        assertThatThrownBy(() -> db.cases().store(intake("case-3", "2025-02-11"), "carl", other.intakeId()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.cases().store(intake("case-2", "2025-02-11"), "carl", 999_999L))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(db.cases().history("case-1")).containsExactly(other);
        assertThat(db.cases().history("case-2")).hasSize(1);
        assertThat(db.cases().ownerOf("case-3")).as("nothing of a refused intake stays").isEmpty();
    }

    @Test
    void aFailedStoreLeavesNothingAndItsErrorQuotesNoContent() {
        coach("carl");
        String tooLong = "SECRET-".repeat(100);
        NewIntake broken = new NewIntake("case-1", LocalDate.parse("2025-02-10"), "observer",
                "{\"note\":\"" + tooLong + "\"}", "{}", "rules-1.0", tooLong, null, null);

        assertThatThrownBy(() -> db.cases().store(broken, "carl", null))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("case-1")
                .hasMessageNotContaining("SECRET")
                .hasNoCause();
        assertThat(db.cases().ownerOf("case-1")).isEmpty();
        assertThat(db.cases().history("case-1")).isEmpty();
    }

    @Test
    void caseListsShowTheLatestVersionOfTheNewestMeeting() {
        coach("carl");
        coach("dora");
        db.cases().store(intake("case-a", "2025-01-06"), "carl", null);
        StoredIntake aNewest = db.cases().store(intake("case-a", "2025-02-03"), "carl", null);
        StoredIntake aCorrected = db.cases().store(
                intake("case-a", "2025-02-03", "IDENTITY", "ACTION", "CLEAR"), "carl", aNewest.intakeId());
        db.cases().store(intake("case-a", "2025-01-20"), "carl", null);
        StoredIntake b = db.cases().store(intake("case-b", "2025-02-03"), "dora", null);
        StoredIntake c = db.cases().store(intake("case-c", "2025-03-03"), "carl", null);

        List<CaseSummary> cases = db.cases().cases(CaseFilter.all());

        assertThat(cases).as("newest first, then by case id").extracting(CaseSummary::caseId)
                .containsExactly("case-c", "case-a", "case-b");
        assertThat(cases.get(1)).isEqualTo(new CaseSummary("case-a", "carl", "Coach carl", 3, aCorrected));
        assertThat(cases.get(2)).isEqualTo(new CaseSummary("case-b", "dora", "Coach dora", 1, b));
        assertThat(cases.get(0).latest()).isEqualTo(c);
    }

    @Test
    void caseFiltersApplyToTheLatestIntakeOnly() {
        coach("carl");
        coach("dora");
        db.cases().store(intake("case-a", "2025-01-06", "RELATIONAL", "ACTION", "URGENT"), "carl", null);
        db.cases().store(intake("case-a", "2025-02-03", "CONTEXTUAL", "PREPARATION", "CLEAR"), "carl", null);
        db.cases().store(intake("case-b", "2025-02-03", "RELATIONAL", "ACTION", "CLEAR"), "dora", null);
        db.cases().store(intake("case-c", "2025-02-04", "RELATIONAL", "PREPARATION", "URGENT"), "carl", null);

        assertThat(ids(new CaseFilter(null, null, "RELATIONAL", null, null))).containsExactly("case-c", "case-b");
        assertThat(ids(new CaseFilter(null, null, null, "PREPARATION", null))).containsExactly("case-c", "case-a");
        assertThat(ids(new CaseFilter(null, null, null, null, "URGENT"))).containsExactly("case-c");
        assertThat(ids(new CaseFilter(null, "carl", null, null, null))).containsExactly("case-c", "case-a");
        assertThat(ids(new CaseFilter(null, "carl", "RELATIONAL", "PREPARATION", "URGENT"))).containsExactly("case-c");
        assertThat(ids(new CaseFilter(null, "dora", null, "PREPARATION", null))).isEmpty();
    }

    @Test
    void aCaseListShowsOnlyTheCasesOfTheVisibleCoaches() {
        coach("carl");
        coach("dora");
        coach("evi");
        db.cases().store(intake("case-a", "2025-02-01"), "carl", null);
        db.cases().store(intake("case-b", "2025-02-02"), "dora", null);
        db.cases().store(intake("case-c", "2025-02-03"), "evi", null);

        assertThat(ids(CaseFilter.visibleTo(Set.of("carl", "evi")))).containsExactly("case-c", "case-a");
        assertThat(ids(CaseFilter.visibleTo(Set.of("dora")))).containsExactly("case-b");
        assertThat(ids(CaseFilter.visibleTo(Set.of()))).as("no coaches, no cases").isEmpty();
        assertThat(ids(new CaseFilter(Set.of("carl"), "dora", null, null, null))).as("both must hold").isEmpty();
        assertThat(ids(CaseFilter.all())).hasSize(3);
    }

    @Test
    void concurrentIntakesOfOneNewCaseAllLand() throws Exception {
        coach("carl");
        StoredIntake first = db.cases().store(intake("case-0", "2025-02-01"), "carl", null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<StoredIntake>> work = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                work.add(() -> db.cases().store(intake("case-new", "2025-02-01"), "carl", null));
                work.add(() -> db.cases().store(intake("case-0", "2025-02-01"), "carl", first.intakeId()));
            }
            for (Future<StoredIntake> result : pool.invokeAll(work)) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(db.cases().latestPerMeeting("case-new")).hasSize(4).allMatch(i -> i.version() == 1);
        assertThat(db.cases().history("case-0")).extracting(StoredIntake::version).containsExactly(1, 2, 3, 4, 5);
    }

    private List<String> ids(CaseFilter filter) {
        return db.cases().cases(filter).stream().map(CaseSummary::caseId).toList();
    }

    // ---- audit log ----

    @Test
    void theAuditLogListsACaseOldestFirstAndRecentEntriesNewestFirst() {
        db.audit().record("carl", "store-intake", "case-1", "meeting 1, version 1");
        clock.advance(Duration.ofMinutes(1));
        db.audit().record("mia", "read-case", "case-1", null);
        clock.advance(Duration.ofMinutes(1));
        db.audit().record("admin", "create-user", null, "user dora");
        clock.advance(Duration.ofMinutes(1));
        db.audit().record("dora", "read-case", "case-2", null);

        assertThat(db.audit().forCase("case-1"))
                .extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::at, AuditEntry::detail)
                .containsExactly(
                        tuple("carl", "store-intake", START, "meeting 1, version 1"),
                        tuple("mia", "read-case", START.plusSeconds(60), null));
        assertThat(db.audit().recent(3)).extracting(AuditEntry::actor).containsExactly("dora", "admin", "mia");
        assertThat(db.audit().recent(10)).hasSize(4);
    }

    @Test
    void theAuditLogHoldsNoIntakeContent() throws SQLException {
        assertThatThrownBy(() -> db.audit().record("carl", "store-intake", "case-1", "x".repeat(AuditLog.MAX_DETAIL + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(columns("audit_log"))
                .containsExactlyInAnyOrder("id", "recorded_at", "actor", "action", "case_id", "detail");

        coach("carl");
        StoredIntake stored = db.cases().store(intake("case-1", "2025-02-10"), "carl", null);
        assertThat(db.audit().recent(10)).as("storing writes its audit entry in its own transaction")
                .extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::caseId, AuditEntry::detail)
                .containsExactly(tuple("carl", CaseStore.STORE_INTAKE, "case-1",
                        "intake " + stored.intakeId() + ", meeting " + stored.meeting() + ", version 1"));
    }

    @Test
    void aCorrectionIsAuditedAsOne() {
        coach("carl");
        StoredIntake first = db.cases().store(intake("case-1", "2025-02-10"), "carl", null);
        db.cases().store(intake("case-1", "2025-02-10"), "carl", first.intakeId());

        assertThat(db.audit().forCase("case-1")).extracting(AuditEntry::action)
                .containsExactly(CaseStore.STORE_INTAKE, CaseStore.CORRECT_INTAKE);
    }

    private static String lower(String name) {
        return name == null ? null : name.toLowerCase(java.util.Locale.ROOT);
    }

    private List<String> columns(String table) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
             ResultSet rows = connection.getMetaData().getColumns(null, null, table, null)) {
            List<String> columns = new ArrayList<>();
            while (rows.next()) {
                // SQLite has no schemas: null for both.
                if (java.util.Objects.equals(lower(rows.getString("TABLE_SCHEM")), lower(connection.getSchema()))) {
                    columns.add(rows.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            return columns;
        }
    }

    // ---- append-only, enforced by the database ----

    @ParameterizedTest
    @ValueSource(strings = {
            "UPDATE intakes SET observer = 'someone else'",
            "UPDATE intakes SET intake_json = '{}' WHERE case_id = 'case-1'",
            "DELETE FROM intakes",
            "UPDATE outcomes SET primary_type = 'IDENTITY'",
            "DELETE FROM outcomes",
            "UPDATE audit_log SET actor = 'nobody'",
            "DELETE FROM audit_log",
    })
    void theDatabaseRefusesToChangeIntakesOutcomesAndTheAuditLog(String sql) throws SQLException {
        coach("carl");
        StoredIntake stored = db.cases().store(intake("case-1", "2025-02-10"), "carl", null);

        assertRefusedAsAppendOnly(sql);

        assertThat(db.cases().history("case-1")).containsExactly(stored);
        assertThat(db.audit().forCase("case-1")).hasSize(1);
    }

    private void assertRefusedAsAppendOnly(String sql) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(sql))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"intakes", "outcomes", "audit_log", "erased_cases", "rule_set_activations"})
    void theDatabaseRefusesToTruncateThem(String table) throws SQLException {
        coach("carl");
        db.cases().store(intake("case-0", "2025-02-03"), "carl", null);
        db.cases().erase("case-0", "root", "request AVG-2025-030");
        StoredIntake stored = db.cases().store(intake("case-1", "2025-02-10"), "carl", null);

        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("TRUNCATE TABLE " + table)).isInstanceOf(SQLException.class);
        }

        assertThat(db.cases().history("case-1")).containsExactly(stored);
        assertThat(db.audit().forCase("case-1")).hasSize(1);
        assertThat(db.cases().wasErased("case-0")).isTrue();
    }

    // ---- erasure (AVG/GDPR art. 17) ----

    /** Case case-1 over two meetings (one corrected) and case-2, each with a CDS card and feedback on it. */
    private void twoCasesWithCards() {
        coach("carl");
        StoredIntake first = db.cases().store(intake("case-1", "2025-02-10"), "carl", null);
        db.cases().store(intake("case-1", "2025-02-10"), "carl", first.intakeId());
        db.cases().store(intake("case-1", "2025-02-24"), "carl", null);
        db.cases().store(intake("case-2", "2025-02-11"), "carl", null);
        db.cdsFeedback().recordIssued(List.of(
                new CdsFeedbackStore.NewCard("card-of-case-1", "svc", "case-1", "REGULATION_BEFORE_INSIGHT", "1.0"),
                new CdsFeedbackStore.NewCard("card-of-case-2", "svc", "case-2", "REGULATION_BEFORE_INSIGHT", "1.0")),
                "ehr");
        for (String card : List.of("card-of-case-1", "card-of-case-2")) {
            db.cdsFeedback().store(new CdsFeedbackStore.NewFeedback(card, CdsFeedbackStore.ACCEPTED, List.of(), null,
                    null, null, null, START), "ehr");
        }
    }

    @Test
    void anErasureRemovesEverythingOfTheCaseAndNothingElse() {
        twoCasesWithCards();
        List<StoredIntake> otherCase = db.cases().history("case-2");
        clock.advance(Duration.ofDays(30));

        Optional<CaseErasure> erasure = db.cases().erase("case-1", "root", "request AVG-2025-031");

        assertThat(erasure).contains(new CaseErasure("case-1", 3, 1, 1, START.plus(Duration.ofDays(30))));
        assertThat(db.cases().history("case-1")).isEmpty();
        assertThat(db.cases().ownerOf("case-1")).isEmpty();
        assertThat(db.cdsFeedback().card("card-of-case-1")).isEmpty();
        assertThat(db.cdsFeedback().forCase("case-1")).isEmpty();
        assertThat(ids(CaseFilter.all())).containsExactly("case-2");
        assertThat(db.cases().history("case-2")).isEqualTo(otherCase);
        assertThat(db.cdsFeedback().forCase("case-2")).hasSize(1);
    }

    @Test
    void theAuditLogKeepsTheCaseIdAndWhoErasedItAndWhy() {
        twoCasesWithCards();

        db.cases().erase("case-1", "root", "request AVG-2025-031");

        assertThat(db.audit().forCase("case-1"))
                .extracting(AuditEntry::actor, AuditEntry::action)
                .containsExactly(
                        tuple("carl", CaseStore.STORE_INTAKE),
                        tuple("carl", CaseStore.CORRECT_INTAKE),
                        tuple("carl", CaseStore.STORE_INTAKE),
                        tuple("root", CaseStore.ERASE_CASE));
        assertThat(db.audit().forCase("case-1")).last().extracting(AuditEntry::detail).isEqualTo(
                "reason: request AVG-2025-031; removed intakes: 3, CDS cards: 1, feedback: 1");
    }

    @Test
    void anErasedCaseIdIsNeverTakenAgainByItsCoachOrAnother() {
        twoCasesWithCards();
        coach("dora");
        clock.advance(Duration.ofDays(3));
        db.cases().erase("case-1", "root", "request AVG-2025-031");

        for (String coach : List.of("dora", "carl")) {
            assertThatThrownBy(() -> db.cases().store(intake("case-1", "2025-04-01"), coach, null))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("case-1").hasMessageContaining("erased");
        }
        assertThat(db.cases().wasErased("case-1")).isTrue();
        assertThat(db.cases().wasErased("case-2")).isFalse();
        assertThat(db.cases().ownerOf("case-1")).isEmpty();
        assertThat(db.cases().history("case-1")).isEmpty();
        assertThat(db.cases().history("case-2")).hasSize(1);
    }

    @Test
    void anErasedCaseIdIsKeptWithTheTimeOfItsErasureAndNothingElse() throws SQLException {
        twoCasesWithCards();
        clock.advance(Duration.ofDays(3));
        db.cases().erase("case-1", "root", "request AVG-2025-031");
        // A CDS Hooks client may still be sent cards for the id; erasing those too keeps the first erasure's row.
        db.cdsFeedback().recordIssued(List.of(new CdsFeedbackStore.NewCard("card-after", "svc", "case-1",
                "REGULATION_BEFORE_INSIGHT", "1.0")), "ehr");
        clock.advance(Duration.ofDays(1));
        assertThat(db.cases().erase("case-1", "root", "request AVG-2025-031, again")).isPresent();

        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM erased_cases")) {
            assertThat(rows.getMetaData().getColumnCount()).as("case id and time only").isEqualTo(2);
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("case_id")).isEqualTo("case-1");
            assertThat(timestamp(rows, "erased_at"))
                    .isEqualTo(START.plus(Duration.ofDays(3)));
            assertThat(rows.next()).as("one row per case id").isFalse();
        }
    }

    /** A timestamp column: TIMESTAMP WITH TIME ZONE on PostgreSQL, UTC text on SQLite. */
    private static Instant timestamp(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column) instanceof String text ? Instant.parse(text)
                : rows.getObject(column, OffsetDateTime.class).toInstant();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UPDATE erased_cases SET case_id = 'case-x'", "DELETE FROM erased_cases"})
    void theDatabaseRefusesToForgetAnErasedCaseId(String sql) throws SQLException {
        twoCasesWithCards();
        db.cases().erase("case-1", "root", "request AVG-2025-031");

        assertRefusedAsAppendOnly(sql);
        assertThat(db.cases().wasErased("case-1")).isTrue();
    }

    @Test
    void nothingStoredUnderACaseIdIsNothingToErase() {
        twoCasesWithCards();

        assertThat(db.cases().erase("case-9", "root", "request AVG-2025-032")).isEmpty();
        assertThat(db.audit().forCase("case-9")).isEmpty();
    }

    @Test
    void anErasureNeedsAShortReason() {
        twoCasesWithCards();

        assertThatThrownBy(() -> db.cases().erase("case-1", "root", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.cases().erase("case-1", "root", "x".repeat(CaseStore.MAX_ERASURE_REASON + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most");
        assertThat(db.cases().history("case-1")).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DELETE FROM intakes WHERE case_id = 'case-2'",
            "DELETE FROM outcomes",
            "DELETE FROM cds_cards WHERE case_id = 'case-2'",
            "DELETE FROM cds_feedback",
    })
    void outsideAnErasureTheDatabaseStillRefusesDeletes(String sql) throws SQLException {
        twoCasesWithCards();
        db.cases().erase("case-1", "root", "request AVG-2025-031");

        assertRefusedAsAppendOnly(sql);
        assertThat(db.cases().history("case-2")).hasSize(1);
        assertThat(db.cdsFeedback().forCase("case-2")).hasSize(1);
    }

    // ---- keys the servers share ----

    @Test
    void aSharedKeyIsMadeOnceAndKeptAcrossReopening() {
        byte[] key = db.secrets().key("cds-case-pseudonyms");
        assertThat(key).hasSize(32);
        assertThat(db.secrets().key("cds-case-pseudonyms")).isEqualTo(key);
        assertThat(db.secrets().key("another-purpose")).isNotEqualTo(key);
        db.close();
        db = Database.open(settings, clock);
        assertThat(db.secrets().key("cds-case-pseudonyms")).isEqualTo(key);
    }

    @Test
    void serversAskingForANewKeyAtOnceAllGetTheSameOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> asked = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                asked.add(pool.submit(() -> db.secrets().key("raced")));
            }
            byte[] first = asked.get(0).get();
            for (Future<byte[]> answer : asked) {
                assertThat(answer.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveASharedKey() throws SQLException {
        db.secrets().key("kept");
        assertRefusedAsAppendOnly("UPDATE server_secrets SET secret = 'x' WHERE name = 'kept'");
        assertRefusedAsAppendOnly("DELETE FROM server_secrets WHERE name = 'kept'");
    }

    // ---- one-time token ids ----

    @Test
    void aTokenIdIsAcceptedOnceWhileItsTokenCouldBeValid() {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        Instant expiry = now.plusSeconds(300);
        assertThat(db.usedTokenIds().firstUse("ehr\njti-1", expiry, now)).isTrue();
        assertThat(db.usedTokenIds().firstUse("ehr\njti-1", expiry, now.plusSeconds(10))).as("a replay").isFalse();
        assertThat(db.usedTokenIds().firstUse("other-ehr\njti-1", expiry, now)).as("another issuer").isTrue();
        assertThat(db.usedTokenIds().firstUse("ehr\njti-1", expiry.plusSeconds(600), expiry.plusSeconds(1)))
                .as("after the first token expired its id may come again").isTrue();
    }

    @Test
    void aTokenIdUsedThroughOnePoolIsRefusedThroughAnother() {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        try (Database other = Database.open(settings, clock)) {
            assertThat(db.usedTokenIds().firstUse("ehr\njti-2", now.plusSeconds(300), now)).isTrue();
            assertThat(other.usedTokenIds().firstUse("ehr\njti-2", now.plusSeconds(300), now)).isFalse();
        }
    }

    // ---- the rule sets the servers share ----

    private static final Map<String, String> RULES_ONE = Map.of(
            "ruleset.properties", "version=1.0.0\nfiles=safety.drl\n",
            "safety.drl", "rule \"SAF-001 Referral\"\r\nwhen\nthen\nend // \u00eb \u2013 \u00e9\n",
            "catalogue/observations.json", "{\"codes\": []}");
    private static final Map<String, String> RULES_TWO = Map.of(
            "ruleset.properties", "version=1.1.0\nfiles=safety.drl\n",
            "safety.drl", "rule \"SAF-001 Referral, edited\"\nwhen\nthen\nend\n");

    @Test
    void beforeTheFirstActivationNoRuleSetIsActive() {
        assertThat(db.ruleSets().latest()).isEmpty();
        assertThat(db.ruleSets().files("1.0.0+aaaaaaaaaaaa")).isEmpty();
    }

    @Test
    void aRuleSetIsKeptWithItsFilesExactlyAndTheNewestActivationWins() {
        RuleSetStore.Activation first = db.ruleSets().activate("1.0.0+aaaaaaaaaaaa", RULES_ONE, "anna@web-1",
                RuleSetStore.Why.RELOAD);
        clock.advance(Duration.ofMinutes(5));
        RuleSetStore.Activation second = db.ruleSets().activate("1.1.0+bbbbbbbbbbbb", RULES_TWO,
                "rule-folder-watcher@web-2", RuleSetStore.Why.RELOAD);

        assertThat(first).isEqualTo(new RuleSetStore.Activation(first.id(), "1.0.0+aaaaaaaaaaaa", START, "anna@web-1",
                RuleSetStore.Why.RELOAD));
        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(db.ruleSets().latest()).contains(new RuleSetStore.Activation(second.id(), "1.1.0+bbbbbbbbbbbb",
                START.plus(Duration.ofMinutes(5)), "rule-folder-watcher@web-2", RuleSetStore.Why.RELOAD));
        assertThat(db.ruleSets().files("1.0.0+aaaaaaaaaaaa")).contains(new TreeMap<>(RULES_ONE));
        assertThat(db.ruleSets().files("1.1.0+bbbbbbbbbbbb")).contains(new TreeMap<>(RULES_TWO));

        // Activating a kept set again appends to the log; the files kept first stay.
        RuleSetStore.Activation again = db.ruleSets().activate("1.0.0+aaaaaaaaaaaa", RULES_TWO, "bob@web-2",
                RuleSetStore.Why.RELOAD);
        assertThat(db.ruleSets().latest()).contains(again);
        assertThat(again.id()).isGreaterThan(second.id());
        assertThat(db.ruleSets().files("1.0.0+aaaaaaaaaaaa")).contains(new TreeMap<>(RULES_ONE));
    }

    @Test
    void atStartANewRuleSetIsActivatedAndOneActiveBeforeYieldsToTheNewest() {
        RuleSetStore.Activation started = db.ruleSets().activateAtStart("1.0.0+aaaaaaaaaaaa", RULES_ONE, "web-1");
        assertThat(started.version()).isEqualTo("1.0.0+aaaaaaaaaaaa");
        assertThat(started.why()).isEqualTo(RuleSetStore.Why.START);
        assertThat(db.ruleSets().activateAtStart("1.0.0+aaaaaaaaaaaa", RULES_ONE, "web-2"))
                .as("the same set again: no new activation").isEqualTo(started);

        RuleSetStore.Activation reloaded = db.ruleSets().activate("1.1.0+bbbbbbbbbbbb", RULES_TWO, "anna@web-2",
                RuleSetStore.Why.RELOAD);
        assertThat(db.ruleSets().activateAtStart("1.0.0+aaaaaaaaaaaa", RULES_ONE, "web-1"))
                .as("a restart with the older folder runs the newer set").isEqualTo(reloaded);
        assertThat(db.ruleSets().latest()).contains(reloaded);

        RuleSetStore.Activation upgraded = db.ruleSets().activateAtStart("2.0.0+cccccccccccc", RULES_ONE, "web-3");
        assertThat(upgraded.version()).as("a set never active before: an upgrade or a new edit")
                .isEqualTo("2.0.0+cccccccccccc");
        assertThat(upgraded.id()).isGreaterThan(reloaded.id());
        assertThat(db.ruleSets().latest()).contains(upgraded);
    }

    @Test
    void serversStartingAtOnceWithOneNewRuleSetAllRunIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RuleSetStore.Activation>> started = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String server = "web-" + i;
                started.add(pool.submit(() -> db.ruleSets().activateAtStart("1.0.0+aaaaaaaaaaaa", RULES_ONE, server)));
            }
            for (Future<RuleSetStore.Activation> activation : started) {
                assertThat(activation.get().version()).isEqualTo("1.0.0+aaaaaaaaaaaa");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.ruleSets().files("1.0.0+aaaaaaaaaaaa")).contains(new TreeMap<>(RULES_ONE));
    }

    @Test
    void anActivationNamesAKeptRuleSetAndAKnownReason() throws SQLException {
        db.ruleSets().activate("1.0.0+aaaaaaaaaaaa", RULES_ONE, "anna@web-1", RuleSetStore.Why.RELOAD);
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO rule_set_activations (version, activated_at,"
                    + " activated_by, why) VALUES ('9.9.9+unknown', '2025-03-01T09:00:00.000000Z', 'x', 'reload')"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO rule_set_activations (version, activated_at,"
                    + " activated_by, why) VALUES ('1.0.0+aaaaaaaaaaaa', '2025-03-01T09:00:00.000000Z', 'x', 'whim')"))
                    .isInstanceOf(SQLException.class);
        }
        assertThat(db.ruleSets().latest()).map(RuleSetStore.Activation::activatedBy).contains("anna@web-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "UPDATE rule_sets SET files = '{}'",
            "DELETE FROM rule_sets",
            "UPDATE rule_set_activations SET version = '1.0.0+aaaaaaaaaaaa'",
            "DELETE FROM rule_set_activations",
    })
    void theDatabaseRefusesToChangeOrForgetARuleSetOrAnActivation(String sql) throws SQLException {
        db.ruleSets().activate("1.0.0+aaaaaaaaaaaa", RULES_ONE, "anna@web-1", RuleSetStore.Why.RELOAD);
        RuleSetStore.Activation newest = db.ruleSets().activate("1.1.0+bbbbbbbbbbbb", RULES_TWO, "anna@web-1",
                RuleSetStore.Why.RELOAD);

        assertRefusedAsAppendOnly(sql);

        assertThat(db.ruleSets().latest()).contains(newest);
        assertThat(db.ruleSets().files("1.0.0+aaaaaaaaaaaa")).contains(new TreeMap<>(RULES_ONE));
    }

    // ---- organisational units ----

    void organisationLead(String username) {
        db.users().create(username, "Lead " + username, Role.ORGANISATION, "hash-" + username, null);
    }

    @Test
    void aCaseIsPutInAUnitMovedAndTakenOutAndEveryChangeIsAudited() {
        coach("carl");
        db.cases().store(intake("case-1", "2025-02-10"), "carl", null);

        db.units().setUnit("case-1", "zorg-team-3", "carl");
        clock.advance(Duration.ofMinutes(1));
        db.units().setUnit("case-1", "zorg-team-4", "carl");
        db.units().setUnit("case-1", "zorg-team-4", "carl");
        assertThat(db.units().unitOf("case-1")).contains("zorg-team-4");
        db.units().setUnit("case-1", null, "carl");

        assertThat(db.units().unitOf("case-1")).isEmpty();
        assertThat(db.audit().forCase("case-1")).filteredOn(entry -> entry.action().equals(UnitStore.SET_UNIT))
                .extracting(AuditEntry::detail)
                .containsExactly("unit: zorg-team-3 (was: none)", "unit: zorg-team-4 (was: zorg-team-3)",
                        "unit: none (was: zorg-team-4)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Zorg-Team", "team 3", "-team", "team-", "jan.jansen@example.org"})
    void aUnitIsAPseudonymousLabel(String label) {
        coach("carl");
        db.cases().store(intake("case-1", "2025-02-10"), "carl", null);

        assertThatThrownBy(() -> db.units().setUnit("case-1", label, "carl"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit");
        assertThat(db.units().unitOf("case-1")).isEmpty();
    }

    @Test
    void onlyAStoredCaseGetsAUnit() {
        assertThatThrownBy(() -> db.units().setUnit("nobody", "zorg-team-3", "carl"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no case nobody");
    }

    @Test
    void unitsAreAssignedToOrganisationUsersOnlyAndEachAssignmentIsAudited() {
        organisationLead("hanna");
        coach("carl");

        db.units().assign("hanna", "zorg-team-4", "admin");
        db.units().assign("hanna", "zorg-team-3", "admin");
        db.units().assign("hanna", "zorg-team-3", "admin");
        assertThat(db.units().assignedTo("hanna")).containsExactly("zorg-team-3", "zorg-team-4");
        assertThatThrownBy(() -> db.units().assign("carl", "zorg-team-3", "admin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("organisation users only");

        db.units().unassign("hanna", "zorg-team-4", "admin");
        assertThat(db.units().assignedTo("hanna")).containsExactly("zorg-team-3");
        assertThat(db.audit().recent(10)).extracting(AuditEntry::action, AuditEntry::detail).containsSubsequence(
                tuple(UnitStore.UNASSIGN_UNIT, "unit zorg-team-4 from hanna"),
                tuple(UnitStore.ASSIGN_UNIT, "unit zorg-team-3 to hanna"),
                tuple(UnitStore.ASSIGN_UNIT, "unit zorg-team-4 to hanna"));
    }

    @Test
    void aUnitIsMadeOfTheLatestVersionOfEveryMeetingOfItsCases() {
        coach("carl");
        db.cases().store(intake("case-1", "2025-02-10", "PHYSIOLOGICAL", "CONTEMPLATION", "CLEAR"), "carl", null);
        StoredIntake second = db.cases().store(
                intake("case-1", "2025-03-10", "PHYSIOLOGICAL", "CONTEMPLATION", "CLEAR"), "carl", null);
        StoredIntake corrected = db.cases().store(
                intake("case-1", "2025-03-10", "CONTEXTUAL", "PREPARATION", "CLEAR"), "carl", second.intakeId());
        db.cases().store(intake("case-2", "2025-01-05", "IDENTITY", "ACTION", "CLEAR"), "carl", null);
        db.cases().store(intake("case-3", "2025-01-05"), "carl", null);
        db.units().setUnit("case-1", "zorg-team-3", "carl");
        db.units().setUnit("case-2", "zorg-team-3", "carl");
        db.units().setUnit("case-3", "zorg-team-4", "carl");

        assertThat(db.units().meetings("zorg-team-3"))
                .extracting(UnitMeeting::caseId, UnitMeeting::date, UnitMeeting::primaryType, UnitMeeting::stage)
                .containsExactly(tuple("case-1", LocalDate.parse("2025-02-10"), "PHYSIOLOGICAL", "CONTEMPLATION"),
                        tuple("case-1", LocalDate.parse("2025-03-10"), "CONTEXTUAL", "PREPARATION"),
                        tuple("case-2", LocalDate.parse("2025-01-05"), "IDENTITY", "ACTION"));
        assertThat(db.units().meetings("zorg-team-3").get(1).intakeId()).isEqualTo(corrected.intakeId());
        assertThat(db.units().inUse()).containsExactly("zorg-team-3", "zorg-team-4");
    }

    @Test
    void anErasedCaseLeavesItsUnit() {
        coach("carl");
        db.cases().store(intake("case-1", "2025-02-10"), "carl", null);
        db.units().setUnit("case-1", "zorg-team-3", "carl");

        db.cases().erase("case-1", "admin", "request 12");

        assertThat(db.units().meetings("zorg-team-3")).isEmpty();
        assertThat(db.units().inUse()).isEmpty();
    }

    // ---- migrations ----

    @Test
    void reopeningMigratesNothingAndKeepsTheData() throws SQLException {
        coach("carl");
        StoredIntake stored = db.cases().store(intake("case-1", "2025-02-10"), "carl", null);
        db.close();
        db = null;

        db = Database.open(settings, clock);
        assertThat(db.cases().history("case-1")).containsExactly(stored);
        db.close();
        db = Database.open(settings, clock);

        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            List<String> applied = new ArrayList<>();
            while (rows.next()) {
                assertThat(rows.getBoolean("success")).isTrue();
                applied.add(rows.getString("version"));
            }
            assertThat(applied).as("each migration ran once").containsExactly("1", "2", "3", "4", "5", "6", "7",
                    "8", "9", "10", "11");
        }
        assertThat(db.users().find("carl")).isPresent();
    }
}
