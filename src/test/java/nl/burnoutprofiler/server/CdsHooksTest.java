package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.burnoutprofiler.engine.IntakeValidator;
import nl.burnoutprofiler.fhir.Fhir;
import nl.burnoutprofiler.fhir.IntakeQuestionnaire;
import nl.burnoutprofiler.json.IntakeJson;
import nl.burnoutprofiler.server.TestServer.Caller;
import nl.burnoutprofiler.server.TestServer.Response;

/**
 * The CDS Hooks service (contract section 5): discovery, cards for a hook call with the intake in context or
 * prefetch, and feedback that a case manager reads with the case. Every answer is held against the spec
 * ({@link CdsHooksSpec}) and against the OpenAPI document.
 */
class CdsHooksTest {

    private static final String PUBLIC_URL = "https://coach.example.org";

    @TempDir
    static Path data;

    private static TestServer server;
    private static Caller ehr;
    private static Caller anna;
    private static Caller maria;
    private static SchemaCheck openApi;
    private static JsonNode document;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start(TestServer.settings(data).withPublicUrl(PUBLIC_URL));
        ehr = server.integratorToken("ehr");
        maria = server.caseManager("maria");
        anna = server.coach("anna", "maria");
        document = TestServer.JSON.readTree(OpenApi.document());
        openApi = new SchemaCheck(document);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- requests

    private static ObjectNode hookRequest() {
        ObjectNode request = TestServer.JSON.createObjectNode();
        request.put("hook", "patient-view").put("hookInstance", UUID.randomUUID().toString())
                .put("fhirServer", "https://ehr.example.org/fhir");
        request.putObject("context").put("userId", "Practitioner/coach-1").put("patientId", "p-1");
        return request;
    }

    /** A patient-view hook call with the intake JSON in its context, as the other CDS tests send it too. */
    static ObjectNode withIntake(String intakeJson) {
        ObjectNode request = hookRequest();
        ((ObjectNode) request.get("context")).set("intake", tree(intakeJson));
        return request;
    }

