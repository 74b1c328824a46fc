package nl.burnoutprofiler.fhir;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.EnableWhenBehavior;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemOperator;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;

import com.fasterxml.jackson.databind.JsonNode;

import ca.uhn.fhir.parser.DataFormatException;

import nl.burnoutprofiler.engine.FieldProblem;
import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.IntakeValidator;
import nl.burnoutprofiler.engine.InvalidIntakeException;
import nl.burnoutprofiler.engine.Observation;
import nl.burnoutprofiler.engine.Rulers;
import nl.burnoutprofiler.engine.catalogue.Catalogue;
import nl.burnoutprofiler.engine.catalogue.CodeGroup;
import nl.burnoutprofiler.engine.catalogue.ObservationCode;
import nl.burnoutprofiler.json.JsonInput;

/**
 * The intake form as a FHIR R4 Questionnaire, the code systems its items use, and the conversion of a
 * QuestionnaireResponse to an intake and back.
 *
 * <p>Every item's {@code linkId} is the name an error reports: {@code caseId}, {@code date}, {@code observer},
 * one choice item per observation code (linkId = the code, e.g. {@code SLEEP_PROBLEMS}) with an optional note
 * ({@code SLEEP_PROBLEMS.note}) and, when someone other than the intake's observer saw it, its own observer
 * ({@code SLEEP_PROBLEMS.observer}) inside a group per catalogue group ({@code group.BODY_ENERGY}), the rulers
 * ({@code rulers.importance}, {@code rulers.confidence}, {@code rulers.readiness}), {@code notes} and
 * {@code previousStage}.
 */
public final class IntakeQuestionnaire {

    public static final String QUESTIONNAIRE_URL = Fhir.BASE_URL + "/Questionnaire/intake";
    public static final String CODE_SYSTEM_URL = Fhir.BASE_URL + "/CodeSystem/observation-codes";
    /** The answers of the choice items: not-assessed, absent, 1, 2, 3, and the observers. */
    public static final String ANSWER_SYSTEM_URL = Fhir.BASE_URL + "/CodeSystem/intake-answers";

    static final String CASE_ID = "caseId";
    static final String DATE = "date";
    static final String OBSERVER = "observer";
    static final String PREVIOUS_STAGE = "previousStage";
    static final String RULERS = "rulers";
    static final String NOTES = "notes";
    static final String GROUP_PREFIX = "group.";
    static final String NOTE_SUFFIX = ".note";
    static final String OBSERVER_SUFFIX = ".observer";
    /** The problems that name an element of the response itself rather than an item's linkId. */
    private static final Set<String> ELEMENTS = Set.of("questionnaire", "status", "item");
    /** The ruler items, in form order, with their Dutch and English questions. */
    static final List<Ruler> RULER_ITEMS = List.of(
            new Ruler("rulers.importance", "Belang: hoe belangrijk is het voor je om iets te veranderen? (0-10)",
                    "Importance: how important is it to you to change something? (0-10)"),
            new Ruler("rulers.confidence", "Vertrouwen: hoe zeker ben je dat het je lukt? (0-10)",
                    "Confidence: how sure are you that you will manage? (0-10)"),
            new Ruler("rulers.readiness", "Bereidheid: hoe klaar ben je om nu te beginnen? (0-10)",
                    "Readiness: how ready are you to start now? (0-10)"));

    record Ruler(String linkId, String nl, String en) {
    }

    private static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    private static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
    private static final String REGEX = "http://hl7.org/fhir/StructureDefinition/regex";
    private static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

    private IntakeQuestionnaire() {
    }

