package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.burnoutprofiler.fhir.Fhir;
import nl.burnoutprofiler.fhir.IntakeQuestionnaire;
import nl.burnoutprofiler.fhir.ScenarioIntakes;
import nl.burnoutprofiler.server.TestServer.Caller;
import nl.burnoutprofiler.server.TestServer.Response;

/** The operator's view: health probes an orchestrator reads, and metrics Prometheus scrapes. */
class MonitoringTest {

    @TempDir
    Path data;

    @Test
    void aRunningServerIsLiveAndReadyAndNamesItsRuleSet() {
        try (TestServer server = TestServer.start(data)) {
            Response live = server.anonymous().get(Monitoring.LIVE);
            assertThat(live.status()).as(live.toString()).isEqualTo(200);
            assertThat(live.json().path("status").asText()).isEqualTo("UP");

            Response ready = server.anonymous().get(Monitoring.READY);
            assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
            assertThat(ready.json().path("database").asText()).isEqualTo("UP");
            assertThat(ready.json().path("ruleSetVersion").asText())
                    .isEqualTo(server.engine().ruleSetVersion());
        }
    }

    @Test
    void aServerWhoseDatabaseIsGoneIsLiveButNotReady() {
        try (TestServer server = TestServer.start(data)) {
            server.database().close();
            assertThat(server.anonymous().get(Monitoring.LIVE).status()).isEqualTo(200);
            Response ready = server.anonymous().get(Monitoring.READY);
            assertThat(ready.status()).as(ready.toString()).isEqualTo(503);
            assertThat(ready.json().path("database").asText()).isEqualTo("DOWN");
        }
    }

    @Test
    void metricsCountRequestsByRouteAndAssessmentsByWayInWithoutCaseIds() {
        try (TestServer server = TestServer.start(data)) {
            Caller anna = server.coach("anna");
            String caseId = "c-metrics-7f3a";
            assertThat(anna.post("/api/v1/assessments", TestIntake.example()).status()).isEqualTo(200);
            assertThat(anna.post("/api/v1/assessments", TestIntake.example()).status()).isEqualTo(200);
            assertThat(anna.post("/api/v1/cases/" + caseId + "/intakes", TestIntake.forCase(caseId)
                    .observed("SLEEP_PROBLEMS", 2).json()).status()).isEqualTo(201);
            assertThat(anna.get("/api/v1/cases/" + caseId).status()).isEqualTo(200);
            assertThat(anna.get("/api/v1/cases/" + caseId + "/no-such-thing").status()).isEqualTo(404);
            String questionnaireResponse = Fhir.toJson(IntakeQuestionnaire.toQuestionnaireResponse(
                    ScenarioIntakes.named(server.engine(), "001-"), server.engine().catalogue()));
            assertThat(anna.post("/fhir/QuestionnaireResponse/$assess", "application/fhir+json",
                    questionnaireResponse).status()).isEqualTo(200);
            assertThat(anna.get("/fhir/Questionnaire/intake").status()).isEqualTo(200);

            Response metrics = server.anonymous().get(Monitoring.METRICS);
            assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
            assertThat(metrics.header("Content-Type")).startsWith("text/plain");
            List<String> lines = Arrays.asList(metrics.body().split("\n"));
            assertThat(lines).contains("burnout_assessments_total{via=\"api\"} 2.0",
                    "burnout_assessments_total{via=\"case\"} 1.0",
                    "burnout_assessments_total{via=\"cds-hooks\"} 0.0",
                    "burnout_assessments_total{via=\"fhir\"} 1.0",
                    "burnout_rule_set{version=\"" + server.engine().ruleSetVersion() + "\"} 1.0");
            assertThat(lines).anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")
                    && line.contains("method=\"POST\"") && line.contains("route=\"/api/v1/assessments\"")
                    && line.contains("status=\"200\"") && line.endsWith(" 2"));
            assertThat(lines).anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")
                    && line.contains("route=\"/api/v1/cases/{caseId}\""));
            assertThat(lines).anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")
                    && line.contains("route=\"unmatched\"") && line.contains("status=\"404\""));
            assertThat(lines).anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")
                    && line.contains("route=\"/fhir/QuestionnaireResponse/$assess\"") && line.contains("status=\"200\"")
                    && line.endsWith(" 1"));
            assertThat(lines).anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")
                    && line.contains("route=\"/fhir/Questionnaire/{id}\"") && line.contains("method=\"GET\""));
            assertThat(lines).anyMatch(line -> line.startsWith("hikaricp_connections_active{"));
            assertThat(lines).anyMatch(line -> line.startsWith("jvm_memory_used_bytes{"));
            assertThat(metrics.body()).as("no case id, no path with one").doesNotContain(caseId);
        }
    }

    @Test
    void probesAndMetricsNeedNoCredentials() {
        try (TestServer server = TestServer.start(data)) {
            for (String path : List.of(Monitoring.LIVE, Monitoring.READY, Monitoring.METRICS)) {
                assertThat(server.anonymous().get(path).status()).as(path).isEqualTo(200);
            }
        }
    }
}
