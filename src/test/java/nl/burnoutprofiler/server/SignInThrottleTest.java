package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.burnoutprofiler.server.SignInThrottle.Attempt;
import nl.burnoutprofiler.server.SignInThrottle.Budget;
import nl.burnoutprofiler.server.SignInThrottle.Lockout;
import nl.burnoutprofiler.store.Database;
import nl.burnoutprofiler.store.TestClock;
import nl.burnoutprofiler.store.TestDatabases;

class SignInThrottleTest {

    private static final String OFFICE = "192.0.2.10";
    private static final String ATTACKER = "203.0.113.66";

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T09:00:00Z"));
    @TempDir
    Path folder;
    private Database database;
    private SignInThrottle throttle;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.embedded(folder.resolve("data")), clock);
        throttle = throttleOn(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private SignInThrottle throttleOn(Database db) {
        return new SignInThrottle(db.signInAttempts(), db.secrets().key(SignInThrottle.KEY_NAME), clock);
    }

    /** A second server on the same database counts the same attempts. */
    @Test
    void attemptsCountedThroughOneServerLockTheAccountOnAnother() {
        fail("anna", OFFICE, 5);
        try (Database other = Database.open(TestDatabases.embedded(folder.resolve("data")), clock)) {
            Attempt elsewhere = throttleOn(other).attempt("anna", OFFICE);
            assertThat(elsewhere.refusedFor()).isPresent();
            assertThat(elsewhere.spentBudget()).isEqualTo(SignInThrottle.ACCOUNT_FROM_ADDRESS);
        }
    }

    @Test
    void theDatabaseNeverSeesAUsernameOrAnAddress() throws SQLException {
        fail("anna", OFFICE, 3);
        throttle.attempt("anna", OFFICE).succeeded();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT key_hash FROM sign_in_attempts UNION ALL"
                     + " SELECT key_hash FROM sign_in_addresses")) {
            int keys = 0;
            while (rows.next()) {
                assertThat(rows.getString(1)).matches("[0-9a-f]{64}").doesNotContain("anna");
                keys++;
            }
            assertThat(keys).isPositive();
        }
    }

    /** Fails {@code times} attempts and returns the lock-outs they started. */
    private List<Lockout> fail(String account, String address, int times) {
        return IntStream.range(0, times).mapToObj(i -> {
            Attempt attempt = throttle.attempt(account, address);
            assertThat(attempt.refusedFor()).as("attempt %d admitted", i + 1).isEmpty();
            return attempt.failed();
        }).flatMap(List::stream).toList();
    }

    @Test
    void afterFiveFailuresFromOneAddressTheAccountIsRefusedThereUntilTheWindowEnds() {
        List<Lockout> lockouts = fail("anna", OFFICE, 5);

        Attempt refused = throttle.attempt("anna", OFFICE);
        assertThat(refused.refusedFor()).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15)));
        assertThat(refused.spentBudget()).isEqualTo(SignInThrottle.ACCOUNT_FROM_ADDRESS);
        assertThat(lockouts).extracting(Lockout::budget).containsExactly(SignInThrottle.ACCOUNT_FROM_ADDRESS);

        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.attempt("anna", OFFICE).refusedFor()).isEmpty();
    }

    @Test
    void refusedAttemptsStartNoFurtherLockout() {
        fail("anna", OFFICE, 5);
        for (int i = 0; i < 10; i++) {
            Attempt refused = throttle.attempt("anna", OFFICE);
            assertThat(refused.refusedFor()).isPresent();
            assertThat(refused.failed()).isEmpty();
        }
    }

    @Test
    void aRightPasswordGivesItsAttemptBackAndClearsTheFailuresOfItsAddress() {
        fail("anna", OFFICE, 4);
        throttle.attempt("anna", OFFICE).succeeded();

        assertThat(fail("anna", OFFICE, 4)).isEmpty();
        assertThat(throttle.attempt("anna", OFFICE).refusedFor()).isEmpty();
    }

    @Test
    void anAttemptWhosePasswordCouldNotBeCheckedCountsForNothing() {
        for (int i = 0; i < 10; i++) {
            throttle.attempt("anna", OFFICE).undecided();
        }

        assertThat(fail("anna", OFFICE, 5)).hasSize(1);
    }

    @Test
    void guessesFromManyAddressesLockTheAccountForNewAddressesButNotWhereItSignedInBefore() {
        throttle.attempt("anna", OFFICE).succeeded();
        List<Lockout> lockouts = IntStream.range(0, 20)
                .mapToObj(i -> fail("anna", "198.51.100." + i, 1)).flatMap(List::stream).toList();

        assertThat(lockouts).extracting(Lockout::budget).containsExactly(SignInThrottle.ACCOUNT);
        Attempt fromElsewhere = throttle.attempt("anna", ATTACKER);
        assertThat(fromElsewhere.refusedFor()).isPresent();
        assertThat(fromElsewhere.spentBudget()).isEqualTo(SignInThrottle.ACCOUNT);
        assertThat(throttle.attempt("anna", OFFICE).refusedFor()).as("the office where anna signed in").isEmpty();
    }

    @Test
    void oneAddressTryingManyAccountsIsRefusedForEveryAccount() {
        Budget address = SignInThrottle.ADDRESS;
        IntStream.range(0, address.attempts()).forEach(i -> fail("user" + i, ATTACKER, 1));

        Attempt refused = throttle.attempt("someone-else", ATTACKER);
        assertThat(refused.spentBudget()).isEqualTo(address);
        assertThat(throttle.attempt("someone-else", OFFICE).refusedFor()).isEmpty();
    }

    @Test
    void aRefusedAttemptTakesNothingFromTheOtherBudgets() {
        fail("anna", ATTACKER, 5);
        for (int i = 0; i < 50; i++) {
            assertThat(throttle.attempt("anna", ATTACKER).refusedFor()).isPresent();
        }
        // Had the refusals counted for the account, 20 would have locked it everywhere.
        assertThat(throttle.attempt("anna", OFFICE).refusedFor()).isEmpty();
    }

    @Test
    void parallelGuessesCannotOverrunTheBudget() throws InterruptedException {
        ConcurrentLinkedQueue<Attempt> admitted = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 64; i++) {
            pool.execute(() -> {
                Attempt attempt = throttle.attempt("anna", ATTACKER);
                if (attempt.refusedFor().isEmpty()) {
                    admitted.add(attempt);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(admitted).hasSize(SignInThrottle.ACCOUNT_FROM_ADDRESS.attempts());
    }

    @Test
    void aLongUsernameCountsUnderItsFirstHundredCharacters() {
        String name = "a".repeat(100);
        fail(name + "-first", ATTACKER, 3);
        fail(name + "-second", ATTACKER, 2);

        assertThat(throttle.attempt(name + "-third", ATTACKER).refusedFor()).isPresent();
    }
}
