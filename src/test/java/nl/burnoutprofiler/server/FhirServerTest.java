package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceOperationComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;

import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.fhir.Fhir;
import nl.burnoutprofiler.fhir.FhirValidation;
import nl.burnoutprofiler.fhir.IntakeQuestionnaire;
import nl.burnoutprofiler.fhir.OutcomeResources;
import nl.burnoutprofiler.fhir.ScenarioIntakes;
import nl.burnoutprofiler.fhir.ServerCapabilities.Operation;
import nl.burnoutprofiler.server.TestServer.Caller;
import nl.burnoutprofiler.server.TestServer.Response;
import nl.burnoutprofiler.store.Role;

/**
 * The FHIR server under /fhir as integrators meet it, through HAPI's generic client and plain HTTP: a generated
 * CapabilityStatement, the definitions to read, {@code $assess} and {@code $care-plan} with a Parameters body or the
 * bare QuestionnaireResponse, in JSON or XML, and every refusal an OperationOutcome. The resources it answers with
 * pass the HAPI FHIR validator.
 */
class FhirServerTest {

    private static final String FHIR_JSON = "application/fhir+json";
    private static final String FHIR_XML = "application/fhir+xml";
    private static final String ASSESS = "/fhir/QuestionnaireResponse/$assess";
    private static final String CARE_PLAN = "/fhir/QuestionnaireResponse/$care-plan";

    @TempDir
    static Path data;

    private static TestServer server;
    private static String integratorToken;
    private static Caller integrator;
    private static FhirValidation validation;

    @BeforeAll
    static void start() {
        server = TestServer.start(data);
        integratorToken = Tokens.newToken();
        Tokens.create(server.database(), "fhir-partner", Role.INTEGRATOR, null, integratorToken, "test");
        integrator = server.anonymous().with("Authorization", "Bearer " + integratorToken);
        validation = FhirValidation.get();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String base() {
        return "http://localhost:" + server.server().port() + "/fhir";
    }

    /** HAPI's generic client as an integrator sets it up: it reads the CapabilityStatement before its first call. */
    private static IGenericClient client(String bearerToken) {
        IGenericClient client = Fhir.context().newRestfulGenericClient(base());
        if (bearerToken != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(bearerToken));
        }
        return client;
    }

    private static <T extends IBaseResource> T resource(Response response, Class<T> type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith(FHIR_JSON);
        return Fhir.context().newJsonParser().parseResource(type, response.body());
    }

    private static QuestionnaireResponse questionnaireResponse(String scenario) {
        Intake intake = ScenarioIntakes.named(server.engine(), scenario);
        return IntakeQuestionnaire.toQuestionnaireResponse(intake, server.engine().catalogue());
    }

