package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import nl.burnoutprofiler.cli.Main;
import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.Rulers;
import nl.burnoutprofiler.server.TestServer.Response;
import nl.burnoutprofiler.store.StoredIntake;

/**
 * One rule-set version everywhere: the engine's outcome, the API's assessment, the stored intake (its record, its
 * outcome, and both as the case shows them) and {@code --version} all name the same semantic version plus content
 * hash.
 */
class VersionAgreementTest {

    /** Semantic version, '+', the first 12 hex digits of the hash of the rule-set files. */
    private static final String VERSION = "\\d+\\.\\d+\\.\\d+\\+[0-9a-f]{12}";

    @TempDir
    static Path data;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> versionOutput() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        assertThat(commandLine.execute("--version")).isZero();
        return out.toString().lines().toList();
    }

    @Test
    void theOutcomeTheStoredIntakeAndVersionNameTheSameRuleSetVersion() {
        String engineVersion = server.engine().assess(Intake.of("c-version", List.of(), Rulers.NONE)).ruleSetVersion();
        assertThat(engineVersion).matches(VERSION);

        Response assessed = server.integratorToken("version-integrator").post("/api/v1/assessments",
                TestIntake.example());
        assertThat(assessed.status()).as(assessed.toString()).isEqualTo(200);

        TestServer.Caller coach = server.coach("version-coach");
        Response stored = coach.post("/api/v1/cases/c-version/intakes",
                TestIntake.withoutCaseId().observed("SLEEP_PROBLEMS", 2).json());
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        Response read = coach.get("/api/v1/cases/c-version");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);

        assertThat(List.of(assessed.json().path("ruleSetVersion").asText(),
                stored.json().path("ruleSetVersion").asText(),
                stored.json().path("outcome").path("ruleSetVersion").asText(),
                read.json().path("meetings").path(0).path("ruleSetVersion").asText(),
                read.json().path("meetings").path(0).path("outcome").path("ruleSetVersion").asText()))
                .containsOnly(engineVersion);
        assertThat(server.database().cases().history("c-version"))
                .extracting(StoredIntake::ruleSetVersion).containsOnly(engineVersion);
        List<String> printed = versionOutput();
        assertThat(printed).hasSize(2);
        assertThat(printed.get(0)).startsWith("burnout-profiler ");
        assertThat(printed.get(1)).isEqualTo("rule set " + engineVersion);
    }
}
