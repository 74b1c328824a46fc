package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.burnoutprofiler.server.TestServer.Response;
import nl.burnoutprofiler.store.Role;

/**
 * Behind a trusted reverse proxy (here the test itself, at 127.0.0.1), each client is told apart by the address
 * the proxy forwards, and someone guessing from elsewhere cannot lock a coach out of the place they work from.
 */
class SignInBehindProxyTest {

    private static final String OFFICE = "192.0.2.10";

    @TempDir
    static Path data;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.settings(data).withTrustedProxies(List.of("127.0.0.1")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Response signIn(String from, String username, String password) {
        return server.anonymous().with(ClientAddress.FORWARDED_FOR, from).post("/api/v1/session",
                TestServer.JSON.createObjectNode().put("username", username).put("password", password).toString());
    }

    @Test
    void aLockOutAtOneAddressLeavesAnotherFree() {
        server.createUser("anna", Role.COACH, null, TestServer.PASSWORD);
        for (int i = 0; i < SignInThrottle.ACCOUNT_FROM_ADDRESS.attempts(); i++) {
            assertThat(signIn("203.0.113.66", "anna", "guess " + i).status()).isEqualTo(401);
        }

        assertThat(signIn("203.0.113.66", "anna", TestServer.PASSWORD).status()).isEqualTo(429);
        assertThat(signIn(OFFICE, "anna", TestServer.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void guessesFromManyAddressesDoNotLockACoachOutOfWhereTheySignedInBefore() {
        server.createUser("ben", Role.COACH, null, TestServer.PASSWORD);
        assertThat(signIn(OFFICE, "ben", TestServer.PASSWORD).status()).isEqualTo(200);

        for (int i = 0; i < SignInThrottle.ACCOUNT.attempts(); i++) {
            assertThat(signIn("198.51.100." + i, "ben", "guess").status()).isEqualTo(401);
        }

        assertThat(signIn("198.51.100.200", "ben", TestServer.PASSWORD).status()).as("a new address").isEqualTo(429);
        assertThat(signIn(OFFICE, "ben", TestServer.PASSWORD).status()).as("the office").isEqualTo(200);
    }
}
