package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.burnoutprofiler.server.TestServer.Response;
import nl.burnoutprofiler.store.Role;

/** The session cookie travels over HTTPS only whenever the server is reached over HTTPS. */
class SessionCookieTest {

    private static final String HTTPS = "https://coach.example.org";

    @Test
    void anHttpsPublicUrlOrTheOptionMakesTheCookieSecure(@TempDir Path data) {
        ServerSettings plain = TestServer.settings(data);

        assertThat(plain.sessionCookieSecure()).as("no public URL").isFalse();
        assertThat(plain.withPublicUrl("http://coach.example.org").sessionCookieSecure()).isFalse();
        assertThat(plain.withPublicUrl(HTTPS).sessionCookieSecure()).isTrue();
        assertThat(new ServerSettings(plain.host(), 0, null, false, plain.database(), true,
                ServerSettings.DEFAULT_SESSION_LIFETIME).sessionCookieSecure()).as("--secure-cookies").isTrue();
    }

    @Test
    void aServerReachedOverHttpsSetsASecureCookie(@TempDir Path data) {
        try (TestServer server = TestServer.start(TestServer.settings(data).withPublicUrl(HTTPS))) {
            server.createUser("anna", Role.COACH, null, TestServer.PASSWORD);

            Response signIn = server.anonymous().post("/api/v1/session",
                    "{\"username\":\"anna\",\"password\":\"" + TestServer.PASSWORD + "\"}");

            assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);
            assertThat(signIn.header("Set-Cookie").toLowerCase(Locale.ROOT).split(";\\s*")).contains("secure");
        }
    }
}
