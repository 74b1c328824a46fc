package nl.burnoutprofiler.fhir;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

import nl.burnoutprofiler.engine.FieldProblem;
import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.IntakeValidator;
import nl.burnoutprofiler.engine.InvalidIntakeException;
import nl.burnoutprofiler.engine.Observation;
import nl.burnoutprofiler.engine.Observer;
import nl.burnoutprofiler.engine.Rulers;
import nl.burnoutprofiler.engine.Stage;
import nl.burnoutprofiler.engine.catalogue.Catalogue;

/**
 * Reads one QuestionnaireResponse to the intake form into an intake, collecting every problem with the linkId of
 * its item. Items are found by linkId wherever they are nested, so a response with flatter groups still reads.
 */
final class ResponseReader {

    /** What an observation code looks like, for reading without a catalogue. */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final Catalogue catalogue;
    private final String caseIdWhenAbsent;
    private final List<FieldProblem> problems = new ArrayList<>();
    private final Map<String, QuestionnaireResponseItemComponent> items = new LinkedHashMap<>();

    /**
     * @param catalogue        the codes the intake may use; null to leave that check to the engine
     * @param caseIdWhenAbsent the case id when the response leaves that item unanswered; null to require it
     */
    ResponseReader(Catalogue catalogue, String caseIdWhenAbsent) {
        this.catalogue = catalogue;
        this.caseIdWhenAbsent = caseIdWhenAbsent;
    }

    Intake read(QuestionnaireResponse response) {
        checkEnvelope(response);
        collect(response.getItem());

        String caseId = caseId();
        LocalDate date = date();
        Observer observer = observer();
        Stage previousStage = previousStage();
        Map<String, String> notes = new LinkedHashMap<>();
        Map<String, Observer> observers = new LinkedHashMap<>();
        List<Observation> observations = new ArrayList<>();
        for (QuestionnaireResponseItemComponent item : items.values()) {
            String linkId = item.getLinkId();
            if (isFixed(linkId) || linkId.startsWith(IntakeQuestionnaire.GROUP_PREFIX)) {
                continue;
            }
            if (linkId.endsWith(IntakeQuestionnaire.NOTE_SUFFIX)) {
                note(item).ifPresent(note -> notes.put(codeOf(linkId, IntakeQuestionnaire.NOTE_SUFFIX), note));
            } else if (linkId.endsWith(IntakeQuestionnaire.OBSERVER_SUFFIX)) {
                observedBy(item).ifPresent(by -> observers.put(codeOf(linkId, IntakeQuestionnaire.OBSERVER_SUFFIX), by));
            } else if (isCode(linkId)) {
                observation(item).ifPresent(observations::add);
            } else {
                problems.add(new FieldProblem(linkId, null, catalogue != null && CODE.matcher(linkId).matches()
                        ? "is not a code of the catalogue" : "is not an item of the intake questionnaire"));
            }
        }
        List<Observation> withNotes = attach(observations, notes, observers, answeredCodes(observations));
        Rulers rulers = new Rulers(ruler(0), ruler(1), ruler(2));
        String text = text(IntakeQuestionnaire.NOTES);
        if (!withinLength(IntakeQuestionnaire.NOTES, text, IntakeValidator.MAX_NOTES_CHARS)) {
            text = null;
        }

        if (!problems.isEmpty()) {
            throw new InvalidIntakeException(problems);
        }
        return new Intake(caseId, date, observer, withNotes, rulers, text, previousStage);
    }

    private void checkEnvelope(QuestionnaireResponse response) {
        if (response.hasQuestionnaire()) {
            String canonical = response.getQuestionnaire().split("\\|", 2)[0];
            if (!canonical.equals(IntakeQuestionnaire.QUESTIONNAIRE_URL)) {
                problems.add(new FieldProblem("questionnaire", response.getQuestionnaire(),
                        "must be " + IntakeQuestionnaire.QUESTIONNAIRE_URL));
            }
        }
        if (response.getStatus() == QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR) {
            problems.add(new FieldProblem("status", response.getStatus().toCode(),
                    "marks the response as entered in error"));
        }
    }

    /** Indexes every item by linkId, depth first in document order, including items nested under answers. */
    private void collect(List<QuestionnaireResponseItemComponent> level) {
        for (QuestionnaireResponseItemComponent item : level) {
            String linkId = item.getLinkId();
            if (linkId == null || linkId.isBlank()) {
                problems.add(new FieldProblem("item", null, "needs a linkId"));
            } else if (items.putIfAbsent(linkId, item) != null) {
                problems.add(new FieldProblem(linkId, null, "appears more than once; answer each item once"));
            }
            collect(item.getItem());
            item.getAnswer().forEach(answer -> collect(answer.getItem()));
        }
    }

