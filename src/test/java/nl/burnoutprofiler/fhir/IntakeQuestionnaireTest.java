package nl.burnoutprofiler.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.burnoutprofiler.TestEngine;
import nl.burnoutprofiler.engine.FieldProblem;
import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.InvalidIntakeException;
import nl.burnoutprofiler.engine.Observation;
import nl.burnoutprofiler.engine.Observer;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.engine.Rulers;
import nl.burnoutprofiler.engine.Stage;
import nl.burnoutprofiler.engine.catalogue.Catalogue;
import nl.burnoutprofiler.engine.catalogue.ObservationCode;

/**
 * The intake form as a FHIR Questionnaire with its code systems, all valid for the HAPI FHIR validator, and the way
 * from an intake to a QuestionnaireResponse and back, which loses nothing.
 */
class IntakeQuestionnaireTest {

    private static ProfilerEngine engine;
    private static Catalogue catalogue;
    private static FhirValidation validation;

    @BeforeAll
    static void load() {
        engine = TestEngine.get();
        catalogue = engine.catalogue();
        validation = FhirValidation.get();
    }

    /** A full intake: another observer, notes on a present and an absent observation, some rulers, free notes. */
    private static Intake fullIntake() {
        return new Intake("c-fhir.1", LocalDate.parse("2026-11-20"), Observer.CLIENT, List.of(
                new Observation("SLEEP_PROBLEMS", 3, true, "slaapt al weken slecht"),
                new Observation("SOCIAL_UNSAFETY", 2, false, "team voelt veilig"),
                Observation.present("AMBIVALENCE", 1)),
                new Rulers(7, 0, null), "vrije tekst, nooit gelezen door regels");
    }

    /** The intake as the form gives it back: observations in catalogue (form) order. */
    private static Intake inFormOrder(Intake intake) {
        List<String> order = catalogue.codes().stream().map(ObservationCode::code).toList();
        List<Observation> sorted = new ArrayList<>(intake.observations());
        sorted.sort(Comparator.comparingInt(o -> order.indexOf(o.code())));
        return new Intake(intake.caseId(), intake.date(), intake.observer(), sorted, intake.rulers(), intake.notes(),
                intake.previousStage());
    }

    private static String english(Element element) {
        return element.getExtensionByUrl(Fhir.TRANSLATION_EXTENSION).getExtensionString("content");
    }

    private static QuestionnaireResponseItemComponent item(QuestionnaireResponse response, String linkId) {
        List<QuestionnaireResponseItemComponent> all = new ArrayList<>();
        response.getItem().forEach(item -> {
            all.add(item);
            all.addAll(item.getItem());
        });
        return all.stream().filter(i -> i.getLinkId().equals(linkId)).findFirst().orElseThrow();
    }

    private static List<String> problemFields(Runnable reading) {
        try {
            reading.run();
        } catch (InvalidIntakeException e) {
            return e.problems().stream().map(FieldProblem::field).toList();
        }
        throw new AssertionError("no InvalidIntakeException");
    }

    // ---- the form and its code systems

    @Test
    void theQuestionnaireIsValidFhir() {
        Questionnaire form = IntakeQuestionnaire.questionnaire(catalogue, engine.ruleSetVersion());
        assertThat(validation.errors(form)).isEmpty();
        assertThat(validation.warnings(form)).isEmpty();
        assertThat(form.getUrl()).isEqualTo(IntakeQuestionnaire.QUESTIONNAIRE_URL);
        assertThat(form.getVersion()).isEqualTo(engine.ruleSetVersion());
    }