    private static JsonNode tree(String json) {
        try {
            return TestServer.JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Calls the service and checks the answer against the spec and the OpenAPI document; returns the cards. */
    private static List<JsonNode> cards(JsonNode request) {
        Response response = ehr.post(CdsHooksRoutes.SERVICE, request.toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertFitsOpenApi(response, "#/components/schemas/CdsHookResponse");
        return CdsHooksSpec.assertCardsResponse(response.json());
    }

    private static void assertFitsOpenApi(Response response, String schema) {
        assertThat(openApi.problems(openApi.resolve(schema), response.json())).as(response.toString()).isEmpty();
    }

    private static List<String> uuids(List<JsonNode> cards) {
        return cards.stream().map(card -> card.path("uuid").asText()).toList();
    }

    private static List<String> topics(List<JsonNode> cards) {
        return cards.stream().map(card -> card.path("source").path("topic").path("code").asText()).toList();
    }

    private static String scenarioIntake(String file) throws IOException {
        return TestServer.JSON.readTree(Files.readString(Path.of("src/test/resources/scenarios", file)))
                .get("intake").toString();
    }

    /** The intake as the EHR of the hook's patient ({@code p-1}) keeps it: a completed QuestionnaireResponse. */
    private static String questionnaireResponse(String intakeJson) {
        IntakeJson reader = new IntakeJson(new IntakeValidator(server.engine().catalogue()), Clock.systemUTC());
        QuestionnaireResponse response = IntakeQuestionnaire.toQuestionnaireResponse(reader.read(intakeJson),
                server.engine().catalogue());
        response.setSubject(new Reference("Patient/p-1"));
        return Fhir.toJson(response);
    }

    /** A hook call with the QuestionnaireResponse {@code response} in its prefetch. */
    private static ObjectNode prefetching(JsonNode response) {
        ObjectNode request = hookRequest();
        request.putObject("prefetch").set(CdsHooksRoutes.PREFETCH_KEY, response);
        return request;
    }

    /** Calls the service with a request whose intake is not to be assessed; returns the reason given. */
    private static JsonNode notAssessed(JsonNode request) {
        Response response = ehr.post(CdsHooksRoutes.SERVICE, request.toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertFitsOpenApi(response, "#/components/schemas/CdsHookResponse");
        assertThat(CdsHooksSpec.assertCardsResponse(response.json())).as(response.toString()).isEmpty();
        JsonNode why = response.json().path("extension").path(CdsCards.NOT_ASSESSED_EXTENSION);
        assertThat(why.path("reason").asText()).as(response.toString()).isNotBlank();
        return why;
    }

    private static String caseOfCards(List<JsonNode> cards) {
        assertThat(cards).isNotEmpty();
        return server.database().cdsFeedback().card(cards.get(0).path("uuid").asText()).orElseThrow().caseId();
    }

    // ---- discovery

    @Test
    void discoveryDescribesTheServiceWithTheFieldsTheSpecRequires() {
        Response response = server.anonymous().get(CdsHooksRoutes.DISCOVERY);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertFitsOpenApi(response, "#/components/schemas/CdsDiscovery");
        List<JsonNode> services = CdsHooksSpec.assertDiscoveryResponse(response.json());
        assertThat(services).singleElement().satisfies(service -> {
            assertThat(service.path("hook").asText()).isEqualTo("patient-view");
            assertThat(service.path("id").asText()).isEqualTo("burnout-profiler-intake");
            assertThat(service.path("title").asText()).contains("Burnout-profiler");
            assertThat(service.path("description").asText()).contains("veiligheid", "safety");
            assertThat(service.path("prefetch").path(CdsHooksRoutes.PREFETCH_KEY).asText())
                    .startsWith("QuestionnaireResponse?subject=Patient/{{context.patientId}}")
                    .contains(IntakeQuestionnaire.QUESTIONNAIRE_URL, "_count=1");
        });
    }

    // ---- cards

    @Test
    void anIntakeInContextGivesCardsWithEverythingTheSpecAsks() {
        List<JsonNode> cards = cards(withIntake(TestIntake.example()));

        assertThat(cards).hasSizeBetween(2, 1 + CdsCards.MAX_COACHING_CARDS);
        assertThat(cards).allSatisfy(card -> assertThat(card.path("indicator").asText()).isEqualTo("info"));
        assertThat(topics(cards)).startsWith("REGULATION_BEFORE_INSIGHT", "MOTIVATIONAL_INTERVIEWING");
        JsonNode first = cards.get(0);
        assertThat(first.path("summary").asText()).isEqualTo("Eerst regulatie, dan inzicht (beeld fysiologisch)");
        assertThat(cards.get(1).path("summary").asText()).isEqualTo("Motiverende gespreksvoering");
        assertThat(first.path("detail").asText()).contains("**Waarom** — ", "*Why* — ",
                "**Werkwijze / Techniques**", "**Vermijd nu / Avoid now**", "Meteen aan inzicht werken",
                "Insight work first", "Fase / Stage: CONTEMPLATION", "**Waarom eerst** — ",
                "**Zeg tegen de cliënt / Say to the client** — ");
        assertThat(first.path("source").path("label").asText())
                .isEqualTo("burnout-profiler " + server.engine().ruleSetVersion());
        assertThat(first.path("source").path("topic").path("system").asText()).isEqualTo(CdsCards.TOPIC_SYSTEM);
        assertThat(first.path("links").get(0).path("url").asText())
                .isEqualTo(PUBLIC_URL + "/intake.html?case=c-0042");
        assertThat(first.path("suggestions").get(0).path("uuid").asText())
                .isEqualTo(CdsCards.suggestionUuid(first.path("uuid").asText()));
        assertThat(first.path("overrideReasons").findValuesAsText("code")).contains("coach-judgement");
    }

    @Test
    void anUrgentIntakeGivesACriticalReferralCardFirst() {
        List<JsonNode> cards = cards(withIntake(TestIntake.forCase("c-urgent").observed("SUICIDAL_IDEATION", 3)
                .observed("SLEEP_PROBLEMS", 3).observed("AMBIVALENCE", 2).json()));

        JsonNode referral = cards.get(0);
        assertThat(referral.path("indicator").asText()).isEqualTo("critical");
        assertThat(referral.path("source").path("topic").path("code").asText()).isEqualTo("URGENT_REFERRAL");
        assertThat(referral.path("summary").asText()).startsWith("Vandaag nog doorverwijzen: ");
        assertThat(referral.path("detail").asText()).contains("**Signalen / Signs**", "Suïcidale gedachten")
                .doesNotContain("Vermijd nu");
        assertThat(cards.subList(1, cards.size())).isNotEmpty().allSatisfy(card -> {
            assertThat(card.path("indicator").asText()).isEqualTo("info");
            assertThat(card.path("summary").asText()).startsWith("Na de verwijzing: ");
        });
    }

    @Test
    void aReferIntakeGivesAWarningReferralCardFirst() throws IOException {
        List<JsonNode> cards = cards(withIntake(scenarioIntake("056-red-flag-fatigue-without-medical-check.json")));
        assertThat(cards.get(0).path("indicator").asText()).isEqualTo("warning");
        assertThat(topics(cards).get(0)).isEqualTo("REFER_GP");
    }

    @Test
    void urgentAndReferFlagsTogetherGiveACriticalThenAWarningCard() throws IOException {
        List<JsonNode> cards = cards(withIntake(scenarioIntake("057-red-flags-combined-urgent-wins.json")));
        assertThat(topics(cards)).startsWith("URGENT_REFERRAL", "REFER_GP");
        assertThat(cards.stream().map(card -> card.path("indicator").asText()).limit(2))
                .containsExactly("critical", "warning");
    }

    @Test
    void everyScenarioGivesCardsWithinTheSpecAndTheFirstCardCarriesTheSafetyStatus() throws IOException {
        List<Path> scenarios;
        try (var files = Files.list(Path.of("src/test/resources/scenarios"))) {
            scenarios = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(scenarios).hasSizeGreaterThan(50);
        for (Path scenario : scenarios) {
            JsonNode json = TestServer.JSON.readTree(Files.readString(scenario));
            List<JsonNode> cards = cards(withIntake(json.get("intake").toString()));
            String safety = json.path("expect").path("safety").asText("CLEAR");
            String expected = switch (safety) {
                case "URGENT" -> "critical";
                case "REFER" -> "warning";
                default -> "info";
            };
            assertThat(cards).as(scenario.toString()).isNotEmpty();
            assertThat(cards.get(0).path("indicator").asText()).as(scenario.toString()).isEqualTo(expected);
        }
    }

    @Test
    void theSameIntakeGivesTheSameCardsAndAnotherIntakeOthers() {
        List<String> first = uuids(cards(withIntake(TestIntake.example())));
        List<String> again = uuids(cards(withIntake(TestIntake.example())));
        List<String> other = uuids(cards(withIntake(TestIntake.example().replace("c-0042", "c-0043"))));
        assertThat(again).isEqualTo(first);
        assertThat(other).doesNotContainAnyElementsOf(first);
        assertThat(server.database().cdsFeedback().card(first.get(0))).hasValueSatisfying(card -> {
            assertThat(card.caseId()).isEqualTo("c-0042");
            assertThat(card.recommendationId()).isEqualTo("REGULATION_BEFORE_INSIGHT");
            assertThat(card.issuedTo()).isEqualTo("token-ehr");
        });
    }

    @Test
    void aStoredCaseIsLinkedToItsCasePage() {
        String intake = TestIntake.withoutCaseId().on("2026-11-06").observed("SLEEP_PROBLEMS", 3).json();
        assertThat(anna.post("/api/v1/cases/c-linked/intakes", intake).status()).isEqualTo(201);
        List<JsonNode> cards = cards(withIntake(TestIntake.forCase("c-linked").on("2026-11-06")
                .observed("SLEEP_PROBLEMS", 3).json()));
        assertThat(cards.get(0).path("links").get(0).path("url").asText())
                .isEqualTo(PUBLIC_URL + "/case.html?id=c-linked");
    }

    // ---- where the intake comes from

    @Test
    void aQuestionnaireResponseInContextOrPrefetchGivesTheSameCardsAsTheIntakeJson() {
        String intake = TestIntake.forCase("c-fhir").on("2026-11-20").observed("AMBIVALENCE", 2)
                .observed("SLEEP_PROBLEMS", 3).checkedAbsent("SUICIDAL_IDEATION").rulers(7, 3, 5).json();
        List<String> fromJson = uuids(cards(withIntake(intake)));
        JsonNode response = tree(questionnaireResponse(intake));

        ObjectNode inContext = hookRequest();
        ((ObjectNode) inContext.get("context")).set("questionnaireResponse", response);
        assertThat(uuids(cards(inContext))).isEqualTo(fromJson);

        ObjectNode prefetched = hookRequest();
        prefetched.putObject("prefetch").set(CdsHooksRoutes.PREFETCH_KEY, response);
        assertThat(uuids(cards(prefetched))).isEqualTo(fromJson);

        ObjectNode searched = hookRequest();
        ObjectNode bundle = searched.putObject("prefetch").putObject(CdsHooksRoutes.PREFETCH_KEY);
        bundle.put("resourceType", "Bundle").put("type", "searchset").put("total", 1);
        bundle.putArray("entry").addObject().set("resource", response);
        assertThat(uuids(cards(searched))).isEqualTo(fromJson);
    }

    @Test
    void aDraftQuestionnaireResponseIsNotAssessedAndTheAnswerSaysWhy() {
        ObjectNode draft = (ObjectNode) tree(questionnaireResponse(TestIntake.example()));
        draft.put("status", "in-progress");

        ObjectNode inContext = hookRequest();
        ((ObjectNode) inContext.get("context")).set("questionnaireResponse", draft);
        JsonNode why = notAssessed(inContext);
        assertThat(why.path("field").asText()).isEqualTo("context.questionnaireResponse.status");
        assertThat(why.path("reason").asText()).contains("in-progress", "completed");

        assertThat(notAssessed(prefetching(draft)).path("field").asText()).isEqualTo("prefetch.intake.status");
        draft.put("status", "entered-in-error");
        assertThat(notAssessed(prefetching(draft)).path("reason").asText()).contains("entered-in-error");
    }

    @Test
    void aQuestionnaireResponseAboutAnotherPatientGivesNoCards() {
        ObjectNode someoneElse = (ObjectNode) tree(questionnaireResponse(TestIntake.example()));
        someoneElse.putObject("subject").put("reference", "Patient/p-2");
        JsonNode why = notAssessed(prefetching(someoneElse));
        assertThat(why.path("field").asText()).isEqualTo("prefetch.intake.subject");
        assertThat(why.path("reason").asText()).contains("another patient");

        someoneElse.remove("subject");
        assertThat(notAssessed(prefetching(someoneElse)).path("reason").asText()).contains("is required");

        // The same patient written as an absolute reference is the hook's patient.
        someoneElse.putObject("subject").put("reference", "https://ehr.example.org/fhir/Patient/p-1");
        assertThat(cards(prefetching(someoneElse))).isNotEmpty();
    }

    @Test
    void aSearchResultIsReadForTheFirstCompletedIntakeOfThePatient() {
        String intake = TestIntake.forCase("c-search").on("2026-11-20").observed("SLEEP_PROBLEMS", 3)
                .checkedAbsent("SUICIDAL_IDEATION").json();
        ObjectNode draft = (ObjectNode) tree(questionnaireResponse(TestIntake.example()));
        draft.put("status", "in-progress");
        ObjectNode request = hookRequest();
        ObjectNode bundle = request.putObject("prefetch").putObject(CdsHooksRoutes.PREFETCH_KEY);
        bundle.put("resourceType", "Bundle").put("type", "searchset");
        bundle.putArray("entry").add(TestServer.JSON.createObjectNode().set("resource", draft))
                .add(TestServer.JSON.createObjectNode().set("resource", tree(questionnaireResponse(intake))));
        assertThat(uuids(cards(request))).isEqualTo(uuids(cards(withIntake(intake))));

        ((ArrayNode) bundle.get("entry")).remove(1);
        assertThat(notAssessed(request).path("field").asText()).isEqualTo("prefetch.intake.entry[0].resource.status");
    }

    @Test
    void aQuestionnaireResponseNeedsThePatientOfTheHook() {
        ObjectNode request = prefetching(tree(questionnaireResponse(TestIntake.example())));
        ((ObjectNode) request.get("context")).remove("patientId");
        Response response = ehr.post(CdsHooksRoutes.SERVICE, request.toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("context.patientId");
    }

    @Test
    void anIntakeFilledInOnTheEhrSideIsAssessedUnderAPseudonymOfPatientAndClient() {
        ObjectNode withoutCase = (ObjectNode) tree(questionnaireResponse(TestIntake.forCase("c-ehr")
                .observed("SLEEP_PROBLEMS", 3).checkedAbsent("SUICIDAL_IDEATION").json()));
        ArrayNode items = (ArrayNode) withoutCase.get("item");
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i).path("linkId").asText().equals("caseId")) {
                items.remove(i);
            }
        }
        String pseudonym = caseOfCards(cards(prefetching(withoutCase)));
        assertThat(pseudonym).matches("pt-[0-9a-f]{32}").doesNotContain("p-1");
        assertThat(caseOfCards(cards(prefetching(withoutCase)))).as("the same patient and client").isEqualTo(pseudonym);

        ObjectNode otherPatient = prefetching(withoutCase.deepCopy());
        ((ObjectNode) otherPatient.get("context")).put("patientId", "p-2");
        ((ObjectNode) otherPatient.get("prefetch").get(CdsHooksRoutes.PREFETCH_KEY)).putObject("subject")
                .put("reference", "Patient/p-2");
        assertThat(caseOfCards(cards(otherPatient))).startsWith("pt-").isNotEqualTo(pseudonym);

        Response otherClient = server.integratorToken("other-ehr").post(CdsHooksRoutes.SERVICE,
                prefetching(withoutCase).toString());
        assertThat(otherClient.status()).as(otherClient.toString()).isEqualTo(200);
        assertThat(caseOfCards(CdsHooksSpec.assertCardsResponse(otherClient.json()))).startsWith("pt-")
                .isNotEqualTo(pseudonym);
    }

    @Test
    void aPrefetchThatFoundNoIntakeGivesNoCards() {
        ObjectNode none = hookRequest();
        none.putObject("prefetch").putNull(CdsHooksRoutes.PREFETCH_KEY);
        assertThat(notAssessed(none).path("field").asText()).isEqualTo("prefetch.intake");

        ObjectNode emptySearch = hookRequest();
        emptySearch.putObject("prefetch").putObject(CdsHooksRoutes.PREFETCH_KEY).put("resourceType", "Bundle")
                .put("type", "searchset").put("total", 0);
        assertThat(notAssessed(emptySearch).path("reason").asText()).contains("no completed intake");
    }

    @Test
    void aRequestWithoutAnyIntakeIs412() {
        Response response = ehr.post(CdsHooksRoutes.SERVICE, hookRequest().toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(412);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).containsExactly("context.intake");
    }

    // ---- bad requests

    @Test
    void aBadIntakeIsA400ProblemNamingEachFieldWithinTheRequest() {
        Response response = ehr.post(CdsHooksRoutes.SERVICE, withIntake(TestIntake.forCase("c-bad")
                .observed("SLEEP_PROBLEMS", 7).observed("NOT_A_CODE", 2).json()).toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).contains("context.intake.observations[0].intensity",
                "context.intake.observations[1].code");

        ObjectNode notAnObject = hookRequest();
        ((ObjectNode) notAnObject.get("context")).put("intake", "SLEEP_PROBLEMS");
        assertThat(ehr.post(CdsHooksRoutes.SERVICE, notAnObject.toString()).errorFields())
                .containsExactly("context.intake");

        ObjectNode badResponse = hookRequest();
        ((ObjectNode) badResponse.get("context")).putObject("questionnaireResponse")
                .put("resourceType", "Patient");
        Response fhir = ehr.post(CdsHooksRoutes.SERVICE, badResponse.toString());
        assertThat(fhir.status()).as(fhir.toString()).isEqualTo(400);
        assertThat(fhir.errorFields()).containsExactly("context.questionnaireResponse");
    }

    @Test
    void aRequestMissingWhatTheSpecRequiresIsA400() {
        ObjectNode noInstance = withIntake(TestIntake.example());
        noInstance.remove("hookInstance");
        assertThat(ehr.post(CdsHooksRoutes.SERVICE, noInstance.toString()).errorFields())
                .containsExactly("hookInstance");

        ObjectNode noContext = hookRequest();
        noContext.remove("context");
        assertThat(ehr.post(CdsHooksRoutes.SERVICE, noContext.toString()).errorFields()).containsExactly("context");

        ObjectNode tokenWithoutServer = withIntake(TestIntake.example());
        tokenWithoutServer.remove("fhirServer");
        tokenWithoutServer.putObject("fhirAuthorization").put("access_token", "t").put("token_type", "Bearer");
        assertThat(ehr.post(CdsHooksRoutes.SERVICE, tokenWithoutServer.toString()).errorFields())
                .containsExactly("fhirServer");

        Response notJson = ehr.post(CdsHooksRoutes.SERVICE, "{");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.errorFields()).containsExactly("$");
    }

    // ---- feedback

    private static Response feedback(String json) {
        return ehr.post(CdsHooksRoutes.FEEDBACK, json);
    }

    @Test
    void acceptedAndOverriddenFeedbackIsStoredOnceAndShownWithTheCaseToItsCaseManager() {
        String intake = TestIntake.withoutCaseId().on("2026-11-13").observed("SLEEP_PROBLEMS", 3)
                .observed("AMBIVALENCE", 2).json();
        assertThat(anna.post("/api/v1/cases/c-feedback/intakes", intake).status()).isEqualTo(201);
        List<JsonNode> cards = cards(withIntake(TestIntake.forCase("c-feedback").on("2026-11-13")
                .observed("SLEEP_PROBLEMS", 3).observed("AMBIVALENCE", 2).json()));
        String accepted = cards.get(0).path("uuid").asText();
        String suggestion = cards.get(0).path("suggestions").get(0).path("uuid").asText();
        String overridden = cards.get(1).path("uuid").asText();
        String body = "{\"feedback\":["
                + "{\"card\":\"" + accepted + "\",\"outcome\":\"accepted\",\"acceptedSuggestions\":[{\"id\":\""
                + suggestion + "\"}],\"outcomeTimestamp\":\"2026-11-13T10:05:31Z\"},"
                + "{\"card\":\"" + overridden + "\",\"outcome\":\"overridden\",\"overrideReason\":{\"reason\":"
                + "{\"system\":\"" + CdsCards.OVERRIDE_REASON_SYSTEM + "\",\"code\":\"not-now\"},"
                + "\"userComment\":\"Eerst slaap op orde.\"},\"outcomeTimestamp\":\"2026-11-13T10:06:00.25Z\"}]}";

        Response stored = feedback(body);
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        assertThat(stored.body()).isEmpty();
        assertThat(feedback(body).status()).as("sent again").isEqualTo(200);

        Response caseView = maria.get("/api/v1/cases/c-feedback");
        assertThat(caseView.status()).as(caseView.toString()).isEqualTo(200);
        assertFitsOpenApi(caseView, "#/components/schemas/Case");
        JsonNode shown = caseView.json().path("cdsFeedback");
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0).path("card").asText()).isEqualTo(accepted);
        assertThat(shown.get(0).path("outcome").asText()).isEqualTo("accepted");
        assertThat(shown.get(0).path("recommendation").asText()).isEqualTo(topics(cards).get(0));
        assertThat(shown.get(0).path("acceptedSuggestions").get(0).asText()).isEqualTo(suggestion);
        assertThat(shown.get(0).path("from").asText()).isEqualTo("token-ehr");
        assertThat(shown.get(0).path("outcomeTimestamp").asText()).isEqualTo("2026-11-13T10:05:31Z");
        assertThat(shown.get(1).path("outcome").asText()).isEqualTo("overridden");
        assertThat(shown.get(1).path("overrideReason").path("reason").path("code").asText()).isEqualTo("not-now");
        assertThat(shown.get(1).path("overrideReason").path("reason").path("display").asText())
                .as("display filled in from the card's override reasons").startsWith("Past nu niet");
        assertThat(shown.get(1).path("overrideReason").path("userComment").asText()).isEqualTo("Eerst slaap op orde.");
        assertThat(anna.get("/api/v1/cases/c-feedback").json().path("cdsFeedback")).hasSize(2);
        assertThat(server.database().audit().forCase("c-feedback")).extracting(entry -> entry.action())
                .contains(CdsHooksRoutes.AUDIT_CARDS, CdsHooksRoutes.AUDIT_FEEDBACK);
    }

