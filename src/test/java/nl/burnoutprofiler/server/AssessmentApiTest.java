package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import nl.burnoutprofiler.engine.IntakeValidator;
import nl.burnoutprofiler.json.IntakeJson;
import nl.burnoutprofiler.json.OutcomeJson;
import nl.burnoutprofiler.server.TestServer.Caller;
import nl.burnoutprofiler.server.TestServer.Response;
import nl.burnoutprofiler.store.Role;

/**
 * POST /api/v1/assessments is the engine over HTTP (contract section 5): the same outcome as the engine gives, and
 * for bad input a 400 problem naming every field at fault.
 */
class AssessmentApiTest {

    @TempDir
    static Path data;

    private static TestServer server;
    private static Caller integrator;

    @BeforeAll
    static void start() {
        server = TestServer.start(data);
        integrator = server.integratorToken("assessment-app");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Response assess(String intake) {
        return integrator.post("/api/v1/assessments", intake);
    }

    private static void assertBadRequest(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("title").asText()).isEqualTo("Bad request");
        assertThat(response.json().path("errors")).as("errors name the fields").isNotEmpty()
                .allSatisfy(error -> assertThat(error.path("reason").asText()).isNotBlank());
    }

    @Test
    void aClientThatAcceptsGzipGetsTheSameOutcomeCompressed() throws Exception {
        String token = Tokens.newToken();
        Tokens.create(server.database(), "gzip-app", Role.INTEGRATOR, null, token, "test");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.server().port()
                        + "/api/v1/assessments"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString(TestIntake.example())).build();

        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            String json = new String(unzipped.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response.body().length).isLessThan(json.length() / 2);
            assertThat(json).isEqualTo(assess(TestIntake.example()).body());
        }
    }

    @Test
    void theOutcomeIsExactlyWhatTheEngineGives() {
        String example = TestIntake.example();
        String expected = OutcomeJson.writeCompact(server.engine().assess(
                new IntakeJson(new IntakeValidator(server.engine().catalogue()), Clock.systemUTC()).read(example)));

        Response response = assess(example);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.body()).isEqualTo(expected);
        assertThat(response.json().path("caseId").asText()).isEqualTo("c-0042");
        assertThat(response.json().path("ruleSetVersion").asText()).isEqualTo(server.engine().ruleSetVersion());
    }

    @Test
    void aMachineAsksForTheCompactOutcome() {
        String example = TestIntake.example();
        String expected = OutcomeJson.writeCompact(server.engine().assessCompact(
                new IntakeJson(new IntakeValidator(server.engine().catalogue()), Clock.systemUTC()).read(example)));

        Response response = integrator.post("/api/v1/assessments?view=compact", example);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(expected);
        assertThat(response.json().path("plan").path("firstStep").asText()).isNotBlank();
        assertThat(response.json().path("rules")).isNotEmpty();
        assertThat(response.body().length()).as("a fraction of the full outcome")
                .isLessThan(assess(example).body().length() / 5);
        assertThat(integrator.post("/api/v1/assessments?view=full", example).body()).isEqualTo(assess(example).body());
    }

    @Test
    void anUnknownViewIsRefusedNamingIt() {
        Response response = integrator.post("/api/v1/assessments?view=short", TestIntake.example());
        assertBadRequest(response);
        assertThat(response.json().path("errors").path(0).path("field").asText()).isEqualTo("view");
    }

    @Test
    void aSafetySignalPutsTheReferralFirst() {
        JsonNode outcome = assess(TestIntake.forCase("c-safety").observed("SUICIDAL_IDEATION", 2)
                .observed("SLEEP_PROBLEMS", 3).json()).json();
        assertThat(outcome.path("safety").path("status").asText()).isEqualTo("URGENT");
        assertThat(outcome.path("recommendations").path(0).path("id").asText()).isEqualTo("URGENT_REFERRAL");
    }

    @Test
    void assessingStoresNothing() {
        assess(TestIntake.forCase("c-not-stored").observed("SLEEP_PROBLEMS", 3).json());
        assertThat(server.database().cases().ownerOf("c-not-stored")).isEmpty();
    }

    static Stream<Arguments> badIntakes() {
        return Stream.of(
                Arguments.of("an unknown code",
                        TestIntake.forCase("c-1").observed("NOT_A_CODE", 2).json(), "observations[0].code"),
                Arguments.of("intensity 7",
                        TestIntake.forCase("c-1").observed("SLEEP_PROBLEMS", 7).json(), "observations[0].intensity"),
                Arguments.of("ruler 11",
                        TestIntake.forCase("c-1").rulers(11, 3, 5).json(), "rulers.importance"),
                Arguments.of("malformed JSON",
                        "{\"caseId\": \"c-1\", \"observations\": [", "$"),
                Arguments.of("a missing caseId",
                        TestIntake.withoutCaseId().observed("SLEEP_PROBLEMS", 2).json(), "caseId"),
                Arguments.of("a duplicate code",
                        TestIntake.forCase("c-1").observed("SLEEP_PROBLEMS", 2).observed("SLEEP_PROBLEMS", 3).json(),
                        "observations[1].code"),
                Arguments.of("a name as caseId",
                        TestIntake.forCase("Jan de Vries").json(), "caseId"),
                Arguments.of("an unknown field",
                        "{\"caseId\": \"c-1\", \"name\": \"Jan\"}", "name"),
                Arguments.of("a date that is no date",
                        TestIntake.forCase("c-1").on("20-11-2026").json(), "date"),
                Arguments.of("not an object",
                        "[1, 2, 3]", "$"));
    }

    @ParameterizedTest(name = "{0} is refused naming {2}")
    @MethodSource("badIntakes")
    void aBadIntakeIsRefusedNamingTheField(String what, String intake, String field) {
        Response response = assess(intake);
        assertBadRequest(response);
        assertThat(response.errorFields()).as(what).containsExactly(field);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String intake = "{\"observations\": [{\"code\": \"NOT_A_CODE\"}, {\"code\": \"SLEEP_PROBLEMS\", "
                + "\"intensity\": 7}, {\"code\": \"SLEEP_PROBLEMS\"}], \"rulers\": {\"readiness\": 11}}";

        Response response = assess(intake);

        assertBadRequest(response);
        assertThat(response.errorFields()).containsExactlyInAnyOrder("caseId", "observations[0].code",
                "observations[1].intensity", "observations[2].code", "rulers.readiness");
        assertThat(response.json().path("detail").asText()).contains("5 problems");
        JsonNode intensity = response.json().path("errors").findParents("field").stream()
                .filter(error -> error.path("field").asText().equals("observations[1].intensity"))
                .findFirst().orElseThrow();
        assertThat(intensity.path("value").asText()).isEqualTo("7");
        assertThat(intensity.path("reason").asText()).contains("1 (slight), 2 (clear) or 3 (strong)");
    }

    @Test
    void theCatalogueListsEveryCodeOfTheRunningRuleSet() {
        Response response = integrator.get("/api/v1/catalogue");

        assertThat(response.status()).isEqualTo(200);
        JsonNode catalogue = response.json();
        assertThat(catalogue.path("ruleSetVersion").asText()).isEqualTo(server.engine().ruleSetVersion());
        assertThat(catalogue.path("codes").size()).isGreaterThanOrEqualTo(127);
        assertThat(catalogue.path("codes").findValuesAsText("code"))
                .contains("SLEEP_PROBLEMS", "AMBIVALENCE", "SUICIDAL_IDEATION").doesNotHaveDuplicates();
        assertThat(catalogue.path("groups").findValuesAsText("id")).contains("CONTEXT", "SAFETY");
        assertThat(catalogue.path("codes").path(0).path("explanationEn").asText()).isNotBlank();
    }
}