    @Test
    void theQuestionnaireOffersEveryCodeInItsGroupCodedWithTheCodeSystemInDutchAndEnglish() {
        Questionnaire form = IntakeQuestionnaire.questionnaire(catalogue, engine.ruleSetVersion());
        assertThat(form.getItem()).extracting(QuestionnaireItemComponent::getLinkId)
                .startsWith("caseId", "date", "observer").endsWith("rulers", "notes");
        for (ObservationCode code : catalogue.codes()) {
            QuestionnaireItemComponent group = form.getItem().stream()
                    .filter(g -> g.getLinkId().equals("group." + code.group())).findFirst().orElseThrow();
            QuestionnaireItemComponent item = group.getItem().stream()
                    .filter(i -> i.getLinkId().equals(code.code())).findFirst().orElseThrow();
            assertThat(item.getType()).isEqualTo(Questionnaire.QuestionnaireItemType.CHOICE);
            assertThat(item.getCodeFirstRep().getSystem()).isEqualTo(IntakeQuestionnaire.CODE_SYSTEM_URL);
            assertThat(item.getCodeFirstRep().getCode()).isEqualTo(code.code());
            assertThat(item.getText()).isEqualTo(code.nl());
            assertThat(english(item.getTextElement())).isEqualTo(code.en());
            assertThat(item.getAnswerOption()).extracting(option -> option.getValueCoding().getCode())
                    .containsExactly("not-assessed", "absent", "1", "2", "3");
            assertThat(group.getItem()).extracting(QuestionnaireItemComponent::getLinkId)
                    .contains(code.code() + ".note");
        }
        QuestionnaireItemComponent rulers = form.getItem().stream().filter(i -> i.getLinkId().equals("rulers"))
                .findFirst().orElseThrow();
        assertThat(rulers.getItem()).extracting(QuestionnaireItemComponent::getLinkId)
                .containsExactly("rulers.importance", "rulers.confidence", "rulers.readiness");
        assertThat(rulers.getItem()).allSatisfy(ruler ->
                assertThat(ruler.getType()).isEqualTo(Questionnaire.QuestionnaireItemType.INTEGER));
    }

    @Test
    void theCodeSystemsAreValidFhir() {
        String version = engine.ruleSetVersion();
        for (CodeSystem system : List.of(IntakeQuestionnaire.codeSystem(catalogue, version),
                IntakeQuestionnaire.answerCodeSystem(version), OutcomeResources.adviceCodeSystem(catalogue, version))) {
            assertThat(validation.errors(system)).as(system.getUrl()).isEmpty();
            assertThat(validation.warnings(system)).as(system.getUrl()).isEmpty();
            assertThat(system.getVersion()).isEqualTo(version);
            assertThat(system.getCount()).isEqualTo(system.getConcept().size()).isPositive();
        }
    }

    @Test
    void theObservationCodeSystemDescribesEveryCodeInDutchWithEnglishBesideIt() {
        CodeSystem system = IntakeQuestionnaire.codeSystem(catalogue, engine.ruleSetVersion());
        assertThat(system.getUrl()).isEqualTo(IntakeQuestionnaire.CODE_SYSTEM_URL);
        assertThat(system.getConcept()).extracting(CodeSystem.ConceptDefinitionComponent::getCode)
                .containsExactlyElementsOf(catalogue.codeIds());
        for (ObservationCode code : catalogue.codes()) {
            CodeSystem.ConceptDefinitionComponent concept = system.getConcept().stream()
                    .filter(c -> c.getCode().equals(code.code())).findFirst().orElseThrow();
            assertThat(concept.getDisplay()).isEqualTo(code.nl());
            assertThat(concept.getDesignationFirstRep().getLanguage()).isEqualTo("en");
            assertThat(concept.getDesignationFirstRep().getValue()).isEqualTo(code.en());
            assertThat(concept.getDefinition()).isEqualTo(code.explanationNl());
            assertThat(english(concept.getDefinitionElement())).isEqualTo(code.explanationEn());
        }
    }

    // ---- intake to QuestionnaireResponse and back

    /** Every code of the catalogue answered (absent, 1, 2, 3 in turn, with a note on every third), every ruler. */
    private static Intake everyItemAnswered() {
        List<Observation> observations = new ArrayList<>();
        List<ObservationCode> codes = catalogue.codes();
        for (int i = 0; i < codes.size(); i++) {
            boolean present = i % 4 != 0;
            observations.add(new Observation(codes.get(i).code(), present ? i % 4 : Observation.DEFAULT_INTENSITY,
                    present, i % 3 == 0 ? "notitie bij " + codes.get(i).nl() : null));
        }
        return new Intake("c-every-item", LocalDate.parse("2026-11-21"), Observer.PHYSICIAN, observations,
                new Rulers(0, 5, 10), "alles ingevuld", Stage.MAINTENANCE);
    }

    @Test
    void everyScenarioIntakeSurvivesTheWayThroughAQuestionnaireResponse() {
        Map<String, Intake> intakes = ScenarioIntakes.all(engine);
        assertThat(intakes).hasSizeGreaterThanOrEqualTo(60);
        intakes.put("full intake", fullIntake());
        intakes.put("every item answered", everyItemAnswered());
        intakes.forEach((name, intake) -> {
            QuestionnaireResponse response = IntakeQuestionnaire.toQuestionnaireResponse(intake, catalogue);
            Intake back = IntakeQuestionnaire.toIntake(response, catalogue);
            assertThat(back).as(name).isEqualTo(inFormOrder(intake));
            assertThat(IntakeQuestionnaire.toIntake(response)).as(name + " without a catalogue").isEqualTo(back);
            assertThat(IntakeQuestionnaire.parseIntake(Fhir.toJson(response), catalogue)).as(name + " as JSON")
                    .isEqualTo(back);
            assertThat(engine.assess(back)).as(name + ": the same outcome").isEqualTo(engine.assess(intake));
        });
    }

