package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import nl.burnoutprofiler.server.TestServer.Caller;
import nl.burnoutprofiler.server.TestServer.Response;

/**
 * A knowledge engineer edits the rule folder the server runs with (--rules): an admin reloads it, or the server
 * watches it (--watch-rules). A working edit is swapped in while assessments go on; a broken one is refused with
 * file and line, and the running rule set stays.
 */
class RuleReloadTest {

    /** A rule file with a syntax error: the pattern opened on line 7 is never closed. */
    private static final String BROKEN_DRL = """
            package nl.burnoutprofiler.rules;

            import nl.burnoutprofiler.engine.Observation;

            rule "TST-001 Broken"
            when
                Observation( code == "SLEEP_PROBLEMS"
            then
            end
            """;

    @TempDir
    static Path data;
    @TempDir
    static Path rules;

    private static TestServer server;
    private static Caller admin;
    private static Caller integrator;

    @BeforeAll
    static void start() {
        TestServer.copyRules(rules);
        server = TestServer.start(TestServer.settings(data).withRules(rules, false));
        admin = server.adminToken("rules-admin");
        integrator = server.integratorToken("rules-app");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String ruleSetVersionOfAnAssessment() {
        Response response = integrator.post("/api/v1/assessments", TestIntake.example());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("ruleSetVersion").asText();
    }

    @Test
    void anAdminReloadSwapsInTheEditedRuleSetWhileAssessmentsGoOn() {
        String before = ruleSetVersionOfAnAssessment();
        TestServer.setRuleSetVersion(rules, "0.9.0");

        CompletableFuture<Response> reload = CompletableFuture.supplyAsync(
                () -> admin.post("/api/v1/admin/rules/reload", ""));
        int assessedDuringReload = 0;
        while (!reload.isDone()) {
            assertThat(ruleSetVersionOfAnAssessment()).isIn(before, server.engine().ruleSetVersion());
            assessedDuringReload++;
        }
        Response response = reload.join();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String after = response.json().path("ruleSetVersion").asText();
        assertThat(after).startsWith("0.9.0+").isNotEqualTo(before);
        assertThat(response.json().path("precompiled").asBoolean()).as("edited rules are compiled at load").isFalse();
        assertThat(response.json().path("rules").asInt()).isGreaterThan(60);
        assertThat(response.json().path("organisationRules").asInt()).as("reloaded with the set").isPositive();
        assertThat(ruleSetVersionOfAnAssessment()).isEqualTo(after);
        assertThat(admin.get("/api/v1/admin/rules").json().path("ruleSetVersion").asText()).isEqualTo(after);
        assertThat(assessedDuringReload).as("assessments answered while the new rule set was built").isPositive();
        assertThat(server.database().audit().recent(20)).anySatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("token-rules-admin");
            assertThat(entry.action()).isEqualTo(Audit.RELOAD_RULES);
            assertThat(entry.detail()).isEqualTo(after);
        });
    }

    @Test
    void aBrokenRuleFileIsRefusedWithFileAndLineAndTheRunningRuleSetStays() throws IOException {
        String running = ruleSetVersionOfAnAssessment();
        Path broken = rules.resolve("zz-broken.drl");
        Path properties = rules.resolve("ruleset.properties");
        String manifest = Files.readString(properties);
        Files.writeString(properties, manifest.replaceFirst("(?m)^files=", "files=zz-broken.drl,"));
        Files.writeString(broken, BROKEN_DRL);
        try {
            Response response = admin.post("/api/v1/admin/rules/reload", "");

            assertThat(response.status()).as(response.toString()).isEqualTo(422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("detail").asText()).contains(running);
            assertThat(response.errorFields()).isNotEmpty()
                    .allSatisfy(field -> assertThat(field).matches("zz-broken\\.drl:[78]"));
            assertThat(response.json().path("errors")).allSatisfy(error ->
                    assertThat(error.path("reason").asText()).isNotBlank());
            assertThat(ruleSetVersionOfAnAssessment()).isEqualTo(running);
            assertThat(server.engine().ruleSetVersion()).isEqualTo(running);
            assertThat(server.database().audit().recent(20)).anySatisfy(entry ->
                    assertThat(entry.action()).isEqualTo(Audit.RELOAD_RULES_REFUSED));
        } finally {
            Files.delete(broken);
            Files.writeString(properties, manifest);
        }
    }

    @Test
    void aRuleFolderMissingANamedFileIsRefusedNamingItAndTheRunningRuleSetStays() throws IOException {
        String running = ruleSetVersionOfAnAssessment();
        Path avoid = rules.resolve("avoid.drl");
        String avoidRules = Files.readString(avoid);
        Files.delete(avoid);
        try {
            Response response = admin.post("/api/v1/admin/rules/reload", "");

            assertThat(response.status()).as(response.toString()).isEqualTo(422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.errorFields()).containsExactly("avoid.drl");
            assertThat(response.json().at("/errors/0/reason").asText()).contains("ruleset.properties")
                    .contains("missing");
            assertThat(server.engine().ruleSetVersion()).isEqualTo(running);
            JsonNode outcome = integrator.post("/api/v1/assessments", TestIntake.example()).json();
            assertThat(outcome.path("ruleSetVersion").asText()).isEqualTo(running);
            assertThat(outcome.path("avoid")).as("the running rule set still says what to avoid").isNotEmpty();
        } finally {
            Files.writeString(avoid, avoidRules);
        }
    }

    @Test
    void withWatchRulesTheServerPicksUpAnEditByItself(@TempDir Path watchedData, @TempDir Path watchedRules) {
        TestServer.copyRules(watchedRules);
        try (TestServer watching = TestServer.start(TestServer.settings(watchedData).withRules(watchedRules, true))) {
            String before = watching.engine().ruleSetVersion();
            Caller program = watching.integratorToken("watched-app");

            TestServer.setRuleSetVersion(watchedRules, "0.8.0");

            awaitUntil(Duration.ofSeconds(30), () -> watching.engine().ruleSetVersion().startsWith("0.8.0+"));
            assertThat(watching.engine().ruleSetVersion()).isNotEqualTo(before);
            JsonNode outcome = program.post("/api/v1/assessments", TestIntake.example()).json();
            assertThat(outcome.path("ruleSetVersion").asText()).startsWith("0.8.0+");
        }
    }

    /** Polls until the condition holds; fails after {@code timeout}. */
    static void awaitUntil(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
