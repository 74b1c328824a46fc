package nl.burnoutprofiler.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityComponent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.burnoutprofiler.TestEngine;
import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.Outcome;
import nl.burnoutprofiler.engine.Outcome.Recommendation;
import nl.burnoutprofiler.engine.PresentationType;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.engine.SafetyStatus;
import nl.burnoutprofiler.engine.Stage;

/**
 * An outcome as a GuidanceResponse and as a CarePlan: valid for the HAPI FHIR validator for every scenario, the
 * recommendations in order with Dutch and English, and type, stage, safety and rule-set version readable.
 */
class OutcomeResourcesTest {

    private static ProfilerEngine engine;
    private static FhirValidation validation;
    private static Map<String, Intake> scenarios;

    @BeforeAll
    static void load() {
        engine = TestEngine.get();
        validation = FhirValidation.get();
        scenarios = ScenarioIntakes.all(engine);
    }

    private static Outcome outcome(String scenario) {
        return engine.assess(ScenarioIntakes.named(engine, scenario));
    }

    private static List<String> activityCodes(CarePlan plan) {
        return plan.getActivity().stream().map(a -> a.getDetail().getCode().getCodingFirstRep().getCode()).toList();
    }

    private static String english(StringType text) {
        return text.getExtensionByUrl(Fhir.TRANSLATION_EXTENSION).getExtensionString("content");
    }

    private static List<String> values(Parameters parameters, String name) {
        return parameters.getParameter().stream().filter(p -> p.getName().equals(name))
                .map(p -> p.getValue() instanceof Coding coding ? coding.getCode() : p.getValue().primitiveValue())
                .toList();
    }

    /**
     * What decides the shape of the resources: safety, an undetermined type or stage, secondary types, stage
     * conflicts, steps that wait for a referral, next questions.
     */
    private static List<Object> shape(Outcome outcome) {
        return List.of(outcome.safety().status(),
                outcome.presentation().primary() == PresentationType.UNDETERMINED,
                outcome.stage().stage() == Stage.UNDETERMINED,
                outcome.presentation().secondary().isEmpty(), outcome.stage().conflicts().isEmpty(),
                outcome.recommendations().stream().anyMatch(Recommendation::waitsForReferral),
                outcome.questions().isEmpty());
    }

    /**
     * The GuidanceResponse (with its contained CarePlan) and the CarePlan of one scenario of every outcome shape are
     * valid; validating all scenarios would add a minute and no new element.
     */
    @Test
    void theResourcesOfEveryShapeOfOutcomeAreValidFhir() {
        Map<List<Object>, String> shapes = new LinkedHashMap<>();
        scenarios.forEach((name, intake) -> shapes.putIfAbsent(shape(engine.assess(intake)), name));
        assertThat(shapes.keySet()).extracting(shape -> shape.get(0))
                .contains(SafetyStatus.CLEAR, SafetyStatus.REFER, SafetyStatus.URGENT);
        shapes.values().forEach(name -> {
            Intake intake = scenarios.get(name);
            Outcome outcome = engine.assess(intake);
            GuidanceResponse guidance = OutcomeResources.guidanceResponse(outcome, intake.caseId());
            CarePlan plan = OutcomeResources.carePlan(outcome, intake.caseId());
            assertThat(validation.errors(guidance)).as(name).isEmpty();
            assertThat(validation.warnings(guidance)).as(name).isEmpty();
            assertThat(validation.errors(plan)).as(name).isEmpty();
            assertThat(validation.warnings(plan)).as(name).isEmpty();
        });
    }

    @Test
    void theGuidanceResponseCarriesTypeStageSafetyAndTheRuleSetVersion() {
        Outcome outcome = outcome("001-");
        GuidanceResponse guidance = OutcomeResources.guidanceResponse(outcome, "sc-001");

        assertThat(guidance.getStatus()).isEqualTo(GuidanceResponse.GuidanceResponseStatus.SUCCESS);
        assertThat(guidance.getModuleUriType().getValue()).isEqualTo(Fhir.RULE_SET_URI + engine.ruleSetVersion());
        assertThat(guidance.getSubject().getIdentifier().getValue()).isEqualTo("sc-001");
        assertThat(guidance.getSubject().getIdentifier().getSystem()).isEqualTo(Fhir.CASE_ID_SYSTEM);
        assertThat(guidance.getReasonCode()).extracting(c -> c.getCodingFirstRep().getCode())
                .contains("SLEEP_PROBLEMS", "AMBIVALENCE");

        Parameters outputs = (Parameters) guidance.getContained().stream()
                .filter(r -> r.getIdElement().getIdPart().equals("outputs")).findFirst().orElseThrow();
        assertThat(guidance.getOutputParameters().getReference()).isEqualTo("#outputs");
        assertThat(values(outputs, "presentationType")).containsExactly("PHYSIOLOGICAL");
        assertThat(values(outputs, "stage")).containsExactly("CONTEMPLATION");
        assertThat(values(outputs, "safety")).containsExactly("CLEAR");
        assertThat(values(outputs, "ruleSetVersion")).containsExactly(engine.ruleSetVersion());
        assertThat(values(outputs, "avoid")).containsExactlyElementsOf(
                outcome.avoid().stream().map(Outcome.Avoidance::id).toList());

        assertThat(guidance.getNote()).hasSameSizeAs(outcome.avoid()).allSatisfy(note -> {
            assertThat(note.getText()).startsWith("Vermijd nu: ");
            assertThat(note.getTextElement().getExtensionByUrl(Fhir.TRANSLATION_EXTENSION)
                    .getExtensionString("content")).startsWith("Avoid now: ");
        });
    }