    /**
     * The validator holds each answer against the Questionnaire. One response answering every item covers every
     * item; the empty intake and two scenarios cover the groups and rulers left out.
     */
    @Test
    void theQuestionnaireResponsesAreValidFhirAnsweringTheForm() {
        Map<String, Intake> intakes = new LinkedHashMap<>();
        intakes.put("every item answered", everyItemAnswered());
        intakes.put("full intake", fullIntake());
        for (String scenario : List.of("001-", "022-", "045-")) {
            intakes.put(scenario, ScenarioIntakes.named(engine, scenario));
        }
        intakes.forEach((name, intake) -> {
            QuestionnaireResponse response = IntakeQuestionnaire.toQuestionnaireResponse(intake, catalogue);
            assertThat(validation.errors(response)).as(name).isEmpty();
            assertThat(validation.warnings(response)).as(name).isEmpty();
        });
    }

    @Test
    void theResponseRecordsEachObservationAsItsAnswerWithTheNoteBesideIt() {
        QuestionnaireResponse response = IntakeQuestionnaire.toQuestionnaireResponse(fullIntake(), catalogue);
        assertThat(response.getQuestionnaire()).isEqualTo(IntakeQuestionnaire.QUESTIONNAIRE_URL);
        assertThat(item(response, "SLEEP_PROBLEMS").getAnswerFirstRep().getValueCoding().getCode()).isEqualTo("3");
        assertThat(item(response, "SLEEP_PROBLEMS.note").getAnswerFirstRep().getValueStringType().getValue())
                .isEqualTo("slaapt al weken slecht");
        assertThat(item(response, "SOCIAL_UNSAFETY").getAnswerFirstRep().getValueCoding().getCode())
                .isEqualTo("absent");
        assertThat(item(response, "observer").getAnswerFirstRep().getValueCoding().getCode()).isEqualTo("CLIENT");
        assertThat(item(response, "rulers.confidence").getAnswerFirstRep().getValueIntegerType().getValue())
                .isZero();
        assertThat(response.getItem()).extracting(QuestionnaireResponseItemComponent::getLinkId)
                .doesNotContain("group.SAFETY").contains("group.CONTEXT", "group.BODY_ENERGY");
    }

    @Test
    void notAssessedAndMissingItemsRecordNothingAndTheObserverDefaultsToCoach() {
        QuestionnaireResponse response = new QuestionnaireResponse()
                .setQuestionnaire(IntakeQuestionnaire.QUESTIONNAIRE_URL)
                .setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
        response.addItem().setLinkId("caseId").addAnswer().setValue(new StringType("c-short"));
        QuestionnaireResponseItemComponent group = response.addItem().setLinkId("group.BODY_ENERGY");
        group.addItem().setLinkId("SLEEP_PROBLEMS").addAnswer()
                .setValue(new Coding(IntakeQuestionnaire.ANSWER_SYSTEM_URL, "not-assessed", null));
        group.addItem().setLinkId("EXHAUSTION").addAnswer()
                .setValue(new Coding(IntakeQuestionnaire.ANSWER_SYSTEM_URL, "2", null));

        assertThat(validation.errors(response)).isEmpty();
        assertThat(IntakeQuestionnaire.toIntake(response, catalogue)).isEqualTo(new Intake("c-short", null,
                Observer.COACH, List.of(Observation.present("EXHAUSTION", 2)), Rulers.NONE, null));
    }

    // ---- bad responses