    private static boolean isFixed(String linkId) {
        return linkId.equals(IntakeQuestionnaire.CASE_ID) || linkId.equals(IntakeQuestionnaire.DATE)
                || linkId.equals(IntakeQuestionnaire.OBSERVER) || linkId.equals(IntakeQuestionnaire.PREVIOUS_STAGE)
                || linkId.equals(IntakeQuestionnaire.RULERS)
                || linkId.equals(IntakeQuestionnaire.NOTES)
                || IntakeQuestionnaire.RULER_ITEMS.stream().anyMatch(r -> r.linkId().equals(linkId));
    }

    private boolean isCode(String linkId) {
        return catalogue == null ? CODE.matcher(linkId).matches() : catalogue.hasCode(linkId);
    }

    private static String codeOf(String linkId, String suffix) {
        return linkId.substring(0, linkId.length() - suffix.length());
    }

    /** Who saw one observation, from its {@code CODE.observer} item. */
    private Optional<Observer> observedBy(QuestionnaireResponseItemComponent item) {
        Optional<Type> value = value(item);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<IntakeAnswer> answer = answer(value.get(), IntakeAnswer.OBSERVERS);
        if (answer.isEmpty()) {
            problems.add(new FieldProblem(item.getLinkId(), shown(value.get()),
                    "must be a valueCoding of " + IntakeQuestionnaire.ANSWER_SYSTEM_URL + " with code "
                            + IntakeAnswer.list(IntakeAnswer.OBSERVERS)));
            return Optional.empty();
        }
        return Optional.of(Observer.valueOf(answer.get().code));
    }

    /** The one answer of an item, empty when the item is missing or unanswered; more than one is a problem. */
    private Optional<Type> value(String linkId) {
        QuestionnaireResponseItemComponent item = items.get(linkId);
        return item == null ? Optional.empty() : value(item);
    }

    private Optional<Type> value(QuestionnaireResponseItemComponent item) {
        List<QuestionnaireResponseItemAnswerComponent> answers = item.getAnswer();
        if (answers.size() > 1) {
            problems.add(new FieldProblem(item.getLinkId(), null, "has " + answers.size() + " answers; give one"));
            return Optional.empty();
        }
        return answers.isEmpty() || !answers.get(0).hasValue() ? Optional.empty()
                : Optional.of(answers.get(0).getValue());
    }

    private String caseId() {
        QuestionnaireResponseItemComponent item = items.get(IntakeQuestionnaire.CASE_ID);
        boolean answered = item != null && item.hasAnswer();
        String caseId = text(IntakeQuestionnaire.CASE_ID);
        if (!answered && caseIdWhenAbsent != null) {
            return caseIdWhenAbsent;
        }
        if (!answered) {
            problems.add(new FieldProblem(IntakeQuestionnaire.CASE_ID, null, "is required"));
        } else if (caseId != null && !IntakeValidator.CASE_ID.matcher(caseId).matches()) {
            problems.add(new FieldProblem(IntakeQuestionnaire.CASE_ID, caseId,
                    "must be 1-64 characters of A-Z a-z 0-9 . _ - (a pseudonym, never a name)"));
        }
        return caseId;
    }

    private LocalDate date() {
        Optional<Type> value = value(IntakeQuestionnaire.DATE);
        if (value.isEmpty()) {
            return null;
        }
        if (value.get() instanceof DateType date) {
            try {
                return LocalDate.parse(date.getValueAsString());
            } catch (DateTimeParseException e) {
                // a year or a month alone: reported below
            }
        }
        problems.add(new FieldProblem(IntakeQuestionnaire.DATE, shown(value.get()),
                "must be a full date (valueDate) such as 2026-11-20"));
        return null;
    }

    private Observer observer() {
        Optional<Type> value = value(IntakeQuestionnaire.OBSERVER);
        if (value.isEmpty()) {
            return Observer.COACH;
        }
        Optional<IntakeAnswer> answer = answer(value.get(), IntakeAnswer.OBSERVERS);
        if (answer.isEmpty()) {
            problems.add(new FieldProblem(IntakeQuestionnaire.OBSERVER, shown(value.get()),
                    "must be a valueCoding of " + IntakeQuestionnaire.ANSWER_SYSTEM_URL + " with code "
                            + IntakeAnswer.list(IntakeAnswer.OBSERVERS)));
            return Observer.COACH;
        }
        return Observer.valueOf(answer.get().code);
    }

    private Stage previousStage() {
        Optional<Type> value = value(IntakeQuestionnaire.PREVIOUS_STAGE);
        if (value.isEmpty()) {
            return null;
        }
        Optional<IntakeAnswer> answer = answer(value.get(), IntakeAnswer.STAGES);
        if (answer.isEmpty()) {
            problems.add(new FieldProblem(IntakeQuestionnaire.PREVIOUS_STAGE, shown(value.get()),
                    "must be a valueCoding of " + IntakeQuestionnaire.ANSWER_SYSTEM_URL + " with code "
                            + IntakeAnswer.list(IntakeAnswer.STAGES)));
            return null;
        }
        return Stage.valueOf(answer.get().code);
    }

