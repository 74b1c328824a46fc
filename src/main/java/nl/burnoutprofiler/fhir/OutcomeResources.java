package nl.burnoutprofiler.fhir;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DataRequirement;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;

import nl.burnoutprofiler.engine.Outcome;
import nl.burnoutprofiler.engine.Outcome.Avoidance;
import nl.burnoutprofiler.engine.Outcome.Flag;
import nl.burnoutprofiler.engine.Outcome.Recommendation;
import nl.burnoutprofiler.engine.PresentationType;
import nl.burnoutprofiler.engine.SafetyStatus;
import nl.burnoutprofiler.engine.Stage;
import nl.burnoutprofiler.engine.catalogue.AvoidText;
import nl.burnoutprofiler.engine.catalogue.Catalogue;
import nl.burnoutprofiler.engine.catalogue.QuestionText;
import nl.burnoutprofiler.engine.catalogue.RecommendationText;

/**
 * An outcome as FHIR R4 resources: a GuidanceResponse (the result of running the rule set as a decision-support
 * module) or a CarePlan (the proposal a care record can hold), and the code system of the identifiers they use.
 */
public final class OutcomeResources {

    /** Recommendations, things to avoid and next questions, by their contract identifiers. */
    public static final String ADVICE_SYSTEM_URL = Fhir.BASE_URL + "/CodeSystem/advice";

    private OutcomeResources() {
    }

    /**
     * The outcome as the response of a decision-support module (the rule set, named by {@code moduleUri} with its
     * version). Status {@code success}, or {@code data-requested} when the type or stage is undetermined: the
     * guidance stands, and the next questions would complete it.
     *
     * <ul>
     *   <li>{@code outputParameters}: a contained Parameters with ruleSetVersion, safety (and each flag),
     *       presentationType, secondaryType, confidence, typeScore, stage, stageConflict, avoid and nextQuestion;</li>
     *   <li>{@code result}: a contained CarePlan, as {@link #carePlan} gives it: the recommendations in order as its
     *       activities. (Not a RequestGroup: R4 requires each of its actions to point at a resource, and a
     *       recommendation to a coach is not one.)</li>
     *   <li>{@code reasonCode}: the observation codes the outcome rests on (red flags, then the evidence for the
     *       type and the stage);</li>
     *   <li>{@code note}: what to avoid now, and why.</li>
     * </ul>
     */
    public static GuidanceResponse guidanceResponse(Outcome outcome, String caseId) {
        GuidanceResponse response = new GuidanceResponse();
        response.setLanguage(Fhir.LANGUAGE);
        response.setModule(new UriType(Fhir.RULE_SET_URI + outcome.ruleSetVersion()));
        boolean determined = outcome.presentation().primary() != PresentationType.UNDETERMINED
                && outcome.stage().stage() != Stage.UNDETERMINED;
        response.setStatus(determined ? GuidanceResponse.GuidanceResponseStatus.SUCCESS
                : GuidanceResponse.GuidanceResponseStatus.DATAREQUESTED);
        if (!determined) {
            response.addDataRequirement(new DataRequirement().setType("QuestionnaireResponse"));
        }
        response.setSubject(Fhir.caseReference(caseId));
        reasonCodes(outcome).forEach(code -> response.addReasonCode(
                new CodeableConcept(new Coding(IntakeQuestionnaire.CODE_SYSTEM_URL, code, null))));
        outcome.avoid().forEach(avoid -> response.addNote(avoidNote(avoid)));

        Parameters outputs = outputs(outcome);
        outputs.setId("outputs");
        response.addContained(outputs);
        response.setOutputParameters(new Reference("#outputs"));
        CarePlan plan = carePlan(outcome, caseId);
        plan.setText(null); // a contained resource is shown through its container
        plan.setId("plan");
        response.addContained(plan);
        response.setResult(new Reference("#plan"));
        response.setText(Fhir.narrative(summary(outcome), recommendationLines(outcome)));
        return response;
    }