    /**
     * The intake form: caseId, date, observer, one group per catalogue group with per code a choice item
     * (not-assessed, absent, 1, 2, 3; coded with {@link #CODE_SYSTEM_URL}) and an optional note, the three rulers
     * (integer 0-10) and free notes. Texts are Dutch with the English in a translation extension; the version is
     * the rule-set version, because the codes offered belong to it.
     */
    public static Questionnaire questionnaire(Catalogue catalogue, String ruleSetVersion) {
        Questionnaire form = new Questionnaire();
        form.setId("intake");
        form.setLanguage(Fhir.LANGUAGE);
        form.setUrl(QUESTIONNAIRE_URL);
        form.setVersion(ruleSetVersion);
        form.setName("BurnoutProfilerIntake");
        form.setTitleElement(Fhir.dutch("Intake burnout-profiler", "burnout-profiler intake"));
        form.setStatus(PublicationStatus.ACTIVE);
        form.addSubjectType("Patient");
        form.setPublisher("burnout-profiler");
        form.setDescriptionElement(Fhir.dutchMarkdown(
                "Wat een coach in één gesprek waarnam bij één cliënt. Per waarneming: niet nagevraagd, nagevraagd "
                        + "maar niet aanwezig, of aanwezig in mate 1 (licht), 2 (duidelijk) of 3 (sterk).",
                "What a coach observed about one client in one meeting. Per observation: not assessed, checked but "
                        + "not present, or present to degree 1 (slight), 2 (clear) or 3 (strong)."));
        form.setText(Fhir.narrative("Intake burnout-profiler (" + ruleSetVersion + ")",
                catalogue.groups().stream().map(g -> g.nl() + " / " + g.en()).toList()));

        QuestionnaireItemComponent caseId = item(CASE_ID, QuestionnaireItemType.STRING,
                "Casusnummer (een pseudoniem, nooit een naam)", "Case id (a pseudonym, never a name)");
        caseId.setRequired(true);
        caseId.setMaxLength(64);
        caseId.addExtension(REGEX, new StringType(IntakeValidator.CASE_ID.pattern()));
        form.addItem(caseId);
        form.addItem(item(DATE, QuestionnaireItemType.DATE, "Datum van het gesprek", "Date of the meeting"));
        QuestionnaireItemComponent observer = item(OBSERVER, QuestionnaireItemType.CHOICE,
                "Wie nam het waar?", "Who observed it?");
        for (IntakeAnswer answer : IntakeAnswer.OBSERVERS) {
            observer.addAnswerOption().setValue(answer.coding()).setInitialSelected(answer == IntakeAnswer.COACH);
        }
        form.addItem(observer);
        QuestionnaireItemComponent previousStage = item(PREVIOUS_STAGE, QuestionnaireItemType.CHOICE,
                "Fase van verandering bij het vorige gesprek (leeg bij een eerste gesprek)",
                "Stage of change at the previous meeting (empty at a first meeting)");
        for (IntakeAnswer answer : IntakeAnswer.STAGES) {
            previousStage.addAnswerOption().setValue(answer.coding());
        }
        form.addItem(previousStage);

        Map<String, List<ObservationCode>> codesByGroup = catalogue.codes().stream()
                .collect(Collectors.groupingBy(ObservationCode::group));
        for (CodeGroup group : catalogue.groups()) {
            List<ObservationCode> codes = codesByGroup.getOrDefault(group.id(), List.of());
            if (codes.isEmpty()) {
                continue; // a FHIR group must hold items
            }
            QuestionnaireItemComponent groupItem = item(GROUP_PREFIX + group.id(), QuestionnaireItemType.GROUP,
                    group.nl(), group.en());
            for (ObservationCode code : codes) {
                groupItem.addItem(observationItem(code));
                groupItem.addItem(noteItem(code));
                groupItem.addItem(observerItem(code));
            }
            form.addItem(groupItem);
        }

        QuestionnaireItemComponent rulers = item(RULERS, QuestionnaireItemType.GROUP,
                "Linialen (motiverende gespreksvoering)", "Rulers (motivational interviewing)");
        for (Ruler ruler : RULER_ITEMS) {
            QuestionnaireItemComponent item = item(ruler.linkId(), QuestionnaireItemType.INTEGER, ruler.nl(),
                    ruler.en());
            item.addExtension(MIN_VALUE, new IntegerType(IntakeValidator.MIN_RULER));
            item.addExtension(MAX_VALUE, new IntegerType(IntakeValidator.MAX_RULER));
            rulers.addItem(item);
        }
        form.addItem(rulers);
        form.addItem(item(NOTES, QuestionnaireItemType.TEXT, "Notities (worden bewaard, nooit door regels gelezen)",
                "Notes (stored, never read by rules)"));
        return form;
    }

    private static QuestionnaireItemComponent item(String linkId, QuestionnaireItemType type, String nl, String en) {
        QuestionnaireItemComponent item = new QuestionnaireItemComponent();
        item.setLinkId(linkId);
        item.setType(type);
        item.setTextElement(Fhir.dutch(nl, en));
        return item;
    }

    private static QuestionnaireItemComponent observationItem(ObservationCode code) {
        QuestionnaireItemComponent item = item(code.code(), QuestionnaireItemType.CHOICE, code.nl(), code.en());
        item.addCode(new Coding(CODE_SYSTEM_URL, code.code(), code.nl()));
        for (IntakeAnswer answer : IntakeAnswer.OBSERVATION) {
            Questionnaire.QuestionnaireItemAnswerOptionComponent option = item.addAnswerOption()
                    .setValue(answer.coding());
            if (answer.ordinal != null) {
                option.addExtension(ORDINAL_VALUE, new DecimalType(answer.ordinal));
            }
        }
        return item;
    }

