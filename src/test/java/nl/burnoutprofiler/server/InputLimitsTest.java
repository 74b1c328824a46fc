package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.burnoutprofiler.server.TestServer.Caller;
import nl.burnoutprofiler.server.TestServer.Response;

/**
 * Each limit on what comes in, breached once: a 4xx problem naming the field and the reason, within a second, never
 * a 500 or a Java name; and nothing stored.
 */
class InputLimitsTest {

    private static final String ASSESS = "/api/v1/assessments";
    private static final String INTAKES = "/api/v1/cases/c-limits/intakes";
    private static final String FHIR_ASSESS = "/fhir/QuestionnaireResponse/$assess";
    private static final String FHIR_CARE_PLAN = "/fhir/QuestionnaireResponse/$care-plan";
    private static final Duration QUICK = Duration.ofSeconds(1);

    @TempDir
    static Path folder;
    private static TestServer server;
    private static Caller coach;
    private static Caller integrator;
    private static String coachToken;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = TestServer.start(folder);
        coachToken = Tokens.newToken();
        server.createUser("limits-coach", nl.burnoutprofiler.store.Role.COACH, null, null);
        Tokens.create(server.database(), "token-limits-coach", nl.burnoutprofiler.store.Role.COACH, "limits-coach",
                coachToken, "test");
        coach = server.anonymous().with("Authorization", "Bearer " + coachToken);
        integrator = server.integratorToken("limits-integrator");
        // HAPI builds its FHIR context on first use (about two seconds); the limits are timed after that
        integrator.post(FHIR_ASSESS, "application/fhir+json", "{\"resourceType\":\"QuestionnaireResponse\"}");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- request bodies

    @Test
    void aChunkedBodyOverTheLimitIs413WithoutReadingItAll() {
        byte[] prefix = "{\"caseId\":\"c-1\",\"notes\":\"".getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        RawHttp.Answer answer = new RawHttp(server.server().port()).chunked(ASSESS,
                Map.of("Authorization", "Bearer " + coachToken), prefix, (byte) 'a',
                600L * 1024 * 1024);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
        assertThat(answer.head().toLowerCase()).contains("content-type: application/problem+json");
        assertThat(answer.body()).contains("\"field\":\"$\"").contains("larger than 1000000 bytes");
        assertThat(took).isLessThan(QUICK);
    }

    @Test
    void aChunkedIntakeOverTheLimitIsNotStored() {
        byte[] prefix = "{\"notes\":\"".getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = new RawHttp(server.server().port()).chunked(INTAKES,
                Map.of("Authorization", "Bearer " + coachToken), prefix, (byte) 'a', 10L * 1024 * 1024);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
        assertThat(coach.get(INTAKES.replace("/intakes", "")).status()).isEqualTo(404);
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413BeforeTheBodyIsSent() {
        long started = System.nanoTime();
        RawHttp.Answer answer = new RawHttp(server.server().port()).declaredLength(FHIR_ASSESS, Map.of(),
                600L * 1024 * 1024);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICK);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.head().toLowerCase()).contains("content-type: application/fhir+json");
        assertThat(answer.body()).contains("\"resourceType\":\"OperationOutcome\"").contains("too-costly")
                .contains("larger than 1000000 bytes");