    /**
     * The outcome as a proposed care plan: status draft, intent proposal, the activities the recommendations in
     * order (coded with {@link #ADVICE_SYSTEM_URL}, rationale as description, and as {@code scheduledString} when a
     * red flag decides the timing: a referral today or as soon as possible, other steps only after it), what to
     * avoid as notes, and the rule set in {@code instantiatesUri}.
     */
    public static CarePlan carePlan(Outcome outcome, String caseId) {
        CarePlan plan = new CarePlan();
        plan.setLanguage(Fhir.LANGUAGE);
        plan.setStatus(CarePlan.CarePlanStatus.DRAFT);
        plan.setIntent(CarePlan.CarePlanIntent.PROPOSAL);
        plan.addInstantiatesUri(Fhir.RULE_SET_URI + outcome.ruleSetVersion());
        plan.setTitleElement(Fhir.dutch("Voorstel voor de coaching", "Coaching proposal"));
        plan.setDescriptionElement(Fhir.dutch(summary(outcome), summaryEn(outcome)));
        plan.setSubject(Fhir.caseReference(caseId));
        for (Recommendation recommendation : outcome.recommendations()) {
            CarePlan.CarePlanActivityDetailComponent detail = plan.addActivity().getDetail();
            detail.setCode(adviceConcept(recommendation.id(), recommendation.title(), recommendation.titleEn()));
            detail.setStatus(CarePlan.CarePlanActivityStatus.NOTSTARTED);
            detail.setDescriptionElement(Fhir.dutch(recommendation.rationale(), recommendation.rationaleEn()));
            when(outcome, recommendation).ifPresent(detail::setScheduled);
        }
        outcome.avoid().forEach(avoid -> plan.addNote(avoidNote(avoid)));
        plan.setText(Fhir.narrative(summary(outcome), recommendationLines(outcome)));
        return plan;
    }

    /** The code system of recommendations, avoid entries and next questions of this catalogue. */
    public static CodeSystem adviceCodeSystem(Catalogue catalogue, String ruleSetVersion) {
        CodeSystem system = IntakeQuestionnaire.codeSystemHeader("advice", ADVICE_SYSTEM_URL, ruleSetVersion,
                "BurnoutProfilerAdvice", "Adviezen van burnout-profiler", "burnout-profiler advice",
                "Aanbevelingen, wat nu te vermijden, en vragen om nog te stellen, met hun onderbouwing.",
                "Recommendations, what to avoid now, and questions still to ask, with their rationale.");
        system.addProperty().setCode("kind").setType(CodeSystem.PropertyType.CODE)
                .setDescription("recommendation | avoid | question");
        for (RecommendationText text : catalogue.recommendations()) {
            adviceConcept(system, text.id(), "recommendation", text.nl(), text.en(), text.rationaleNl(),
                    text.rationaleEn());
        }
        for (AvoidText text : catalogue.avoids()) {
            adviceConcept(system, text.id(), "avoid", text.nl(), text.en(), text.reasonNl(), text.reasonEn());
        }
        for (QuestionText text : catalogue.questions()) {
            adviceConcept(system, text.id(), "question", text.nl(), text.en(), text.purposeNl(), text.purposeEn());
        }
        return IntakeQuestionnaire.finish(system);
    }

    private static void adviceConcept(CodeSystem system, String id, String kind, String nl, String en,
                                      String definitionNl, String definitionEn) {
        CodeSystem.ConceptDefinitionComponent concept = system.addConcept().setCode(id).setDisplay(nl);
        if (definitionNl != null && !definitionNl.isBlank()) {
            concept.setDefinitionElement(Fhir.dutch(definitionNl, definitionEn));
        }
        concept.addDesignation().setLanguage("en").setValue(en);
        concept.addProperty().setCode("kind").setValue(new CodeType(kind));
    }

    private static CodeableConcept adviceConcept(String id, String nl, String en) {
        CodeableConcept concept = new CodeableConcept(new Coding(ADVICE_SYSTEM_URL, id, nl));
        concept.setTextElement(Fhir.dutch(nl, en));
        return concept;
    }

    private static Annotation avoidNote(Avoidance avoid) {
        return new Annotation().setTextElement(Fhir.dutchMarkdown(
                "Vermijd nu: " + avoid.title() + ". " + avoid.reason(),
                "Avoid now: " + avoid.titleEn() + ". " + avoid.reasonEn()));
    }

    /** Red-flag codes, then the evidence of the primary type, then that of the stage; observation codes only. */
    private static Set<String> reasonCodes(Outcome outcome) {
        Set<String> codes = new LinkedHashSet<>();
        outcome.safety().flags().forEach(flag -> codes.add(flag.code()));
        codes.addAll(outcome.presentation().evidence().getOrDefault(outcome.presentation().primary(), List.of()));
        codes.addAll(outcome.stage().evidence());
        // stage evidence may name a ruler ("rulers.readiness"), which is not an observation code
        codes.removeIf(code -> !isObservationCode(code));
        return codes;
    }

    /** Evidence names observation codes, and rulers by their field ("rulers.readiness"). */
    private static boolean isObservationCode(String evidence) {
        return evidence.matches("[A-Z][A-Z0-9_]*");
    }

