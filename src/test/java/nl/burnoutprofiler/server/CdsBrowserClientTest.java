package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.burnoutprofiler.server.TestServer.Caller;
import nl.burnoutprofiler.server.TestServer.Response;

/**
 * A CDS Hooks client that runs in a browser (the spec's sandbox, a SMART app) calls from its own origin: the
 * browser asks first (preflight) and shows the answer to the page only when the server allows that origin. Only
 * the configured origins, and only on the CDS Hooks paths.
 */
class CdsBrowserClientTest {

    private static final String SANDBOX = "https://sandbox.cds-hooks.org";
    private static final String ELSEWHERE = "https://evil.example.com";

    @TempDir
    static Path data;
    @TempDir
    static Path otherData;

    private static TestServer server;
    private static TestServer closedServer;
    private static Caller ehr;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.settings(data).withCorsOrigins(List.of(SANDBOX)));
        closedServer = TestServer.start(TestServer.settings(otherData));
        ehr = server.integratorToken("sandbox");
    }

    @AfterAll
    static void stop() {
        server.close();
        closedServer.close();
    }

    private static Response preflight(TestServer on, String origin, String path) {
        return on.anonymous().with("Origin", origin)
                .with("Access-Control-Request-Method", "POST")
                .with("Access-Control-Request-Headers", "authorization, content-type")
                .call("OPTIONS", path, null);
    }

    private static String hookRequest() {
        return CdsHooksTest.withIntake(TestIntake.example()).toString();
    }

    @Test
    void theBrowserMayAskBeforeCallingTheServiceFromAnAllowedOrigin() {
        Response answer = preflight(server, SANDBOX, CdsHooksRoutes.SERVICE);

        assertThat(answer.status()).as(answer.toString()).isBetween(200, 204);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(SANDBOX);
        assertThat(answer.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(answer.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(answer.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void thePageOnAnAllowedOriginReadsDiscoveryAndCards() {
        Response discovery = server.anonymous().with("Origin", SANDBOX).get(CdsHooksRoutes.DISCOVERY);
        Response cards = ehr.with("Origin", SANDBOX).post(CdsHooksRoutes.SERVICE, hookRequest());

        assertThat(discovery.status()).isEqualTo(200);
        assertThat(discovery.header("Access-Control-Allow-Origin")).isEqualTo(SANDBOX);
        assertThat(cards.status()).as(cards.toString()).isEqualTo(200);
        assertThat(cards.header("Access-Control-Allow-Origin")).isEqualTo(SANDBOX);
        assertThat(cards.json().path("cards")).isNotEmpty();
    }

    @Test
    void theServiceStillNeedsItsTokenFromAnAllowedOrigin() {
        Response anonymous = server.anonymous().with("Origin", SANDBOX).post(CdsHooksRoutes.SERVICE, hookRequest());

        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void anotherOriginIsNotAllowed() {
        Response answer = preflight(server, ELSEWHERE, CdsHooksRoutes.SERVICE);
        Response discovery = server.anonymous().with("Origin", ELSEWHERE).get(CdsHooksRoutes.DISCOVERY);

        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
        assertThat(discovery.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void theCoachingApiIsNotOpenedToOtherOrigins() {
        Response catalogue = server.anonymous().with("Origin", SANDBOX).get("/api/v1/catalogue");
        Response preflight = preflight(server, SANDBOX, "/api/v1/assessments");

        assertThat(catalogue.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void withoutConfiguredOriginsNoPageElsewhereMayCall() {
        Response answer = preflight(closedServer, SANDBOX, CdsHooksRoutes.SERVICE);
        Response discovery = closedServer.anonymous().with("Origin", SANDBOX).get(CdsHooksRoutes.DISCOVERY);

        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
        assertThat(discovery.status()).isEqualTo(200);
        assertThat(discovery.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void anUnknownServiceIsAProblemDocument() {
        Response answer = ehr.post(CdsHooksRoutes.DISCOVERY + "/no-such-service", hookRequest());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("detail").asText()).contains("/cds-services/no-such-service");
    }

    @Test
    void anOriginIsASchemeHostAndPortOnly() {
        ServerSettings settings = TestServer.settings(data);

        assertThat(settings.withCorsOrigins(List.of("http://localhost:3000", "*")).corsOrigins())
                .containsExactly("http://localhost:3000", "*");
        assertThatThrownBy(() -> settings.withCorsOrigins(List.of("https://sandbox.cds-hooks.org/app")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://host[:port] or *");
        assertThatThrownBy(() -> settings.withCorsOrigins(List.of("sandbox.cds-hooks.org")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sandbox.cds-hooks.org");
    }

    @Test
    void thePublicUrlIsHttpWithAHostAndLosesItsTrailingSlash() {
        ServerSettings settings = TestServer.settings(data);

        assertThat(settings.withPublicUrl("https://coach.example.org/app/").publicUrl())
                .isEqualTo("https://coach.example.org/app");
        assertThatThrownBy(() -> settings.withPublicUrl("ftp://coach.example.org"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s)://host");
        assertThatThrownBy(() -> settings.withPublicUrl("https://coach.example.org/?a=1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s)://host");
    }
}