        RawHttp.Answer api = new RawHttp(server.server().port()).declaredLength(ASSESS, Map.of(), 600L * 1024 * 1024);
        assertThat(api.status()).isEqualTo(413);
        assertThat(api.body()).contains("\"status\":413").contains("larger than 1000000 bytes");
    }

    // ---- text, lists, numbers, nesting

    @Test
    void notesLongerThan4000CharactersAreRefusedNamingNotes() {
        Response response = quickly(() -> coach.post(INTAKES,
                TestIntake.withoutCaseId().observed("SLEEP_PROBLEMS", 2).notes("n".repeat(4_001)).json()));
        assertRefused(response, 400, "notes", "at most 4000");
        assertThat(coach.get("/api/v1/cases/c-limits").status()).isEqualTo(404);
    }

    @Test
    void anObservationNoteLongerThan1000CharactersIsRefusedNamingIt() {
        Response response = quickly(() -> integrator.post(ASSESS,
                TestIntake.forCase("c-1").observed("SLEEP_PROBLEMS", 2, "x".repeat(1_001)).json()));
        assertRefused(response, 400, "observations[0].note", "at most 1000");
    }

    @Test
    void moreThan200ObservationsAreRefused() {
        TestIntake intake = TestIntake.forCase("c-1");
        for (int i = 0; i < 201; i++) {
            intake.observed("SLEEP_PROBLEMS", 1);
        }
        assertRefused(quickly(() -> integrator.post(ASSESS, intake.json())), 400, "observations", "at most 200");
    }

    @Test
    void aHugeExponentToTheFhirOperationsIsRefusedNamingTheField() {
        for (String path : new String[] {FHIR_ASSESS, FHIR_CARE_PLAN}) {
            Response response = quickly(() -> integrator.post(path, "application/fhir+json",
                    "{\"resourceType\":\"QuestionnaireResponse\",\"status\":1e99999999}"));
            assertRefused(response, 400, "status", "number out of range");
            Response tiny = quickly(() -> integrator.post(path, "application/fhir+json",
                    "{\"resourceType\":\"QuestionnaireResponse\",\"status\":1e-99999999}"));
            assertThat(tiny.status()).as(tiny.toString()).isEqualTo(400);
            assertNoJavaNames(tiny);
        }
    }

    @Test
    void aNumberOfAThousandDigitsIsRefusedNamingTheField() {
        String intake = "{\"caseId\":\"c-1\",\"rulers\":{\"importance\":" + "9".repeat(1_000) + "}}";
        assertRefused(quickly(() -> integrator.post(ASSESS, intake)), 400, "rulers.importance",
                "number longer than 40");
    }

    @Test
    void nestingDeeperThan32LevelsIsRefused() {
        String deep = "{\"caseId\":\"c-1\",\"notes\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}";
        Response response = quickly(() -> integrator.post(ASSESS, deep));
        assertRefused(response, 400, response.errorFields().get(0), "deeper than 32");
        assertThat(response.errorFields().get(0)).startsWith("notes[0][0][0]");
        ObjectNode hook = hookRequest();
        String deepHook = hook.toString().replace("\"patientId\":\"p-1\"",
                "\"patientId\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000));
        Response hookResponse = quickly(() -> integrator.post(CdsHooksRoutes.SERVICE, deepHook));
        assertRefused(hookResponse, 400, hookResponse.errorFields().get(0), "deeper than 32");
        assertThat(hookResponse.errorFields().get(0)).startsWith("context.patientId.a.a.a");
    }

    @Test
    void aListOfMoreThanAThousandItemsIsRefused() {
        ObjectNode hook = hookRequest();
        var list = ((ObjectNode) hook.get("context")).putArray("selections");
        for (int i = 0; i < 1_001; i++) {
            list.add(i);
        }
        assertRefused(quickly(() -> integrator.post(CdsHooksRoutes.SERVICE, hook.toString())), 400,
                "context.selections", "at most 1000");
    }

    // ---- strict JSON

    @Test
    void aDuplicateKeyIsRefusedNamingIt() {
        String twice = "{\"caseId\":\"c-1\",\"notes\":\"a\",\"notes\":\"b\"}";
        assertRefused(quickly(() -> integrator.post(ASSESS, twice)), 400, "notes", "appears twice");
        assertRefused(quickly(() -> coach.post(INTAKES, "{\"rulers\":{\"readiness\":1,\"readiness\":2}}")), 400,
                "rulers.readiness", "appears twice");
    }

    @Test
    void invalidUtf8IsRefusedNamingTheField() {
        byte[] prefix = "{\"caseId\":\"c-1\",\"notes\":\"caf".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 3];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3; // a lead byte without its continuation
        body[prefix.length + 1] = '"';
        body[prefix.length + 2] = '}';
        for (String path : new String[] {ASSESS, FHIR_ASSESS}) {
            Response response = quickly(() -> bytes(path, body));
            assertRefused(response, 400, "notes", "not valid UTF-8");
        }
    }

    @Test
    void controlCharactersAreRefusedNamingTheField() {
        assertRefused(quickly(() -> integrator.post(ASSESS, "{\"caseId\":\"c-1\",\"notes\":\"a\\u0000b\"}")), 400,
                "notes", "control character U+0000");
        assertRefused(quickly(() -> integrator.post(ASSESS, "{\"caseId\":\"c-1\",\"notes\":\"a\u0007b\"}")), 400,
                "notes", "control character");
        Response lines = integrator.post(ASSESS, "{\"caseId\":\"c-1\",\"notes\":\"line 1\\n\\tline 2\\r\\n\"}");
        assertThat(lines.status()).as(lines.toString()).isEqualTo(200);
    }

    // ---- FHIR and CDS shapes

    @Test
    void fhirProblemsCarryNoJavaNames() {
        for (String body : new String[] {"{", "[1,2]", "{\"resourceType\":\"QuestionnaireResponse\",\"item\":5}",
                "{\"resourceType\":\"QuestionnaireResponse\",\"item\":[{\"linkId\":{}}]}",
                "{\"resourceType\":\"Nonsense\"}", "{\"resourceType\":\"QuestionnaireResponse\",\"status\":true}"}) {
            Response response = quickly(() -> integrator.post(FHIR_ASSESS, "application/fhir+json", body));
            // 400 for what is not readable FHIR; 422 for an item HAPI reads as having no linkId
            assertThat(response.status()).as(response.toString()).isIn(400, 422);
            assertThat(response.issues()).as(response.toString()).isNotEmpty();
            assertNoJavaNames(response);
        }
    }

    @Test
    void aPrefetchBundleWhoseEntryIsAnObjectIs400NamingIt() {
        ObjectNode hook = hookRequest();
        hook.putObject("prefetch").putObject(CdsHooksRoutes.PREFETCH_KEY).put("resourceType", "Bundle")
                .putObject("entry").put("resource", "nothing");
        assertRefused(quickly(() -> integrator.post(CdsHooksRoutes.SERVICE, hook.toString())), 400,
                "prefetch.intake.entry", "must be an array");

        ObjectNode entryText = hookRequest();
        entryText.putObject("prefetch").putObject(CdsHooksRoutes.PREFETCH_KEY).put("resourceType", "Bundle")
                .putArray("entry").add("text");
        assertRefused(integrator.post(CdsHooksRoutes.SERVICE, entryText.toString()), 400, "prefetch.intake.entry[0]",
                "must be a Bundle entry");

        ObjectNode resourceText = hookRequest();
        resourceText.putObject("prefetch").putObject(CdsHooksRoutes.PREFETCH_KEY).put("resourceType", "Bundle")
                .putArray("entry").addObject().put("resource", 7);
        assertRefused(integrator.post(CdsHooksRoutes.SERVICE, resourceText.toString()), 400,
                "prefetch.intake.entry[0].resource", "must be a FHIR resource");

        ObjectNode notAResource = hookRequest();
        notAResource.putObject("prefetch").put(CdsHooksRoutes.PREFETCH_KEY, "QuestionnaireResponse");
        assertRefused(integrator.post(CdsHooksRoutes.SERVICE, notAResource.toString()), 400, "prefetch.intake",
                "must be a QuestionnaireResponse");
    }

    // ---- helpers

    private static ObjectNode hookRequest() {
        ObjectNode request = TestServer.JSON.createObjectNode();
        request.put("hook", "patient-view").put("hookInstance", UUID.randomUUID().toString());
        request.putObject("context").put("userId", "Practitioner/coach-1").put("patientId", "p-1");
        return request;
    }

    private Response bytes(String path, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.server().port() + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + coachToken).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response("POST " + path, response.statusCode(), response.headers().map(), response.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Response quickly(Supplier<Response> call) {
        long started = System.nanoTime();
        Response response = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as(response.toString()).isLessThan(QUICK);
        return response;
    }

    static void assertRefused(Response response, int status, String field, String reason) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        if (response.request().contains(" /fhir/")) {
            // FHIR's OperationOutcome: each issue's diagnostics name the field, then the reason
            assertThat(response.contentType()).startsWith("application/fhir+json");
            assertThat(response.issues()).as(response.toString()).anySatisfy(issue -> assertThat(issue)
                    .startsWith(field).contains(reason));
        } else {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("errors")).as(response.toString())
                    .anySatisfy(error -> {
                        assertThat(error.path("field").asText()).isEqualTo(field);
                        assertThat(error.path("reason").asText()).contains(reason);
                    });
        }
        assertNoJavaNames(response);
    }

    static void assertNoJavaNames(Response response) {
        assertThat(response.body()).as(response.toString())
                .doesNotContainPattern("\\b(?:java|javax|jakarta|com|org|io|ca|nl)\\.[a-z]+\\.")
                .doesNotContain("Exception").doesNotContainPattern("\\bat [\\w.$]+\\(");
    }
}
