package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.burnoutprofiler.server.TestServer.Caller;
import nl.burnoutprofiler.server.TestServer.Response;
import nl.burnoutprofiler.store.Role;

/**
 * Who may do what (contract section 6): no credentials 401, the wrong role 403, a coach only their own cases, a
 * case manager only those of their coaches, and a browser session only with its CSRF token.
 */
class AccessTest {

    @TempDir
    static Path data;

    private static TestServer server;
    private static Caller anna;
    private static Caller ben;
    private static Caller maria;
    private static Caller admin;
    private static Caller integrator;
    private static Caller organisation;

    @BeforeAll
    static void start() {
        server = TestServer.start(data);
        maria = server.caseManager("maria");
        anna = server.coach("anna", "maria");
        ben = server.coach("ben");
        admin = server.adminToken("root");
        integrator = server.integratorToken("partner-app");
        server.createUser("olga", Role.ORGANISATION, null, TestServer.PASSWORD);
        organisation = server.signIn("olga", TestServer.PASSWORD);
        assertThat(anna.post("/api/v1/cases/c-anna/intakes", intake()).status()).isEqualTo(201);
        assertThat(ben.post("/api/v1/cases/c-ben/intakes", intake()).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String intake() {
        return TestIntake.withoutCaseId().on("2026-11-06").observed("SLEEP_PROBLEMS", 3).json();
    }

    /** The route's path with sample values for its parameters. */
    private static String concrete(RouteTable.Route route) {
        return route.path().replace("{caseId}", "c-anna").replace("{name}", "some-token").replace("{username}", "anna")
                .replace("{unit}", "zorg-team-3");
    }

    private static Response call(Caller caller, RouteTable.Route route) {
        String method = route.method().name().toUpperCase(Locale.ROOT);
        return caller.call(method, concrete(route), method.equals("POST") ? "{}" : null);
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("detail").asText()).isNotBlank();
    }

    // ---- programs with bearer tokens

    @Test
    void withoutCredentialsEveryProtectedRouteAnswers401() {
        assertThat(server.routes().stream().filter(route -> !route.access().isEmpty())).hasSizeGreaterThan(10)
                .allSatisfy(route -> {
                    Response response = call(server.anonymous(), route);
                    assertProblem(response, 401);
                    assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
                });
    }

    @Test
    void anUnknownOrMalformedTokenAnswers401() {
        assertProblem(server.anonymous().with("Authorization", "Bearer bp_not-a-token").get("/api/v1/catalogue"),
                401);
        assertProblem(server.anonymous().with("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/v1/catalogue"),
                401);
        assertProblem(server.anonymous().with("Cookie", "bp_session=forged").get("/api/v1/catalogue"), 401);
    }

    @Test
    void aRevokedTokenIsRefusedFromTheNextRequestOn() {
        Caller program = server.integratorToken("revoked-app");
        assertThat(program.get("/api/v1/catalogue").status()).isEqualTo(200);
        assertThat(admin.delete("/api/v1/admin/tokens/token-revoked-app").status()).isEqualTo(204);
        assertProblem(program.get("/api/v1/catalogue"), 401);
    }

    @Test
    void everyRoleOutsideARoutesAccessIsRefusedWith403() {
        Map<Role, Caller> callers = new EnumMap<>(Role.class);
        callers.put(Role.COACH, anna);
        callers.put(Role.CASE_MANAGER, maria);
        callers.put(Role.ADMIN, admin);
        callers.put(Role.INTEGRATOR, integrator);
        callers.put(Role.ORGANISATION, organisation);
        int refused = 0;
        for (RouteTable.Route route : server.routes()) {
            for (Map.Entry<Role, Caller> caller : callers.entrySet()) {
                if (!route.access().isEmpty() && !route.access().contains(Access.of(caller.getKey()))) {
                    assertProblem(call(caller.getValue(), route), 403);
                    refused++;
                }
            }
        }
        assertThat(refused).as("role refusals checked").isGreaterThan(20);
    }

    @Test
    void anIntegratorAssessesButCannotListOrReadCases() {
        assertThat(integrator.post("/api/v1/assessments", TestIntake.example()).status()).isEqualTo(200);
        assertProblem(integrator.get("/api/v1/cases"), 403);
        assertProblem(integrator.get("/api/v1/cases/c-anna"), 403);
    }

    @Test
    void aCoachCannotReachAdminRoutes() {
        assertProblem(anna.get("/api/v1/admin/users"), 403);
        assertProblem(anna.post("/api/v1/admin/rules/reload", ""), 403);
        assertProblem(anna.post("/api/v1/admin/tokens", "{\"name\":\"mine\",\"role\":\"admin\"}"), 403);
    }

    @Test
    void anAdminReadsNoCases() {
        assertProblem(admin.get("/api/v1/cases"), 403);
        assertProblem(admin.get("/api/v1/cases/c-anna"), 403);
    }

    // ---- whose cases

    @Test
    void aCoachCannotReadAnotherCoachsCaseAndCannotTellItFromNoCase() {
        assertThat(anna.get("/api/v1/cases/c-anna").status()).isEqualTo(200);

        Response othersCase = ben.get("/api/v1/cases/c-anna");
        Response noCase = ben.get("/api/v1/cases/c-nobody");

        assertProblem(othersCase, 404);
        assertSameAnswer(othersCase, "c-anna", noCase, "c-nobody");
        assertThat(ben.get("/api/v1/cases").json().path("cases").findValuesAsText("caseId"))
                .doesNotContain("c-anna").contains("c-ben");
    }

    @Test
    void aRefusedReadIsAuditedWithTheCaseId() {
        ben.get("/api/v1/cases/c-anna");

        assertThat(server.database().audit().forCase("c-anna"))
                .anySatisfy(entry -> {
                    assertThat(entry.actor()).isEqualTo("ben");
                    assertThat(entry.action()).isEqualTo(Audit.READ_CASE_REFUSED);
                });
    }

    @Test
    void aCoachCannotStoreIntoAnotherCoachsCaseAndLearnsOnlyThatTheIdIsNotAvailable() {
        Response refused = ben.post("/api/v1/cases/c-anna/intakes", intake());

        assertProblem(refused, 409);
        assertThat(refused.errorFields()).containsExactly("caseId");
        assertThat(refused.body().replace("c-anna", "ID")).as("not whose").doesNotContain("anna")
                .contains("use a new pseudonym");
        assertThat(server.database().cases().history("c-anna")).hasSize(1)
                .allSatisfy(stored -> assertThat(stored.storedBy()).isEqualTo("anna"));
        assertThat(server.database().audit().forCase("c-anna"))
                .anySatisfy(entry -> assertThat(entry.action()).isEqualTo(Audit.STORE_INTAKE_REFUSED));
    }

    @Test
    void aCaseManagerReadsTheCasesOfAssignedCoachesOnly() {
        Response annasCase = maria.get("/api/v1/cases/c-anna");
        assertThat(annasCase.status()).as(annasCase.toString()).isEqualTo(200);
        assertThat(annasCase.json().path("coach").asText()).isEqualTo("anna");
        assertSameAnswer(maria.get("/api/v1/cases/c-ben"), "c-ben", maria.get("/api/v1/cases/c-nobody"), "c-nobody");
        assertThat(maria.get("/api/v1/cases").json().path("cases").findValuesAsText("caseId"))
                .contains("c-anna").doesNotContain("c-ben");
        assertThat(maria.get("/api/v1/cases?coach=ben").json().path("cases")).isEmpty();
    }

    /** The same status, headers that matter and body, once each answer's case id is taken out. */
    private static void assertSameAnswer(Response one, String oneCase, Response other, String otherCase) {
        assertThat(one.status()).isEqualTo(other.status());
        assertThat(one.contentType()).isEqualTo(other.contentType());
        assertThat(one.body().replace(oneCase, "ID")).isEqualTo(other.body().replace(otherCase, "ID"));
    }

    @Test
    void aCaseManagerCannotStoreIntakes() {
        assertProblem(maria.post("/api/v1/cases/c-anna/intakes", intake()), 403);
    }

    @Test
    void anUnknownCaseIs404() {
        assertProblem(anna.get("/api/v1/cases/c-nobody"), 404);
    }

    @Test
    void anUnknownApiPathIsA404Problem() {
        assertProblem(anna.get("/api/v1/nothing-here"), 404);
        assertProblem(server.anonymous().post("/api/v1/cases", "{}"), 404);
    }

    // ---- browser sessions

    @Test
    void signingInSetsAnHttpOnlyStrictSessionCookieAndGivesTheCsrfToken() {
        server.createUser("carla", Role.COACH, null, TestServer.PASSWORD);
        Response signIn = server.anonymous().post("/api/v1/session",
                "{\"username\":\"carla\",\"password\":\"" + TestServer.PASSWORD + "\"}");
        assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);
        assertThat(signIn.json().path("username").asText()).isEqualTo("carla");
        assertThat(signIn.json().path("role").asText()).isEqualTo("coach");
        assertThat(signIn.json().path("csrfToken").asText()).hasSizeGreaterThan(20);

        String cookie = signIn.header("Set-Cookie");
        assertThat(cookie).startsWith(SessionRoutes.SESSION_COOKIE + "=");
        assertThat(cookie.toLowerCase(Locale.ROOT)).contains("httponly", "samesite=strict", "path=/");
        assertThat(cookie.toLowerCase(Locale.ROOT).split(";\\s*")).as("plain http: not Secure")
                .doesNotContain("secure");

        Response session = server.anonymous().with("Cookie", TestServer.sessionCookie(signIn))
                .get("/api/v1/session");
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.json().path("csrfToken").asText()).isEqualTo(signIn.json().path("csrfToken").asText());
    }

    @Test
    void aBrowserRequestThatChangesSomethingNeedsTheCsrfToken() {
        server.createUser("dirk", Role.COACH, null, TestServer.PASSWORD);
        Caller browser = server.signIn("dirk", TestServer.PASSWORD);

        assertThat(browser.without(SessionRoutes.CSRF_HEADER).get("/api/v1/catalogue").status())
                .as("reading needs no CSRF token").isEqualTo(200);
        assertProblem(browser.without(SessionRoutes.CSRF_HEADER).post("/api/v1/assessments", TestIntake.example()),
                403);
        assertProblem(browser.with(SessionRoutes.CSRF_HEADER, "guessed").post("/api/v1/assessments",
                TestIntake.example()), 403);
        assertProblem(browser.without(SessionRoutes.CSRF_HEADER).post("/api/v1/cases/c-dirk/intakes", intake()),
                403);
        assertThat(server.database().cases().ownerOf("c-dirk")).as("nothing stored without the token").isEmpty();

        assertThat(browser.post("/api/v1/assessments", TestIntake.example()).status()).isEqualTo(200);
        assertThat(browser.post("/api/v1/cases/c-dirk/intakes", intake()).status()).isEqualTo(201);
    }

    @Test
    void everyStateChangingRouteACoachMayUseNeedsTheCsrfTokenInABrowser() {
        server.createUser("emma", Role.COACH, null, TestServer.PASSWORD);
        Caller withoutToken = server.signIn("emma", TestServer.PASSWORD).without(SessionRoutes.CSRF_HEADER);
        assertThat(server.routes().stream().filter(route -> route.access().contains(Access.COACH)
                && !route.method().name().equals("GET"))).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(route -> assertProblem(call(withoutToken, route), 403));
        assertThat(withoutToken.get("/api/v1/session").status()).as("the session survived").isEqualTo(200);
    }

    @Test
    void signInMustBeJsonNotAFormOrPlainText() {
        server.createUser("femke", Role.COACH, null, TestServer.PASSWORD);
        String credentials = "{\"username\":\"femke\",\"password\":\"" + TestServer.PASSWORD + "\"}";
        Response plain = server.anonymous().post("/api/v1/session", "text/plain", credentials);
        assertProblem(plain, 400);
        assertThat(plain.errorFields()).containsExactly("Content-Type");
        assertThat(plain.header("Set-Cookie")).isNull();
        assertProblem(server.anonymous().post("/api/v1/session", "application/x-www-form-urlencoded",
                "username=femke&password=" + TestServer.PASSWORD), 400);
    }

    @Test
    void aWrongPasswordOrUnknownUserIs401WithoutACookie() {
        server.createUser("gert", Role.COACH, null, TestServer.PASSWORD);
        Response wrong = server.anonymous().post("/api/v1/session",
                "{\"username\":\"gert\",\"password\":\"not the password\"}");
        assertProblem(wrong, 401);
        assertThat(wrong.header("Set-Cookie")).isNull();
        assertProblem(server.anonymous().post("/api/v1/session",
                "{\"username\":\"nobody\",\"password\":\"" + TestServer.PASSWORD + "\"}"), 401);
        assertThat(server.database().audit().recent(50)).anySatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("gert");
            assertThat(entry.action()).isEqualTo(Audit.SIGN_IN_REFUSED);
        });
    }

    @Test
    void signingOutEndsTheSession() {
        server.createUser("hanna", Role.COACH, null, TestServer.PASSWORD);
        Caller browser = server.signIn("hanna", TestServer.PASSWORD);
        assertThat(browser.get("/api/v1/session").status()).isEqualTo(200);

        Response signOut = browser.delete("/api/v1/session");
        assertThat(signOut.status()).as(signOut.toString()).isEqualTo(204);
        assertThat(signOut.header("Set-Cookie")).startsWith(SessionRoutes.SESSION_COOKIE + "=;")
                .containsIgnoringCase("max-age=0");

        assertProblem(browser.get("/api/v1/session"), 401);
        assertProblem(browser.post("/api/v1/assessments", TestIntake.example()), 401);
    }
}
