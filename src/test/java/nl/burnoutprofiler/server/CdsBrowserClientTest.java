package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

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

    private static String hookRequest() throws IOException {
        ObjectNode request = TestServer.JSON.createObjectNode();
        request.put("hook", "patient-view").put("hookInstance", UUID.randomUUID().toString());
        request.putObject("context").put("userId", "Practitioner/coach-1").put("patientId", "p-1")
                .set("intake", TestServer.JSON.readTree(TestIntake.example()));
        return request.toString();
    }

    @Test
    void the_browser_may_ask_before_calling_the_service_from_an_allowed_origin() {
        Response answer = preflight(server, SANDBOX, CdsHooksRoutes.SERVICE);

        assertThat(answer.status()).as(answer.toString()).isBetween(200, 204);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(SANDBOX);
        assertThat(answer.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(answer.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(answer.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void the_page_on_an_allowed_origin_reads_discovery_and_cards() throws IOException {
        Response discovery = server.anonymous().with("Origin", SANDBOX).get(CdsHooksRoutes.DISCOVERY);
        Response cards = ehr.with("Origin", SANDBOX).post(CdsHooksRoutes.SERVICE, hookRequest());

        assertThat(discovery.status()).isEqualTo(200);
        assertThat(discovery.header("Access-Control-Allow-Origin")).isEqualTo(SANDBOX);
        assertThat(cards.status()).as(cards.toString()).isEqualTo(200);
        assertThat(cards.header("Access-Control-Allow-Origin")).isEqualTo(SANDBOX);
        assertThat(cards.json().path("cards")).isNotEmpty();
    }

    @Test
    void the_service_still_needs_its_token_from_an_allowed_origin() throws IOException {
        Response anonymous = server.anonymous().with("Origin", SANDBOX).post(CdsHooksRoutes.SERVICE, hookRequest());

        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void another_origin_is_not_allowed() {
        Response answer = preflight(server, ELSEWHERE, CdsHooksRoutes.SERVICE);
        Response discovery = server.anonymous().with("Origin", ELSEWHERE).get(CdsHooksRoutes.DISCOVERY);

        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
        assertThat(discovery.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void the_coaching_api_is_not_opened_to_other_origins() {
        Response catalogue = server.anonymous().with("Origin", SANDBOX).get("/api/v1/catalogue");
        Response preflight = preflight(server, SANDBOX, "/api/v1/assessments");

        assertThat(catalogue.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void without_configured_origins_no_page_elsewhere_may_call() {
        Response answer = preflight(closedServer, SANDBOX, CdsHooksRoutes.SERVICE);
        Response discovery = closedServer.anonymous().with("Origin", SANDBOX).get(CdsHooksRoutes.DISCOVERY);

        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
        assertThat(discovery.status()).isEqualTo(200);
        assertThat(discovery.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void an_unknown_service_is_a_problem_document() throws IOException {
        Response answer = ehr.post(CdsHooksRoutes.DISCOVERY + "/no-such-service", hookRequest());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("detail").asText()).contains("/cds-services/no-such-service");
    }

    @Test
    void an_origin_is_a_scheme_host_and_port_only() {
        ServerSettings settings = TestServer.settings(data);

        assertThat(settings.withCorsOrigins(List.of("http://localhost:3000", "*")).corsOrigins())
                .containsExactly("http://localhost:3000", "*");
        assertThatThrownBy(() -> settings.withCorsOrigins(List.of("https://sandbox.cds-hooks.org/app")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://host[:port] or *");
        assertThatThrownBy(() -> settings.withCorsOrigins(List.of("sandbox.cds-hooks.org")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sandbox.cds-hooks.org");
    }
}
