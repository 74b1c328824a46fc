package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceOperationComponent;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.fhir.Fhir;
import nl.burnoutprofiler.fhir.FhirValidation;
import nl.burnoutprofiler.fhir.IntakeQuestionnaire;
import nl.burnoutprofiler.fhir.OutcomeResources;
import nl.burnoutprofiler.fhir.ScenarioIntakes;
import nl.burnoutprofiler.server.TestServer.Caller;
import nl.burnoutprofiler.server.TestServer.Response;
import nl.burnoutprofiler.store.Role;

/**
 * The FHIR routes answer integrators with resources the HAPI FHIR validator accepts (the definitions are the
 * resources the fhir package tests validate; the assessments are validated here), documented in the OpenAPI
 * document, and refuse a bad QuestionnaireResponse with a problem that names the item.
 */
class FhirRoutesTest {

    @TempDir
    static Path data;

    private static TestServer server;
    private static String integratorToken;
    private static Caller integrator;
    private static FhirValidation validation;
    private static SchemaCheck schemas;
    private static JsonNode document;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start(data);
        integratorToken = Tokens.newToken();
        Tokens.create(server.database(), "fhir-partner", Role.INTEGRATOR, null, integratorToken, "test");
        integrator = server.anonymous().with("Authorization", "Bearer " + integratorToken);
        validation = FhirValidation.get();
        document = TestServer.JSON.readTree(OpenApi.document());
        schemas = new SchemaCheck(document);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static <T extends IBaseResource> T resource(Response response, Class<T> type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith(FhirRoutes.FHIR_JSON);
        return Fhir.context().newJsonParser().parseResource(type, response.body());
    }