    /** The coach's own words on an observation: offered once the observation has an answer other than not-assessed. */
    private static QuestionnaireItemComponent noteItem(ObservationCode code) {
        QuestionnaireItemComponent note = item(code.code() + NOTE_SUFFIX, QuestionnaireItemType.STRING,
                "Toelichting", "Note");
        note.addEnableWhen(new QuestionnaireItemEnableWhenComponent().setQuestion(code.code())
                .setOperator(QuestionnaireItemOperator.EXISTS).setAnswer(new BooleanType(true)));
        note.addEnableWhen(new QuestionnaireItemEnableWhenComponent().setQuestion(code.code())
                .setOperator(QuestionnaireItemOperator.NOT_EQUAL).setAnswer(IntakeAnswer.NOT_ASSESSED.coding()));
        note.setEnableBehavior(EnableWhenBehavior.ALL);
        return note;
    }

    /** Who saw this observation, when not the intake's observer: offered once the observation has an answer. */
    private static QuestionnaireItemComponent observerItem(ObservationCode code) {
        QuestionnaireItemComponent observer = item(code.code() + OBSERVER_SUFFIX, QuestionnaireItemType.CHOICE,
                "Waargenomen door (als dat iemand anders is dan bij de intake)",
                "Observed by (when someone other than for the intake)");
        for (IntakeAnswer answer : IntakeAnswer.OBSERVERS) {
            observer.addAnswerOption().setValue(answer.coding());
        }
        observer.addEnableWhen(new QuestionnaireItemEnableWhenComponent().setQuestion(code.code())
                .setOperator(QuestionnaireItemOperator.EXISTS).setAnswer(new BooleanType(true)));
        observer.addEnableWhen(new QuestionnaireItemEnableWhenComponent().setQuestion(code.code())
                .setOperator(QuestionnaireItemOperator.NOT_EQUAL).setAnswer(IntakeAnswer.NOT_ASSESSED.coding()));
        observer.setEnableBehavior(EnableWhenBehavior.ALL);
        return observer;
    }

    /**
     * The code system of the observation codes: display in Dutch, an English designation, the explanation for the
     * coach as definition (English in a translation extension), and the catalogue group and source as properties.
     */
    public static CodeSystem codeSystem(Catalogue catalogue, String ruleSetVersion) {
        CodeSystem system = codeSystemHeader("observation-codes", CODE_SYSTEM_URL, ruleSetVersion,
                "BurnoutProfilerObservationCodes", "Waarnemingscodes burnout-profiler",
                "burnout-profiler observation codes",
                "Wat een coach kan waarnemen bij een cliënt met (dreigende) burn-out.",
                "What a coach can observe in a client with (looming) burnout.");
        system.addProperty().setCode("group").setType(CodeSystem.PropertyType.CODE)
                .setDescription("Groep op het intakeformulier / group on the intake form");
        system.addProperty().setCode("source").setType(CodeSystem.PropertyType.STRING)
                .setDescription("Bron van de kennis / where the knowledge comes from");
        for (ObservationCode code : catalogue.codes()) {
            CodeSystem.ConceptDefinitionComponent concept = system.addConcept().setCode(code.code())
                    .setDisplay(code.nl());
            concept.setDefinitionElement(Fhir.dutch(code.explanationNl(), code.explanationEn()));
            concept.addDesignation().setLanguage("en").setValue(code.en());
            concept.addProperty().setCode("group").setValue(new CodeType(code.group()));
            if (code.source() != null && !code.source().isBlank()) {
                concept.addProperty().setCode("source").setValue(new StringType(code.source()));
            }
        }
        return finish(system);
    }

    /** The code system of the choice items' answers: how an observation was found, and who observed. */
    public static CodeSystem answerCodeSystem(String ruleSetVersion) {
        CodeSystem system = codeSystemHeader("intake-answers", ANSWER_SYSTEM_URL, ruleSetVersion,
                "BurnoutProfilerIntakeAnswers", "Antwoorden op het intakeformulier", "Answers of the intake form",
                "Hoe een waarneming werd aangetroffen (niet nagevraagd, niet aanwezig, mate 1-3) en wie waarnam.",
                "How an observation was found (not assessed, not present, degree 1-3) and who observed.");
        for (IntakeAnswer answer : IntakeAnswer.values()) {
            CodeSystem.ConceptDefinitionComponent concept = system.addConcept().setCode(answer.code)
                    .setDisplay(answer.nl);
            concept.addDesignation().setLanguage("en").setValue(answer.en);
        }
        return finish(system);
    }