    @Test
    void aBadAnswerAnUnknownCodeAndARulerOutOfRangeAreRefusedNamingEachItem() {
        QuestionnaireResponse response = IntakeQuestionnaire.toQuestionnaireResponse(fullIntake(), catalogue);
        item(response, "SLEEP_PROBLEMS").getAnswerFirstRep()
                .setValue(new Coding(IntakeQuestionnaire.ANSWER_SYSTEM_URL, "7", null));
        item(response, "group.BODY_ENERGY").addItem().setLinkId("NOT_A_CODE").addAnswer()
                .setValue(new Coding(IntakeQuestionnaire.ANSWER_SYSTEM_URL, "2", null));
        item(response, "rulers.importance").getAnswerFirstRep().setValue(new IntegerType(11));

        assertThatThrownBy(() -> IntakeQuestionnaire.toIntake(response, catalogue))
                .isInstanceOfSatisfying(InvalidIntakeException.class, e -> assertThat(e.problems()).containsExactly(
                        new FieldProblem("SLEEP_PROBLEMS", "7", "must be a valueCoding of "
                                + IntakeQuestionnaire.ANSWER_SYSTEM_URL
                                + " with code not-assessed, absent, 1 (slight), 2 (clear) or 3 (strong)"),
                        new FieldProblem("NOT_A_CODE", null, "is not a code of the catalogue"),
                        new FieldProblem("rulers.importance", "11",
                                "must be a whole number from 0 to 10 (valueInteger)")));
        assertThat(validation.errors(response)).as("the validator agrees").hasSizeGreaterThanOrEqualTo(3)
                .anySatisfy(error -> assertThat(error).contains("NOT_A_CODE"))
                .anySatisfy(error -> assertThat(error).contains("11"));
    }

    @Test
    void withoutACatalogueAnUnknownCodeIsLeftToTheEngineWhichNamesIt() {
        QuestionnaireResponse response = IntakeQuestionnaire.toQuestionnaireResponse(fullIntake(), catalogue);
        item(response, "group.BODY_ENERGY").addItem().setLinkId("NOT_A_CODE").addAnswer()
                .setValue(new Coding(IntakeQuestionnaire.ANSWER_SYSTEM_URL, "2", null));
        Intake intake = IntakeQuestionnaire.toIntake(response);
        assertThatThrownBy(() -> engine.assess(intake)).isInstanceOfSatisfying(InvalidIntakeException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::value).containsExactly("NOT_A_CODE"));
    }

    @Test
    void otherWrongAnswersAreRefusedNamingTheirItems() {
        QuestionnaireResponse response = new QuestionnaireResponse().setQuestionnaire("https://example.org/other")
                .setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.addItem().setLinkId("caseId").addAnswer().setValue(new StringType("Anna de Vries"));
        response.addItem().setLinkId("observer").addAnswer()
                .setValue(new Coding(IntakeQuestionnaire.ANSWER_SYSTEM_URL, "NEIGHBOUR", null));
        QuestionnaireResponseItemComponent group = response.addItem().setLinkId("group.BODY_ENERGY");
        group.addItem().setLinkId("SLEEP_PROBLEMS").addAnswer().setValue(new IntegerType(2));
        group.addItem().setLinkId("EXHAUSTION").addAnswer()
                .setValue(new Coding(IntakeQuestionnaire.ANSWER_SYSTEM_URL, "not-assessed", null));
        group.addItem().setLinkId("EXHAUSTION.note").addAnswer().setValue(new StringType("moe"));
        group.addItem().setLinkId("EXHAUSTION").addAnswer()
                .setValue(new Coding(IntakeQuestionnaire.ANSWER_SYSTEM_URL, "3", null));
        response.addItem().setLinkId("rulers").addItem().setLinkId("rulers.readiness").addAnswer()
                .setValue(new StringType("high"));

        assertThat(problemFields(() -> IntakeQuestionnaire.toIntake(response, catalogue))).containsExactlyInAnyOrder(
                "questionnaire", "caseId", "observer", "SLEEP_PROBLEMS", "EXHAUSTION", "EXHAUSTION.note",
                "rulers.readiness");
        assertThat(problemFields(() -> IntakeQuestionnaire.toIntake(new QuestionnaireResponse()
                .setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED))))
                .as("a response without a case id").containsExactly("caseId");
    }

    @Test
    void textThatIsNotAQuestionnaireResponseIsRefusedNamingTheWhole() {
        assertThat(problemFields(() -> IntakeQuestionnaire.parseIntake("{\"resourceType\":"))).containsExactly("$");
        assertThat(problemFields(() -> IntakeQuestionnaire.parseIntake("[]"))).containsExactly("$");
        assertThat(problemFields(() -> IntakeQuestionnaire.parseIntake("{\"resourceType\":\"Patient\"}")))
                .containsExactly("$");
        assertThat(problemFields(() -> IntakeQuestionnaire.parseIntake(
                "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"someday\"}", catalogue)))
                .containsExactly("$");
    }

    @Test
    void anIntakeTheEngineWouldRefuseHasNoQuestionnaireResponse() {
        Intake unknown = Intake.of("c-1", List.of(Observation.present("NOT_A_CODE", 2)), Rulers.NONE);
        assertThatThrownBy(() -> IntakeQuestionnaire.toQuestionnaireResponse(unknown, catalogue))
                .isInstanceOf(InvalidIntakeException.class).hasMessageContaining("NOT_A_CODE");
    }
}