    @Test
    void theGuidanceResponseResultIsTheCarePlanWithTheRecommendationsInOrder() {
        Outcome outcome = outcome("001-");
        GuidanceResponse guidance = OutcomeResources.guidanceResponse(outcome, "sc-001");
        assertThat(guidance.getResult().getReference()).isEqualTo("#plan");
        CarePlan contained = (CarePlan) guidance.getContained().stream()
                .filter(r -> r.getIdElement().getIdPart().equals("plan")).findFirst().orElseThrow();
        assertThat(activityCodes(contained)).containsExactlyElementsOf(
                outcome.recommendations().stream().map(Recommendation::id).toList());
    }

    @Test
    void anUndeterminedTypeAsksForMoreData() {
        Outcome outcome = outcome("013-");
        assertThat(outcome.presentation().primary()).isEqualTo(PresentationType.UNDETERMINED);
        GuidanceResponse guidance = OutcomeResources.guidanceResponse(outcome, "sc-013");
        assertThat(guidance.getStatus()).isEqualTo(GuidanceResponse.GuidanceResponseStatus.DATAREQUESTED);
        assertThat(guidance.getDataRequirementFirstRep().getType()).isEqualTo("QuestionnaireResponse");
        Parameters outputs = (Parameters) guidance.getContained().get(0);
        assertThat(values(outputs, "presentationType")).containsExactly("UNDETERMINED");
        assertThat(outputs.getParameter()).filteredOn(p -> p.getName().equals("nextQuestion"))
                .hasSameSizeAs(outcome.questions()).isNotEmpty();
    }

    @Test
    void theCarePlanIsADraftProposalOfTheRecommendationsInOrderInDutchAndEnglish() {
        Outcome outcome = outcome("001-");
        CarePlan plan = OutcomeResources.carePlan(outcome, "sc-001");

        assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.DRAFT);
        assertThat(plan.getIntent()).isEqualTo(CarePlan.CarePlanIntent.PROPOSAL);
        assertThat(plan.getInstantiatesUri()).extracting(u -> u.getValue())
                .containsExactly(Fhir.RULE_SET_URI + engine.ruleSetVersion());
        assertThat(activityCodes(plan)).containsExactlyElementsOf(
                outcome.recommendations().stream().map(Recommendation::id).toList());
        for (int i = 0; i < outcome.recommendations().size(); i++) {
            Recommendation recommendation = outcome.recommendations().get(i);
            CarePlan.CarePlanActivityDetailComponent detail = plan.getActivity().get(i).getDetail();
            assertThat(detail.getCode().getCodingFirstRep().getSystem()).isEqualTo(OutcomeResources.ADVICE_SYSTEM_URL);
            assertThat(detail.getCode().getText()).isEqualTo(recommendation.title());
            assertThat(english(detail.getCode().getTextElement())).isEqualTo(recommendation.titleEn());
            assertThat(detail.getDescription()).isEqualTo(recommendation.rationale());
            assertThat(english(detail.getDescriptionElement())).isEqualTo(recommendation.rationaleEn());
            assertThat(detail.getStatus()).isEqualTo(CarePlan.CarePlanActivityStatus.NOTSTARTED);
        }
        assertThat(plan.getNote()).hasSameSizeAs(outcome.avoid());
    }

    @Test
    void anUrgentReferralComesFirstAndIsDueTodayTheOtherStepsWaitForIt() {
        Outcome outcome = outcome("045-");
        assertThat(outcome.safety().status()).isEqualTo(SafetyStatus.URGENT);
        CarePlan plan = OutcomeResources.carePlan(outcome, "sc-045");

        CarePlanActivityComponent first = plan.getActivityFirstRep();
        assertThat(first.getDetail().getCode().getCodingFirstRep().getCode()).isEqualTo("URGENT_REFERRAL");
        assertThat(first.getDetail().getScheduledStringType().getValue()).isEqualTo("vandaag nog");
        assertThat(english(first.getDetail().getScheduledStringType())).isEqualTo("today");
        for (int i = 1; i < plan.getActivity().size(); i++) {
            if (outcome.recommendations().get(i).waitsForReferral()) {
                assertThat(plan.getActivity().get(i).getDetail().getScheduledStringType().getValue())
                        .isEqualTo("pas na de verwijzing");
            }
        }
        Parameters outputs = (Parameters) OutcomeResources.guidanceResponse(outcome, "sc-045").getContained().get(0);
        assertThat(values(outputs, "safety")).containsExactly("URGENT");
        assertThat(outputs.getParameter()).filteredOn(p -> p.getName().equals("safetyFlag")).isNotEmpty();
    }
}