    private Optional<Observation> observation(QuestionnaireResponseItemComponent item) {
        String code = item.getLinkId();
        Optional<Type> value = value(item);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<IntakeAnswer> answer = answer(value.get(), IntakeAnswer.OBSERVATION);
        if (answer.isEmpty()) {
            problems.add(new FieldProblem(code, shown(value.get()), "must be a valueCoding of "
                    + IntakeQuestionnaire.ANSWER_SYSTEM_URL + " with code "
                    + IntakeAnswer.list(IntakeAnswer.OBSERVATION)));
            return Optional.empty();
        }
        return switch (answer.get()) {
            case NOT_ASSESSED -> Optional.empty();
            case ABSENT -> Optional.of(Observation.absent(code));
            default -> Optional.of(Observation.present(code, answer.get().ordinal));
        };
    }

    /** The answer a value codes for, when it is a Coding of the answer system (or without system) among these. */
    private static Optional<IntakeAnswer> answer(Type value, IntakeAnswer[] allowed) {
        if (!(value instanceof Coding coding)
                || coding.hasSystem() && !coding.getSystem().equals(IntakeQuestionnaire.ANSWER_SYSTEM_URL)
                || !coding.hasCode()) {
            return Optional.empty();
        }
        return IntakeAnswer.find(allowed, coding.getCode());
    }

    private Optional<String> note(QuestionnaireResponseItemComponent item) {
        Optional<Type> value = value(item);
        if (value.isPresent() && !(value.get() instanceof StringType)) {
            problems.add(new FieldProblem(item.getLinkId(), shown(value.get()), "must be text (valueString)"));
            return Optional.empty();
        }
        return value.map(v -> ((StringType) v).getValue())
                .filter(note -> withinLength(item.getLinkId(), note, IntakeValidator.MAX_NOTE_CHARS));
    }

    /** Whether the text fits; a problem naming the item when it does not. */
    private boolean withinLength(String linkId, String text, int maxChars) {
        if (text != null && text.length() > maxChars) {
            problems.add(new FieldProblem(linkId, null, "has " + text.length() + " characters; at most " + maxChars
                    + " are accepted"));
            return false;
        }
        return true;
    }

    /** Codes whose item has an answer other than not-assessed, even an invalid one (already reported). */
    private Set<String> answeredCodes(List<Observation> observations) {
        Set<String> answered = new HashSet<>();
        observations.forEach(o -> answered.add(o.code()));
        items.forEach((linkId, item) -> {
            if (item.getAnswer().stream().anyMatch(a -> a.hasValue() && !(a.getValue() instanceof Coding coding
                    && IntakeAnswer.NOT_ASSESSED.code.equals(coding.getCode())))) {
                answered.add(linkId);
            }
        });
        return answered;
    }

    /**
     * The observations with their notes and observers; a note or observer on a code that was not answered is a
     * problem.
     */
    private List<Observation> attach(List<Observation> observations, Map<String, String> notes,
                                     Map<String, Observer> observers, Set<String> answered) {
        List<Observation> result = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Observation o : observations) {
            used.add(o.code());
            result.add(new Observation(o.code(), o.intensity(), o.present(), notes.get(o.code()),
                    observers.get(o.code())));
        }
        unattached(notes.keySet(), IntakeQuestionnaire.NOTE_SUFFIX, used, answered);
        unattached(observers.keySet(), IntakeQuestionnaire.OBSERVER_SUFFIX, used, answered);
        return result;
    }

    private void unattached(Set<String> codes, String suffix, Set<String> used, Set<String> answered) {
        for (String code : codes) {
            if (!used.contains(code) && !answered.contains(code)) {
                problems.add(new FieldProblem(code + suffix, null,
                        "belongs to an observation: answer " + code + " with absent, 1, 2 or 3"));
            }
        }
    }

    private Integer ruler(int index) {
        String linkId = IntakeQuestionnaire.RULER_ITEMS.get(index).linkId();
        Optional<Type> value = value(linkId);
        if (value.isEmpty()) {
            return null;
        }
        if (value.get() instanceof IntegerType number && number.getValue() != null
                && number.getValue() >= IntakeValidator.MIN_RULER && number.getValue() <= IntakeValidator.MAX_RULER) {
            return number.getValue();
        }
        problems.add(new FieldProblem(linkId, shown(value.get()),
                "must be a whole number from 0 to 10 (valueInteger)"));
        return null;
    }

    private String text(String linkId) {
        Optional<Type> value = value(linkId);
        if (value.isEmpty()) {
            return null;
        }
        if (value.get() instanceof StringType string) {
            return string.getValue();
        }
        problems.add(new FieldProblem(linkId, shown(value.get()), "must be text (valueString)"));
        return null;
    }

    /** An answer value as an error shows it: the code of a Coding, the text of a primitive. */
    private static String shown(Type value) {
        if (value instanceof Coding coding) {
            return coding.getCode();
        }
        if (value instanceof PrimitiveType<?> primitive) {
            return primitive.getValueAsString();
        }
        return value.fhirType();
    }
}
