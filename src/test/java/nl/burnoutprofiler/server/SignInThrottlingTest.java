package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.burnoutprofiler.server.TestServer.Response;
import nl.burnoutprofiler.store.AuditEntry;
import nl.burnoutprofiler.store.Role;
import nl.burnoutprofiler.store.TestClock;

/** Guessing a password over the API: a few wrong ones, then 429 until the window ends, without hashing. */
class SignInThrottlingTest {

    private static final int BUDGET = SignInThrottle.ACCOUNT_FROM_ADDRESS.attempts();

    @TempDir
    static Path data;

    private static final TestClock clock = new TestClock(Instant.parse("2026-12-01T09:00:00Z"));
    private static final AtomicInteger COACHES = new AtomicInteger();
    private static TestServer server;
    /** Each test's own coach, so that the tests share one server but no budget. */
    private String coach;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.settings(data), clock);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void newCoach() {
        coach = "coach-" + COACHES.incrementAndGet();
        server.createUser(coach, Role.COACH, null, TestServer.PASSWORD);
    }

    private Response signIn(String username, String password) {
        return server.anonymous().post("/api/v1/session", TestServer.JSON.createObjectNode()
                .put("username", username).put("password", password).toString());
    }

    private void failBudget(String username) {
        for (int i = 0; i < BUDGET; i++) {
            assertThat(signIn(username, "wrong password " + i).status()).isEqualTo(401);
        }
    }

    private static void assertTooMany(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(429);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(429);
        assertThat(response.json().path("detail").asText()).contains("try again in");
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 15 * 60L);
    }

    @Test
    void afterAFewWrongPasswordsEvenTheRightOneIsRefusedWithRetryAfter() {
        failBudget(coach);

        assertTooMany(signIn(coach, "yet another guess"));
        Response right = signIn(coach, TestServer.PASSWORD);
        assertTooMany(right);
        assertThat(right.header("Set-Cookie")).isNull();
    }

    @Test
    void afterTheWindowTheRightPasswordSignsIn() {
        failBudget(coach);
        long retryAfter = Long.parseLong(signIn(coach, TestServer.PASSWORD).header("Retry-After"));

        clock.advance(Duration.ofSeconds(retryAfter));

        Response signedIn = signIn(coach, TestServer.PASSWORD);
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        assertThat(signedIn.json().path("username").asText()).isEqualTo(coach);
    }

    @Test
    void unknownAccountsAreThrottledAlikeSoA429RevealsNothing() {
        failBudget("nobody-" + coach);

        assertTooMany(signIn("nobody-" + coach, "guess"));
    }

    @Test
    void aRefusedAttemptHashesNoPassword() {
        failBudget(coach);
        long oneHash = timed(() -> Passwords.matches("a guess of a password", Passwords.hash(TestServer.PASSWORD)));

        int refusals = 10;
        long refused = timed(() -> {
            for (int i = 0; i < refusals; i++) {
                assertThat(signIn(coach, "guess " + i).status()).isEqualTo(429);
            }
        });

        // Ten refusals that each checked a password would take ten hashes; they take less than three.
        assertThat(refused).as("%d refusals took %d ms, one hash %d ms", refusals, refused, oneHash)
                .isLessThan(3 * oneHash);
    }

    @Test
    void aLockOutIsAuditedOnceWithTheAccountNameAndNoPassword() {
        failBudget(coach);
        for (int i = 0; i < 5; i++) {
            signIn(coach, "refused guess " + i);
        }

        assertThat(server.database().audit().recent(100))
                .filteredOn(e -> e.action().equals(Audit.SIGN_IN_LOCKED) && e.actor().equals(coach))
                .singleElement()
                .satisfies(entry -> assertThat(entry.detail()).contains("5 failed sign-ins", "127.0.0.1"));
        assertThat(server.database().audit().recent(100)).extracting(AuditEntry::detail)
                .noneMatch(detail -> detail != null && detail.contains("guess"));
    }

    @Test
    void aForwardedForHeaderDoesNotMakeAnotherAddress() {
        failBudget(coach);

        Response spoofed = server.anonymous().with("X-Forwarded-For", "198.51.100.7").post("/api/v1/session",
                TestServer.JSON.createObjectNode().put("username", coach).put("password", TestServer.PASSWORD)
                        .toString());
        assertTooMany(spoofed);
    }

    @Test
    void anotherAccountFromTheSameAddressStillSignsIn() {
        server.createUser("ben-" + coach, Role.COACH, null, TestServer.PASSWORD);
        failBudget(coach);

        assertThat(signIn("ben-" + coach, TestServer.PASSWORD).status()).isEqualTo(200);
    }

    private static long timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