    private static Parameters outputs(Outcome outcome) {
        Parameters outputs = new Parameters();
        outputs.addParameter().setName("ruleSetVersion").setValue(new StringType(outcome.ruleSetVersion()));
        outputs.addParameter().setName("safety").setValue(new CodeType(outcome.safety().status().name()));
        for (Flag flag : outcome.safety().flags()) {
            ParametersParameterComponent parameter = outputs.addParameter().setName("safetyFlag");
            parameter.addPart().setName("code")
                    .setValue(new Coding(IntakeQuestionnaire.CODE_SYSTEM_URL, flag.code(), null));
            parameter.addPart().setName("status").setValue(new CodeType(flag.status().name()));
            if (flag.referral() != null) {
                parameter.addPart().setName("referral").setValue(new Coding(ADVICE_SYSTEM_URL, flag.referral(), null));
            }
        }
        Outcome.Presentation presentation = outcome.presentation();
        outputs.addParameter().setName("presentationType").setValue(new CodeType(presentation.primary().name()));
        presentation.secondary().forEach(type ->
                outputs.addParameter().setName("secondaryType").setValue(new CodeType(type.name())));
        if (presentation.confidence() != null) {
            outputs.addParameter().setName("confidence").setValue(new CodeType(presentation.confidence().name()));
        }
        for (Map.Entry<PresentationType, Double> score : presentation.scores().entrySet()) {
            ParametersParameterComponent parameter = outputs.addParameter().setName("typeScore");
            parameter.addPart().setName("type").setValue(new CodeType(score.getKey().name()));
            parameter.addPart().setName("score").setValue(new DecimalType(score.getValue()));
        }
        outputs.addParameter().setName("stage").setValue(new CodeType(outcome.stage().stage().name()));
        for (Outcome.Conflict conflict : outcome.stage().conflicts()) {
            ParametersParameterComponent parameter = outputs.addParameter().setName("stageConflict");
            parameter.addPart().setName("description").setValue(Fhir.dutch(conflict.description(),
                    conflict.descriptionEn()));
            for (String code : conflict.codes()) {
                if (isObservationCode(code)) {
                    parameter.addPart().setName("code")
                            .setValue(new Coding(IntakeQuestionnaire.CODE_SYSTEM_URL, code, null));
                } else {
                    parameter.addPart().setName("item").setValue(new StringType(code)); // a ruler's linkId
                }
            }
        }
        outcome.avoid().forEach(avoid -> outputs.addParameter().setName("avoid")
                .setValue(new Coding(ADVICE_SYSTEM_URL, avoid.id(), avoid.title())));
        for (Outcome.Question question : outcome.questions()) {
            ParametersParameterComponent parameter = outputs.addParameter().setName("nextQuestion");
            parameter.addPart().setName("id").setValue(new Coding(ADVICE_SYSTEM_URL, question.id(), null));
            parameter.addPart().setName("question").setValue(Fhir.dutch(question.question(), question.questionEn()));
            if (question.purpose() != null) {
                parameter.addPart().setName("purpose").setValue(Fhir.dutch(question.purpose(), question.purposeEn()));
            }
        }
        return outputs;
    }

    /** When a step is due, if a red flag decides it: a referral today or soon, other steps after the referral. */
    private static Optional<StringType> when(Outcome outcome, Recommendation recommendation) {
        boolean urgent = false;
        boolean refer = false;
        for (Flag flag : outcome.safety().flags()) {
            if (recommendation.id().equals(flag.referral())) {
                urgent |= flag.status() == SafetyStatus.URGENT;
                refer |= flag.status() == SafetyStatus.REFER;
            }
        }
        if (urgent) {
            return Optional.of(Fhir.dutch("vandaag nog", "today"));
        }
        if (refer) {
            return Optional.of(Fhir.dutch("zo snel mogelijk, vóór verdere coaching",
                    "as soon as possible, before further coaching"));
        }
        return recommendation.waitsForReferral()
                ? Optional.of(Fhir.dutch("pas na de verwijzing", "only after the referral")) : Optional.empty();
    }

    private static String summary(Outcome outcome) {
        return "Beeld " + outcome.presentation().primary() + ", fase " + outcome.stage().stage()
                + ", veiligheid " + outcome.safety().status() + " (regelset " + outcome.ruleSetVersion() + ")";
    }

    private static String summaryEn(Outcome outcome) {
        return "Presentation " + outcome.presentation().primary() + ", stage " + outcome.stage().stage()
                + ", safety " + outcome.safety().status() + " (rule set " + outcome.ruleSetVersion() + ")";
    }

    private static List<String> recommendationLines(Outcome outcome) {
        List<String> lines = new ArrayList<>();
        outcome.recommendations().forEach(r -> lines.add(r.title() + " / " + r.titleEn()));
        outcome.avoid().forEach(a -> lines.add("Vermijd nu / avoid now: " + a.title() + " / " + a.titleEn()));
        return lines;
    }
}