    static CodeSystem codeSystemHeader(String id, String url, String version, String name, String titleNl,
                                       String titleEn, String descriptionNl, String descriptionEn) {
        CodeSystem system = new CodeSystem();
        system.setId(id);
        system.setLanguage(Fhir.LANGUAGE);
        system.setUrl(url);
        system.setVersion(version);
        system.setName(name);
        system.setTitleElement(Fhir.dutch(titleNl, titleEn));
        system.setStatus(PublicationStatus.ACTIVE);
        system.setPublisher("burnout-profiler");
        system.setDescriptionElement(Fhir.dutchMarkdown(descriptionNl, descriptionEn));
        system.setCaseSensitive(true);
        system.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        return system;
    }

    static CodeSystem finish(CodeSystem system) {
        system.setCount(system.getConcept().size());
        system.setText(Fhir.narrative(system.getTitle() + " (" + system.getVersion() + ")",
                system.getConcept().stream().map(c -> c.getCode() + ": " + c.getDisplay()).toList()));
        return system;
    }

    /**
     * The intake of a QuestionnaireResponse to the intake form, every code checked against {@code catalogue}.
     *
     * @throws InvalidIntakeException listing every problem, each naming the item (its linkId)
     */
    public static Intake toIntake(QuestionnaireResponse response, Catalogue catalogue) {
        return new ResponseReader(catalogue, null).read(response);
    }

    /**
     * As {@link #toIntake(QuestionnaireResponse, Catalogue)}, with {@code caseIdWhenAbsent} as the case id when the
     * response does not answer that item (a form filled in where case ids are not known, such as an EHR).
     */
    public static Intake toIntake(QuestionnaireResponse response, Catalogue catalogue, String caseIdWhenAbsent) {
        return new ResponseReader(catalogue, caseIdWhenAbsent).read(response);
    }

    /**
     * As {@link #toIntake(QuestionnaireResponse, Catalogue)} without a catalogue at hand: an item whose linkId
     * looks like a code is read as one, and the engine that assesses the intake checks that it knows the code.
     *
     * @throws InvalidIntakeException listing every problem, each naming the item (its linkId)
     */
    public static Intake toIntake(QuestionnaireResponse response) {
        return new ResponseReader(null, null).read(response);
    }