    private static Parameters parameters(QuestionnaireResponse response) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("resource").setResource(response);
        return parameters;
    }

    /** The same JSON as the resource built in process, which the fhir package's tests validate. */
    private static void sameAs(Response response, IBaseResource expected) throws IOException {
        assertThat(response.json()).isEqualTo(TestServer.JSON.readTree(Fhir.toJson(expected)));
    }

    private static void assertOutcome(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith(FHIR_JSON);
        assertThat(response.issues()).as(response.toString()).isNotEmpty().allSatisfy(issue -> assertThat(issue)
                .isNotBlank().doesNotContain("HAPI-").doesNotContainPattern("\\b(?:java|ca\\.uhn|org)\\.[a-z]+\\."));
    }

    private static CapabilityStatementRestResourceComponent resourceOf(CapabilityStatement statement, String type) {
        return statement.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError(type + " is not in the CapabilityStatement"));
    }

    // ---- what the server offers

    @Test
    void theGeneratedCapabilityStatementIsPublicValidAndListsWhatIsServed() {
        Response response = server.anonymous().get("/fhir/metadata");
        CapabilityStatement statement = resource(response, CapabilityStatement.class);

        assertThat(validation.errors(statement)).isEmpty();
        assertThat(statement.getImplementation().getUrl()).isEqualTo(base());
        assertThat(statement.getVersion()).isEqualTo(server.engine().ruleSetVersion());
        assertThat(statement.getFormat()).extracting(format -> format.getValue()).contains(FHIR_JSON, FHIR_XML);
        assertThat(statement.getRestFirstRep().getResource()).extracting(CapabilityStatementRestResourceComponent::getType)
                .contains("Questionnaire", "CodeSystem", "QuestionnaireResponse", "OperationDefinition");
        CapabilityStatementRestResourceComponent questionnaire = resourceOf(statement, "Questionnaire");
        assertThat(questionnaire.getInteraction()).extracting(i -> i.getCode().toCode())
                .contains("read", "search-type");
        assertThat(questionnaire.getSearchParam()).extracting(CapabilityStatementRestResourceSearchParamComponent::getName)
                .contains("url", "version");
        assertThat(resourceOf(statement, "QuestionnaireResponse").getOperation())
                .extracting(CapabilityStatementRestResourceOperationComponent::getName,
                        CapabilityStatementRestResourceOperationComponent::getDefinition)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("assess", Operation.ASSESS.definitionUrl()),
                        org.assertj.core.groups.Tuple.tuple("care-plan", Operation.CARE_PLAN.definitionUrl()));
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void everyDeclaredOperationIsDefinedWhereTheStatementSays() {
        for (Operation operation : Operation.values()) {
            String path = URI.create(operation.definitionUrl()).getPath();
            OperationDefinition definition = resource(integrator.get(path), OperationDefinition.class);
            assertThat(definition.getUrl()).isEqualTo(operation.definitionUrl());
            assertThat(definition.getVersion()).isEqualTo(server.engine().ruleSetVersion());
            assertThat(definition.getParameter()).extracting(p -> p.getName()).containsExactly("resource", "return");
        }
    }

    @Test
    void theIntakeQuestionnaireIsReadAndFoundByUrlAndVersion() throws IOException {
        String version = server.engine().ruleSetVersion();
        Response response = integrator.get("/fhir/Questionnaire/intake");
        sameAs(response, IntakeQuestionnaire.questionnaire(server.engine().catalogue(), version));

        IGenericClient client = client(integratorToken);
        Bundle found = client.search().forResource(Questionnaire.class)
                .where(Questionnaire.URL.matches().value(IntakeQuestionnaire.QUESTIONNAIRE_URL))
                .and(Questionnaire.VERSION.exactly().code(version)).returnBundle(Bundle.class).execute();
        assertThat(found.getEntry()).hasSize(1);
        Questionnaire form = (Questionnaire) found.getEntryFirstRep().getResource();
        assertThat(form.getUrl()).isEqualTo(IntakeQuestionnaire.QUESTIONNAIRE_URL);
        assertThat(form.getVersion()).isEqualTo(version);

        Bundle withVersionInUrl = client.search().forResource(Questionnaire.class)
                .where(Questionnaire.URL.matches().value(IntakeQuestionnaire.QUESTIONNAIRE_URL + "|" + version))
                .returnBundle(Bundle.class).execute();
        assertThat(withVersionInUrl.getEntry()).hasSize(1);
        Bundle otherVersion = client.search().forResource(Questionnaire.class)
                .where(Questionnaire.URL.matches().value(IntakeQuestionnaire.QUESTIONNAIRE_URL))
                .and(Questionnaire.VERSION.exactly().code("0.0.1")).returnBundle(Bundle.class).execute();
        assertThat(otherVersion.getEntry()).isEmpty();
    }

    @Test
    void theCodeSystemsAreReadAtTheirCanonicalPaths() throws IOException {
        String version = server.engine().ruleSetVersion();
        Map<String, CodeSystem> expected = Map.of(
                "observation-codes", IntakeQuestionnaire.codeSystem(server.engine().catalogue(), version),
                "intake-answers", IntakeQuestionnaire.answerCodeSystem(version),
                "advice", OutcomeResources.adviceCodeSystem(server.engine().catalogue(), version));
        for (Map.Entry<String, CodeSystem> entry : expected.entrySet()) {
            String path = "/fhir/CodeSystem/" + entry.getKey();
            Response response = integrator.get(path);
            assertThat(resource(response, CodeSystem.class).getUrl())
                    .isEqualTo(Fhir.BASE_URL + path.substring("/fhir".length()));
            sameAs(response, entry.getValue());
        }
    }

    // ---- the operations

    @Test
    void theGenericClientAssessesWithParametersAndGetsAValidGuidanceResponse() {
        GuidanceResponse guidance = client(integratorToken).operation().onType(QuestionnaireResponse.class)
                .named("$assess").withParameters(parameters(questionnaireResponse("045-")))
                .returnResourceType(GuidanceResponse.class).execute();

        assertThat(validation.errors(guidance)).isEmpty();
        assertThat(guidance.getSubject().getIdentifier().getValue()).isEqualTo("sc-045");
        CarePlan plan = (CarePlan) guidance.getContained().stream().filter(r -> r instanceof CarePlan).findFirst()
                .orElseThrow();
        assertThat(plan.getActivityFirstRep().getDetail().getCode().getCodingFirstRep().getCode())
                .isEqualTo("URGENT_REFERRAL");
    }

    @Test
    void theGenericClientAssessesInXml() {
        CarePlan plan = client(integratorToken).operation().onType(QuestionnaireResponse.class)
                .named("$care-plan").withParameters(parameters(questionnaireResponse("001-")))
                .returnResourceType(CarePlan.class).encodedXml().execute();

        Intake intake = ScenarioIntakes.named(server.engine(), "001-");
        assertThat(Fhir.toJson(plan)).isEqualTo(Fhir.toJson(
                OutcomeResources.carePlan(server.engine().assess(intake), intake.caseId())));
    }

    @Test
    void theBareQuestionnaireResponseIsAcceptedAsTheBodyInJsonAndXml() throws IOException {
        QuestionnaireResponse response = questionnaireResponse("001-");
        Intake intake = ScenarioIntakes.named(server.engine(), "001-");
        CarePlan expected = OutcomeResources.carePlan(server.engine().assess(intake), intake.caseId());

        Response json = integrator.post(CARE_PLAN, FHIR_JSON, Fhir.toJson(response));
        assertThat(validation.errors(resource(json, CarePlan.class))).isEmpty();
        sameAs(json, expected);
        assertThat(json.header("Cache-Control")).isEqualTo("no-store");

        Response xml = integrator.with("Accept", FHIR_XML).post(CARE_PLAN, FHIR_XML,
                Fhir.context().newXmlParser().encodeResourceToString(response));
        assertThat(xml.status()).as(xml.toString()).isEqualTo(200);
        assertThat(xml.contentType()).startsWith(FHIR_XML);
        assertThat(Fhir.toJson(Fhir.context().newXmlParser().parseResource(CarePlan.class, xml.body())))
                .isEqualTo(Fhir.toJson(expected));

        Response formatParameter = integrator.post(ASSESS + "?_format=xml", FHIR_JSON, Fhir.toJson(response));
        assertThat(formatParameter.contentType()).startsWith(FHIR_XML);
        assertThat(formatParameter.body()).startsWith("<GuidanceResponse");
    }

    @Test
    void aResponseThatDoesNotFitTheFormIsAnOutcomeNamingEachItem() {
        QuestionnaireResponse bad = questionnaireResponse("001-");
        bad.getItem().stream().flatMap(item -> item.getItem().stream())
                .filter(item -> item.getLinkId().equals("SLEEP_PROBLEMS")).findFirst().orElseThrow()
                .getAnswerFirstRep().setValue(new Coding(IntakeQuestionnaire.ANSWER_SYSTEM_URL, "7", null));
        bad.addItem().setLinkId("rulers").addItem().setLinkId("rulers.readiness").addAnswer()
                .setValue(new IntegerType(11));

        for (String path : List.of(ASSESS, CARE_PLAN)) {
            Response response = integrator.post(path, FHIR_JSON, Fhir.toJson(bad));
            assertOutcome(response, 422);
            OperationOutcome outcome = Fhir.context().newJsonParser().parseResource(OperationOutcome.class,
                    response.body());
            assertThat(validation.errors(outcome)).isEmpty();
            assertThat(outcome.getIssue()).hasSize(2);
            assertThat(outcome.getIssue().get(0).getExpression().get(0).getValue()).contains("'SLEEP_PROBLEMS'");
            assertThat(outcome.getIssue().get(0).getDiagnostics()).startsWith("SLEEP_PROBLEMS").contains("valueCoding");
            assertThat(outcome.getIssue().get(1).getExpression().get(0).getValue()).contains("'rulers.readiness'");
            assertThat(outcome.getIssue().get(1).getDiagnostics()).contains("0 to 10");
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        }

        assertThatThrownBy(() -> client(integratorToken).operation().onType(QuestionnaireResponse.class)
                .named("$assess").withParameters(parameters(bad)).returnResourceType(GuidanceResponse.class).execute())
                .isInstanceOfSatisfying(UnprocessableEntityException.class, refused -> assertThat(
                        ((OperationOutcome) refused.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
                        .startsWith("SLEEP_PROBLEMS"));
    }

    @Test
    void aBodyThatIsNoQuestionnaireResponseIsA400Outcome() {
        assertOutcome(integrator.post(ASSESS, FHIR_JSON, "{\"caseId\":\"c-1\"}"), 400);
        assertOutcome(integrator.post(ASSESS, FHIR_JSON, "{\"resourceType\":\"Patient\"}"), 400);
        assertOutcome(integrator.post(ASSESS, FHIR_JSON, "[1, 2]"), 400);
        Response xml = integrator.post(ASSESS, FHIR_XML, "<QuestionnaireResponse");
        assertThat(xml.status()).isEqualTo(400);
        assertThat(xml.contentType()).as("answered in the encoding it was asked in").startsWith(FHIR_XML);
        assertThat(xml.body()).startsWith("<OperationOutcome").contains("Failed to parse");
        Parameters wrongName = new Parameters();
        wrongName.addParameter().setName("response").setResource(questionnaireResponse("001-"));
        assertOutcome(integrator.post(ASSESS, FHIR_JSON, Fhir.toJson(wrongName)), 400);
    }

    @Test
    void textIsUtf8BothWays() throws IOException, InterruptedException {
        Response plan = integrator.post(CARE_PLAN, FHIR_JSON, Fhir.toJson(questionnaireResponse("001-")));
        assertThat(plan.contentType()).containsIgnoringCase("charset=utf-8");
        assertThat(plan.body()).contains("cliënt");

        // The refusal echoes the case id as the server read it
        String named = Fhir.toJson(questionnaireResponse("001-")).replace("\"sc-001\"", "\"cliënt één\"");
        HttpResponse<byte[]> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base()
                        + "/QuestionnaireResponse/$assess"))
                .header("Authorization", "Bearer " + integratorToken).header("Content-Type", FHIR_JSON)
                .POST(HttpRequest.BodyPublishers.ofString(named, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).containsIgnoringCase("charset=utf-8");
        JsonNode outcome = TestServer.JSON.readTree(new String(refused.body(), StandardCharsets.UTF_8));
        assertThat(outcome.path("issue").get(0).path("diagnostics").asText()).contains("cliënt één");
    }

    // ---- who may call

    @Test
    void everythingButTheCapabilityStatementNeedsCredentials() {
        String body = Fhir.toJson(questionnaireResponse("001-"));
        for (String path : List.of("/fhir/Questionnaire/intake", "/fhir/Questionnaire?url="
                + IntakeQuestionnaire.QUESTIONNAIRE_URL, "/fhir/CodeSystem/advice",
                "/fhir/OperationDefinition/" + Operation.ASSESS.definitionId())) {
            Response response = server.anonymous().get(path);
            assertOutcome(response, 401);
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
        for (String path : List.of(ASSESS, CARE_PLAN)) {
            assertOutcome(server.anonymous().post(path, FHIR_JSON, body), 401);
            assertOutcome(server.anonymous().with("Authorization", "Bearer bp_not-a-token").post(path, FHIR_JSON,
                    body), 401);
        }
        assertThatThrownBy(() -> client(null).operation().onType(QuestionnaireResponse.class).named("$assess")
                .withParameters(parameters(questionnaireResponse("001-"))).returnResourceType(GuidanceResponse.class)
                .execute()).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void everyRoleMayAssessAndABrowserOnlyWithItsCsrfToken() {
        String body = Fhir.toJson(questionnaireResponse("001-"));
        for (Caller caller : List.of(server.coach("fhir-coach"), server.caseManager("fhir-manager"),
                server.adminToken("fhir-admin"), integrator)) {
            Response response = caller.post(ASSESS, FHIR_JSON, body);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
        }
        server.createUser("fhir-browser", Role.COACH, null, TestServer.PASSWORD);
        Caller browser = server.signIn("fhir-browser", TestServer.PASSWORD);
        assertThat(browser.post(ASSESS, FHIR_JSON, body).status()).isEqualTo(200);
        assertThat(browser.without(SessionRoutes.CSRF_HEADER).get("/fhir/Questionnaire/intake").status())
                .isEqualTo(200);
        assertOutcome(browser.without(SessionRoutes.CSRF_HEADER).post(ASSESS, FHIR_JSON, body), 403);
    }

    @Test
    void anUnknownResourceOrPathIsA404Outcome() {
        assertOutcome(integrator.get("/fhir/Questionnaire/other"), 404);
        assertOutcome(integrator.get("/fhir/CodeSystem/other"), 404);
        assertOutcome(integrator.get("/fhir/OperationDefinition/other"), 404);
        assertOutcome(integrator.get("/fhir/Patient/1"), 404);
        assertOutcome(server.anonymous().get("/fhir/Patient/1"), 404);
    }

    @Test
    void anEncodingTheServerDoesNotSpeakIsRefused() {
        Response response = integrator.post(ASSESS, "text/plain", Fhir.toJson(questionnaireResponse("001-")));
        assertOutcome(response, 400);
    }
}