    /** The answer fits the schema the OpenAPI document gives for this operation and status. */
    private static void documented(String method, String path, Response response) {
        JsonNode content = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT))
                .path("responses").path(String.valueOf(response.status()));
        if (content.has("$ref")) {
            content = schemas.resolve(content.get("$ref").asText());
        }
        String mediaType = response.contentType().split(";")[0].trim();
        JsonNode schema = content.path("content").path(mediaType).path("schema");
        assertThat(schema.isMissingNode()).as("%s %s %s documented as %s", method, path, response.status(), mediaType)
                .isFalse();
        assertThat(schemas.problems(schema, response.json())).as(response.toString()).isEmpty();
    }

    private static String questionnaireResponse(String scenario) {
        Intake intake = ScenarioIntakes.named(server.engine(), scenario);
        return Fhir.toJson(IntakeQuestionnaire.toQuestionnaireResponse(intake, server.engine().catalogue()));
    }

    /** The same JSON as the resource built in process, which IntakeQuestionnaireTest validates. */
    private static void sameAs(Response response, IBaseResource expected) throws IOException {
        assertThat(response.json()).isEqualTo(TestServer.JSON.readTree(Fhir.toJson(expected)));
    }

    @Test
    void aClientReadsWhatTheEndpointOffersBeforeSigningIn() {
        Response response = server.anonymous().get("/fhir/metadata");
        CapabilityStatement statement = resource(response, CapabilityStatement.class);

        assertThat(statement.getImplementation().getUrl())
                .isEqualTo("http://localhost:" + server.server().port() + "/fhir");
        assertThat(statement.getVersion()).isEqualTo(server.engine().ruleSetVersion());
        assertThat(statement.getRestFirstRep().getResource())
                .extracting(CapabilityStatementRestResourceComponent::getType)
                .containsExactly("Questionnaire", "CodeSystem", "QuestionnaireResponse");
        assertThat(validation.errors(statement)).isEmpty();
        documented("GET", "/fhir/metadata", response);
    }

    @Test
    void everyDeclaredOperationIsServedAndDefinedWhereTheStatementSays() {
        CapabilityStatement statement = resource(server.anonymous().get("/fhir/metadata"), CapabilityStatement.class);
        List<CapabilityStatementRestResourceOperationComponent> operations = statement.getRestFirstRep()
                .getResource().get(2).getOperation();

        assertThat(operations).extracting(CapabilityStatementRestResourceOperationComponent::getName)
                .containsExactly("assess", "care-plan");
        for (CapabilityStatementRestResourceOperationComponent operation : operations) {
            String path = URI.create(operation.getDefinition()).getPath();
            Response response = integrator.get(path);
            OperationDefinition definition = resource(response, OperationDefinition.class);
            assertThat(definition.getUrl()).isEqualTo(operation.getDefinition());
            assertThat(definition.getCode()).isEqualTo(operation.getName());
            assertThat(server.anonymous().get(path).status()).isEqualTo(401);
            assertThat(server.routes()).as("the operation itself is a route")
                    .anyMatch(route -> route.path().equals("/fhir/QuestionnaireResponse/$" + operation.getName()));
            documented("GET", path, response);
        }
    }

    @Test
    void theIntakeQuestionnaireIsServedForTheRunningRuleSet() throws IOException {
        Response response = integrator.get("/fhir/Questionnaire/intake");
        Questionnaire form = resource(response, Questionnaire.class);
        assertThat(form.getUrl()).isEqualTo(IntakeQuestionnaire.QUESTIONNAIRE_URL);
        assertThat(form.getVersion()).isEqualTo(server.engine().ruleSetVersion());
        sameAs(response, IntakeQuestionnaire.questionnaire(server.engine().catalogue(),
                server.engine().ruleSetVersion()));
        documented("GET", "/fhir/Questionnaire/intake", response);
    }

    @Test
    void theCodeSystemsAreServedAtTheirCanonicalPaths() throws IOException {
        String version = server.engine().ruleSetVersion();
        Map<String, CodeSystem> expected = Map.of(
                "observation-codes", IntakeQuestionnaire.codeSystem(server.engine().catalogue(), version),
                "intake-answers", IntakeQuestionnaire.answerCodeSystem(version),
                "advice", OutcomeResources.adviceCodeSystem(server.engine().catalogue(), version));
        for (Map.Entry<String, CodeSystem> entry : expected.entrySet()) {
            String path = "/fhir/CodeSystem/" + entry.getKey();
            Response response = integrator.get(path);
            CodeSystem system = resource(response, CodeSystem.class);
            assertThat(system.getUrl()).isEqualTo(Fhir.BASE_URL + path.substring("/fhir".length()));
            sameAs(response, entry.getValue());
            documented("GET", path, response);
        }
    }

    @Test
    void assessingAQuestionnaireResponseGivesAValidGuidanceResponseWithTheReferralFirst() {
        Response response = integrator.post("/fhir/QuestionnaireResponse/$assess", FhirRoutes.FHIR_JSON,
                questionnaireResponse("045-"));
        GuidanceResponse guidance = resource(response, GuidanceResponse.class);
        assertThat(validation.errors(guidance)).isEmpty();
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(guidance.getSubject().getIdentifier().getValue()).isEqualTo("sc-045");
        CarePlan plan = (CarePlan) guidance.getContained().stream().filter(r -> r instanceof CarePlan).findFirst()
                .orElseThrow();
        assertThat(plan.getActivityFirstRep().getDetail().getCode().getCodingFirstRep().getCode())
                .isEqualTo("URGENT_REFERRAL");
        documented("POST", "/fhir/QuestionnaireResponse/$assess", response);
    }

    @Test
    void theCarePlanRouteGivesTheCarePlanOfTheOutcome() throws IOException {
        Intake intake = ScenarioIntakes.named(server.engine(), "001-");
        Response response = integrator.post("/fhir/QuestionnaireResponse/$care-plan", questionnaireResponse("001-"));
        CarePlan plan = resource(response, CarePlan.class);
        assertThat(validation.errors(plan)).isEmpty();
        sameAs(response, OutcomeResources.carePlan(server.engine().assess(intake), intake.caseId()));
        documented("POST", "/fhir/QuestionnaireResponse/$care-plan", response);
    }

    @Test
    void aBadQuestionnaireResponseIsA400ProblemNamingTheItems() {
        QuestionnaireResponse bad = Fhir.context().newJsonParser()
                .parseResource(QuestionnaireResponse.class, questionnaireResponse("001-"));
        bad.getItem().stream().flatMap(item -> item.getItem().stream())
                .filter(item -> item.getLinkId().equals("SLEEP_PROBLEMS")).findFirst().orElseThrow()
                .getAnswerFirstRep().setValue(new Coding(IntakeQuestionnaire.ANSWER_SYSTEM_URL, "7", null));
        bad.addItem().setLinkId("rulers").addItem().setLinkId("rulers.readiness").addAnswer()
                .setValue(new IntegerType(11));

        for (String operation : new String[] {"$assess", "$care-plan"}) {
            Response response = integrator.post("/fhir/QuestionnaireResponse/" + operation, Fhir.toJson(bad));
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.errorFields()).containsExactly("SLEEP_PROBLEMS", "rulers.readiness");
            documented("POST", "/fhir/QuestionnaireResponse/" + operation, response);
        }
        Response notFhir = integrator.post("/fhir/QuestionnaireResponse/$assess", "{\"caseId\":\"c-1\"}");
        assertThat(notFhir.status()).isEqualTo(400);
        assertThat(notFhir.errorFields()).containsExactly("$");
    }

    @Test
    void textIsUtf8BothWays() throws IOException, InterruptedException {
        Response plan = integrator.post("/fhir/QuestionnaireResponse/$care-plan", FhirRoutes.FHIR_JSON,
                questionnaireResponse("001-"));
        assertThat(plan.contentType()).containsIgnoringCase("charset=utf-8");
        assertThat(plan.body()).contains("cliënt");

        // The refusal echoes the case id as the server read it. Problems are written by the shared error handler,
        // so decode them in the charset they declare (ISO-8859-1 when they declare none, as servlets do).
        String named = questionnaireResponse("001-").replace("\"sc-001\"", "\"cliënt één\"");
        URI assess = URI.create("http://127.0.0.1:" + server.server().port() + "/fhir/QuestionnaireResponse/$assess");
        HttpResponse<byte[]> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(assess)
                .header("Authorization", "Bearer " + integratorToken)
                .header("Content-Type", FhirRoutes.FHIR_JSON)
                .POST(HttpRequest.BodyPublishers.ofString(named, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(refused.statusCode()).isEqualTo(400);
        Charset declared = refused.headers().firstValue("Content-Type").map(type -> type.toLowerCase(Locale.ROOT))
                .filter(type -> type.contains("charset=utf-8")).isPresent()
                ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        JsonNode problem = TestServer.JSON.readTree(new String(refused.body(), declared));
        assertThat(problem.path("errors").get(0).path("value").asText()).isEqualTo("cliënt één");
    }

    @Test
    void everyFhirRouteButTheMetadataNeedsCredentials() {
        assertThat(server.routes()).filteredOn(route -> route.path().startsWith("/fhir/"))
                .filteredOn(route -> !route.path().equals("/fhir/metadata")).hasSize(8)
                .allSatisfy(route -> {
                    assertThat(route.access()).containsExactlyInAnyOrder(Access.ANYONE);
                    Response response = server.anonymous().call(route.method().name(), route.path(),
                            route.method().name().equals("POST") ? questionnaireResponse("001-") : null);
                    assertThat(response.status()).as(response.toString()).isEqualTo(401);
                });
    }
}
