package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

import nl.burnoutprofiler.server.TestServer.Caller;
import nl.burnoutprofiler.server.TestServer.Response;
import nl.burnoutprofiler.store.DatabaseSettings;
import nl.burnoutprofiler.store.Role;
import nl.burnoutprofiler.store.RuleSetStore;
import nl.burnoutprofiler.store.TestDatabases;

/**
 * Servers behind one load balancer share one database, and what one of them is told reaches the others through it.
 * Each test runs on PostgreSQL (a schema of its own; skipped without a test server, failed in CI) and on one SQLite
 * file that both servers open, as the command line opens it beside a running server.
 */
class TwoServersTest {

    enum Store { SQLITE, POSTGRESQL }

    /** Quicker than the default 2 s, so that the test waits mostly for the rule set's build. */
    private static final Duration POLLING = Duration.ofMillis(200);
    /** A poll, then compiling the edited rules, on a machine that runs other builds too. */
    private static final Duration CONVERGED_WITHIN = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    private TestDatabases.PostgresSchema schema;
    private final List<TestServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        try {
            servers.forEach(TestServer::close);
        } finally {
            if (schema != null) {
                schema.close();
            }
        }
    }

    /** The database the servers of one test share. */
    private DatabaseSettings sharedDatabase(Store store) {
        if (store == Store.POSTGRESQL) {
            schema = TestDatabases.postgres();
            return schema.settings();
        }
        return TestDatabases.embedded(folder.resolve("data"));
    }

    /**
     * Starts a server on {@code database}, beside any started before; {@code configure} sets the rest (rules, CDS
     * clients, ...). It looks for a rule set activated elsewhere every {@link #POLLING}; it stops after the test.
     */
    private TestServer startServer(DatabaseSettings database, UnaryOperator<ServerSettings> configure) {
        TestServer server = TestServer.start(configure.apply(TestServer.settings(database).withRuleSetPolling(POLLING)));
        servers.add(server);
        return server;
    }

    /** A server on {@code database} with a rule folder of its own, a copy of the project's rules/. */
    private TestServer startServerWithOwnRules(DatabaseSettings database, Path rules) {
        TestServer.copyRules(rules);
        return startServer(database, settings -> settings.withRules(rules, false));
    }

    private static String versionOfAnAssessment(Caller program) {
        Response response = program.post("/api/v1/assessments", TestIntake.example());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("ruleSetVersion").asText();
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aReloadOnOneServerReachesTheOtherWithinSecondsAndEveryOutcomeNamesItsVersion(Store store) {
        DatabaseSettings database = sharedDatabase(store);
        Path rulesOfB = folder.resolve("rules-b");
        TestServer a = startServerWithOwnRules(database, folder.resolve("rules-a"));
        TestServer b = startServerWithOwnRules(database, rulesOfB);
        Caller programOnA = a.integratorToken("app-on-a");
        Caller programOnB = b.integratorToken("app-on-b");
        String before = versionOfAnAssessment(programOnA);
        assertThat(versionOfAnAssessment(programOnB)).isEqualTo(before);

        TestServer.setRuleSetVersion(folder.resolve("rules-a"), "0.9.0");
        Response reload = a.adminToken("admin-on-a").post("/api/v1/admin/rules/reload", "");
        assertThat(reload.status()).as(reload.toString()).isEqualTo(200);
        String after = reload.json().path("ruleSetVersion").asText();
        assertThat(after).startsWith("0.9.0+").isNotEqualTo(before);

        RuleReloadTest.awaitUntil(CONVERGED_WITHIN, () -> versionOfAnAssessment(programOnB).equals(after));
        assertThat(versionOfAnAssessment(programOnA)).isEqualTo(after);
        assertThat(b.server().engine().convergence().converged()).isTrue();

        // What B stores names the version too, and the admin of B sees who activated it, on which server.
        Response stored = b.coach("carl").post("/api/v1/cases/c-two-servers/intakes",
                TestIntake.withoutCaseId().observed("SLEEP_PROBLEMS", 3).json());
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        assertThat(stored.json().path("ruleSetVersion").asText()).isEqualTo(after);
        assertThat(a.database().cases().history("c-two-servers")).singleElement()
                .satisfies(intake -> assertThat(intake.ruleSetVersion()).isEqualTo(after));
        JsonNode rulesOnB = b.adminToken("admin-on-b").get("/api/v1/admin/rules").json();
        assertThat(rulesOnB.path("ruleSetVersion").asText()).isEqualTo(after);
        assertThat(rulesOnB.at("/activeInDatabase/ruleSetVersion").asText()).isEqualTo(after);
        assertThat(rulesOnB.at("/activeInDatabase/activatedBy").asText()).startsWith("token-admin-on-a@");
        assertThat(rulesOnB.at("/activeInDatabase/why").asText()).isEqualTo("reload");

        // B restarted with its unedited folder keeps the edit: the reload was the newer activation.
        servers.remove(b);
        b.close();
        TestServer restarted = startServer(database, settings -> settings.withRules(rulesOfB, false));
        assertThat(versionOfAnAssessment(restarted.integratorToken("app-on-b-again"))).isEqualTo(after);
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aServerThatCannotBuildTheActiveRuleSetTakesNoTrafficUntilItCanAgain(Store store) {
        DatabaseSettings database = sharedDatabase(store);
        TestServer a = startServerWithOwnRules(database, folder.resolve("rules-a"));
        TestServer b = startServerWithOwnRules(database, folder.resolve("rules-b"));
        Response readyAtStart = b.anonymous().get(Monitoring.READY);
        assertThat(readyAtStart.status()).as(readyAtStart.toString()).isEqualTo(200);
        String running = readyAtStart.json().path("ruleSetVersion").asText();
        assertThat(readyAtStart.json().path("activeRuleSetVersion").asText()).isEqualTo(running);

        // A later program version activates a set that this version's compiler refuses.
        Map<String, String> later = new TreeMap<>(b.server().engine().current().ruleFiles());
        later.put("avoid.drl", later.get("avoid.drl").replaceFirst("(?m)^end$", "en d"));
        a.database().ruleSets().activate("9.0.0+000000000000", later, "deploy@web-9", RuleSetStore.Why.START);

        RuleReloadTest.awaitUntil(CONVERGED_WITHIN, () -> b.anonymous().get(Monitoring.READY).status() == 503);
        JsonNode behind = b.anonymous().get(Monitoring.READY).json();
        assertThat(behind.path("status").asText()).isEqualTo("DOWN");
        assertThat(behind.path("database").asText()).isEqualTo("UP");
        assertThat(behind.path("ruleSet").asText()).isEqualTo("BEHIND");
        assertThat(behind.path("ruleSetVersion").asText()).isEqualTo(running);
        assertThat(behind.path("activeRuleSetVersion").asText()).isEqualTo("9.0.0+000000000000");

        // The set is reloaded on A: B builds it and is ready again.
        Response reload = a.adminToken("admin-on-a").post("/api/v1/admin/rules/reload", "");
        assertThat(reload.status()).as(reload.toString()).isEqualTo(200);
        RuleReloadTest.awaitUntil(CONVERGED_WITHIN, () -> b.anonymous().get(Monitoring.READY).status() == 200);
        assertThat(b.anonymous().get(Monitoring.READY).json().path("ruleSet").asText()).isEqualTo("UP");
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aCdsClientJwtAcceptedByOneServerIsRefusedByTheOther(Store store) {
        DatabaseSettings database = sharedDatabase(store);
        TestCdsClient ehr = TestCdsClient.es384("https://ehr.example.org", "ehr-key-1");
        Path keys = ehr.writeJwks(folder.resolve("ehr.jwks.json"));
        String publicUrl = "https://coach.example.org";
        UnaryOperator<ServerSettings> behindOneName = settings -> settings.withPublicUrl(publicUrl + "/")
                .withCdsClients(List.of(ServerSettings.CdsClient.parse(ehr.issuer() + "=" + keys)));
        TestServer a = startServer(database, behindOneName);
        TestServer b = startServer(database, behindOneName);
        String jwt = ehr.jwt(publicUrl + CdsHooksRoutes.SERVICE);
        String hook = "{\"hook\":\"patient-view\",\"hookInstance\":\"" + UUID.randomUUID()
                + "\",\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"p-1\",\"intake\":"
                + TestIntake.forCase("c-replayed").observed("SLEEP_PROBLEMS", 3).json() + "}}";

        Response first = a.anonymous().with("Authorization", "Bearer " + jwt).post(CdsHooksRoutes.SERVICE, hook);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        Response replayed = b.anonymous().with("Authorization", "Bearer " + jwt).post(CdsHooksRoutes.SERVICE, hook);
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(401);
        assertThat(replayed.json().path("detail").asText()).contains("jti was used before");
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void wrongPasswordsTriedOnOneServerLockTheAccountOnTheOther(Store store) {
        DatabaseSettings database = sharedDatabase(store);
        TestServer a = startServer(database, UnaryOperator.identity());
        TestServer b = startServer(database, UnaryOperator.identity());
        a.createUser("anna", Role.COACH, null, TestServer.PASSWORD);
        String wrong = "{\"username\":\"anna\",\"password\":\"not her password\"}";
        for (int i = 0; i < SignInThrottle.ACCOUNT_FROM_ADDRESS.attempts(); i++) {
            assertThat(a.anonymous().post("/api/v1/session", wrong).status()).isEqualTo(401);
        }

        Response right = b.anonymous().post("/api/v1/session",
                "{\"username\":\"anna\",\"password\":\"" + TestServer.PASSWORD + "\"}");
        assertThat(right.status()).as(right.toString()).isEqualTo(429);
        assertThat(right.headers().get("retry-after")).isNotEmpty();
    }
}