    /**
     * The QuestionnaireResponse that records this intake. Items follow the form, so the observations come in
     * catalogue order; reading the response back gives the same intake with its observations in that order.
     *
     * @throws InvalidIntakeException when the intake is not valid for this catalogue (as the engine would refuse it)
     */
    public static QuestionnaireResponse toQuestionnaireResponse(Intake intake, Catalogue catalogue) {
        new IntakeValidator(catalogue).check(intake);
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setLanguage(Fhir.LANGUAGE);
        response.setQuestionnaire(QUESTIONNAIRE_URL);
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        if (intake.caseId() != null) {
            answer(response.addItem(), CASE_ID, new StringType(intake.caseId()));
        }
        if (intake.date() != null) {
            answer(response.addItem(), DATE, new DateType(intake.date().toString()));
        }
        answer(response.addItem(), OBSERVER, IntakeAnswer.of(intake.observer()).coding());
        if (intake.previousStage() != null) {
            answer(response.addItem(), PREVIOUS_STAGE, IntakeAnswer.of(intake.previousStage()).coding());
        }

        Map<String, Observation> observed = intake.observations().stream()
                .collect(Collectors.toMap(Observation::code, Function.identity(), (a, b) -> a));
        for (CodeGroup group : catalogue.groups()) {
            QuestionnaireResponseItemComponent groupItem = new QuestionnaireResponseItemComponent()
                    .setLinkId(GROUP_PREFIX + group.id());
            for (ObservationCode code : catalogue.codes()) {
                Observation observation = observed.get(code.code());
                if (code.group().equals(group.id()) && observation != null) {
                    answer(groupItem.addItem(), code.code(), IntakeAnswer.of(observation).coding());
                    if (observation.note() != null) {
                        answer(groupItem.addItem(), code.code() + NOTE_SUFFIX, new StringType(observation.note()));
                    }
                    if (observation.observer() != null && observation.observer() != intake.observer()) {
                        answer(groupItem.addItem(), code.code() + OBSERVER_SUFFIX,
                                IntakeAnswer.of(observation.observer()).coding());
                    }
                }
            }
            if (groupItem.hasItem()) {
                response.addItem(groupItem);
            }
        }

        Rulers rulers = intake.rulers();
        Integer[] values = {rulers.importance(), rulers.confidence(), rulers.readiness()};
        QuestionnaireResponseItemComponent rulerGroup = new QuestionnaireResponseItemComponent().setLinkId(RULERS);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                answer(rulerGroup.addItem(), RULER_ITEMS.get(i).linkId(), new IntegerType(values[i]));
            }
        }
        if (rulerGroup.hasItem()) {
            response.addItem(rulerGroup);
        }
        if (intake.notes() != null) {
            answer(response.addItem(), NOTES, new StringType(intake.notes()));
        }
        String heading = "Intake " + intake.caseId() + (intake.date() == null ? "" : " " + intake.date());
        response.setText(Fhir.narrative(heading,
                intake.observations().stream().map(o -> o.code() + ": " + IntakeAnswer.of(o).nl).toList()));
        return response;
    }

    private static void answer(QuestionnaireResponseItemComponent item, String linkId,
                               org.hl7.fhir.r4.model.Type value) {
        item.setLinkId(linkId).addAnswer().setValue(value);
    }

    /**
     * Reads the JSON text of a QuestionnaireResponse and converts it, every code checked against
     * {@code catalogue}.
     *
     * @throws InvalidIntakeException naming {@code $} when the text is not JSON of a QuestionnaireResponse, else
     *                                naming each item at fault
     */
    public static Intake parseIntake(String questionnaireResponseJson, Catalogue catalogue) {
        return toIntake(parseResponse(questionnaireResponseJson), catalogue);
    }

    /** As {@link #parseIntake(String, Catalogue)}, leaving the codes to the engine that assesses the intake. */
    public static Intake parseIntake(String questionnaireResponseJson) {
        return toIntake(parseResponse(questionnaireResponseJson));
    }

    /**
     * Reads the JSON text of a QuestionnaireResponse. Our own strict, bounded JSON reader goes first; HAPI's parser
     * (which reads numbers as BigDecimal) only gets the JSON that reader wrote back, with every number a plain
     * double or long.
     *
     * @throws InvalidIntakeException naming {@code $} when the text is not JSON of a QuestionnaireResponse
     */
    public static QuestionnaireResponse parseResponse(String json) {
        JsonNode checked;
        try {
            checked = JsonInput.read(json);
        } catch (JsonInput.Refused e) {
            throw new InvalidIntakeException(e.problems());
        }
        if (!checked.isObject()) {
            throw new InvalidIntakeException(List.of(new FieldProblem("$", null,
                    "must be a JSON object (a QuestionnaireResponse)")));
        }
        IBaseResource resource;
        try {
            resource = Fhir.strictJsonParser().parseResource(checked.toString());
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            throw new InvalidIntakeException(List.of(new FieldProblem("$", null,
                    "is not FHIR JSON of a QuestionnaireResponse: " + plain(e.getMessage()))));
        }
        if (!(resource instanceof QuestionnaireResponse response)) {
            throw new InvalidIntakeException(List.of(new FieldProblem("$", resource.fhirType(),
                    "must be a QuestionnaireResponse")));
        }
        return response;
    }

    /**
     * The problems of a QuestionnaireResponse as an OperationOutcome: one error issue per problem, its diagnostics
     * naming the item and the reason, and its expression the FHIRPath of the item with that linkId wherever it is
     * nested (of the element, for {@code questionnaire}, {@code status} and {@code item}; none for the whole body).
     */
    public static OperationOutcome operationOutcome(List<FieldProblem> problems) {
        OperationOutcome outcome = new OperationOutcome();
        for (FieldProblem problem : problems) {
            OperationOutcomeIssueComponent issue = outcome.addIssue()
                    .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(problem.value() == null && problem.reason().equals("is required")
                            ? OperationOutcome.IssueType.REQUIRED : OperationOutcome.IssueType.INVALID)
                    .setDiagnostics(problem.toString());
            String field = problem.field();
            if (ELEMENTS.contains(field)) {
                issue.addExpression("QuestionnaireResponse." + field);
            } else if (!field.equals("$")) {
                issue.addExpression("QuestionnaireResponse.repeat(item | answer.item).where(linkId = '"
                        + field.replace("\\", "\\\\").replace("'", "\\'") + "')");
            }
        }
        return outcome;
    }

    /**
     * HAPI's message without its number ("HAPI-1861: ") and without the Java names of the exceptions it wraps
     * ("com.fasterxml.jackson.core.JsonParseException: ").
     */
    public static String plain(String message) {
        if (message == null) {
            return "unreadable";
        }
        String text = message.replaceAll("HAPI-\\d+: ", "")
                .replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b:? ?", "")
                .replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? "unreadable" : text;
    }
}
