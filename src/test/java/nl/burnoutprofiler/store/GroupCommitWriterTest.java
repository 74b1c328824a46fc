package nl.burnoutprofiler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database's writes: several transactions to a commit, each with its own result or failure. */
class GroupCommitWriterTest {

    @TempDir
    Path folder;

    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(TestDatabases.embedded(folder.resolve("data")));
        db.users().create("carl", "Carl", Role.COACH, "hash", null);
        db.users().create("dora", "Dora", Role.COACH, "hash", null);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void concurrentStoresEachGetTheirOwnAnswerAndAFailingOneTakesNothingElseWithIt() throws Exception {
        db.cases().store(StoreContractTest.intake("doras-case", "2025-02-10"), "dora", null);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // Every fifth is Carl storing into Dora's case: refused, in the middle of a group of good ones.
            String caseId = i % 5 == 0 ? "doras-case" : "carls-case-" + (i % 7);
            answers.add(callers.submit(() -> {
                try {
                    db.cases().store(StoreContractTest.intake(caseId, "2025-02-11"), "carl", null);
                    return true;
                } catch (ConflictException refused) {
                    return false;
                }
            }));
        }
        int stored = 0;
        for (Future<Boolean> answer : answers) {
            stored += answer.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        callers.shutdown();

        assertThat(stored).isEqualTo(320);
        int inCarlsCases = 0;
        for (int c = 0; c < 7; c++) {
            inCarlsCases += db.cases().history("carls-case-" + c).size();
        }
        assertThat(inCarlsCases).isEqualTo(320);
        assertThat(db.cases().history("doras-case")).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM audit_log")).as("one audit entry per stored intake").isEqualTo(321);
        assertThat(count("SELECT COUNT(DISTINCT intake_id) FROM intakes")).isEqualTo(321);
    }

    @Test
    void anErrorInOneTransactionReachesItsCallerAndTheWriterGoesOn() {
        Jdbc jdbc = new Jdbc(db.dataSource(), Dialect.SQLITE, Clock.systemUTC());
        try {
            assertThatThrownBy(() -> jdbc.transaction("fail on purpose", connection -> {
                connection.createStatement().executeUpdate("UPDATE users SET display_name = 'Changed' WHERE username = 'carl'");
                throw new AssertionError("the work broke");
            })).isInstanceOf(AssertionError.class).hasMessage("the work broke");

            assertThat(db.users().find("carl")).get().extracting(User::displayName).isEqualTo("Carl");
            int users = jdbc.transaction("count users", connection -> {
                try (ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM users")) {
                    rows.next();
                    return rows.getInt(1);
                }
            });
            assertThat(users).as("the writer still runs transactions").isEqualTo(2);
        } finally {
            jdbc.close();
        }
    }

    @Test
    void aTransactionMayNotStartAnotherOne() {
        assertThatThrownBy(this::nested).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("may not start another");
    }

    private Object nested() {
        Jdbc jdbc = new Jdbc(db.dataSource(), Dialect.SQLITE, Clock.systemUTC());
        try {
            return jdbc.transaction("outer", connection -> jdbc.transaction("inner", inner -> 1));
        } finally {
            jdbc.close();
        }
    }

    @Test
    void afterCloseAWriteIsRefusedClearly() {
        db.close();
        Database closed = db;
        db = null;

        assertThatThrownBy(() -> closed.users().create("x", "X", Role.COACH, "hash", null))
                .isInstanceOf(StoreException.class).hasMessageContaining("closed");
    }

    private long count(String sql) throws Exception {
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