    @Test
    void aCaseWithoutFeedbackShowsAnEmptyList() {
        String intake = TestIntake.withoutCaseId().on("2026-11-06").observed("EXHAUSTION", 2).json();
        assertThat(anna.post("/api/v1/cases/c-quiet/intakes", intake).status()).isEqualTo(201);
        assertThat(maria.get("/api/v1/cases/c-quiet").json().path("cdsFeedback").isArray()).isTrue();
    }

    @Test
    void badFeedbackIsA400NamingEachItemAndNothingIsStored() {
        List<JsonNode> cards = cards(withIntake(TestIntake.forCase("c-bad-feedback").observed("EXHAUSTION", 3)
                .json()));
        String card = cards.get(0).path("uuid").asText();
        String body = "{\"feedback\":["
                + "{\"card\":\"" + card + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-13T10:00:00Z\"},"
                + "{\"card\":\"" + UUID.randomUUID() + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-13T10:00:00Z\"},"
                + "{\"card\":\"" + card + "\",\"outcome\":\"accepted\",\"outcomeTimestamp\":\"2026-11-13T10:00:00Z\"},"
                + "{\"card\":\"" + card + "\",\"outcome\":\"accepted\",\"acceptedSuggestions\":[{\"id\":\"x\"}],"
                + "\"outcomeTimestamp\":\"2026-11-13T10:00:00Z\"},"
                + "{\"card\":\"" + card + "\",\"outcome\":\"ignored\",\"outcomeTimestamp\":\"yesterday\"},"
                + "{\"card\":\"" + card + "\",\"outcome\":\"overridden\",\"overrideReason\":{\"reason\":{\"code\":\"x\"}},"
                + "\"outcomeTimestamp\":\"2026-11-13T10:00:00Z\"}]}";
        Response response = feedback(body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("feedback[1].card", "feedback[2].acceptedSuggestions",
                "feedback[3].acceptedSuggestions[0].id", "feedback[4].outcome", "feedback[4].outcomeTimestamp",
                "feedback[5].overrideReason.reason.system");
        assertThat(server.database().cdsFeedback().forCase("c-bad-feedback")).isEmpty();

        assertThat(feedback("{\"feedback\":[]}").errorFields()).containsExactly("feedback");
        assertThat(feedback("{}").errorFields()).containsExactly("feedback");
    }
}
