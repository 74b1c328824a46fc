package nl.burnoutprofiler.fhir;

import java.util.Arrays;
import java.util.Optional;

import org.hl7.fhir.r4.model.Coding;

import nl.burnoutprofiler.engine.Observation;
import nl.burnoutprofiler.engine.Observer;
import nl.burnoutprofiler.engine.Stage;

/**
 * The answers of the intake form's choice items, codes of {@link IntakeQuestionnaire#ANSWER_SYSTEM_URL}: how an
 * observation was found, who observed, and the stage of change the previous meeting concluded.
 */
enum IntakeAnswer {
    NOT_ASSESSED("not-assessed", "niet nagevraagd", "not assessed", null),
    ABSENT("absent", "nagevraagd: niet aanwezig", "checked: not present", 0),
    SLIGHT("1", "1 licht", "1 slight", 1),
    CLEAR("2", "2 duidelijk", "2 clear", 2),
    STRONG("3", "3 sterk", "3 strong", 3),

    COACH(Observer.COACH.name(), "coach", "coach", null),
    CLIENT(Observer.CLIENT.name(), "cliënt zelf", "the client (self-report)", null),
    COLLEAGUE(Observer.COLLEAGUE.name(), "collega", "colleague", null),
    MANAGER(Observer.MANAGER.name(), "leidinggevende", "manager", null),
    PHYSICIAN(Observer.PHYSICIAN.name(), "arts", "physician", null),

    PRECONTEMPLATION(Stage.PRECONTEMPLATION.name(), "voorbeschouwing", "precontemplation", null),
    CONTEMPLATION(Stage.CONTEMPLATION.name(), "overpeinzing", "contemplation", null),
    PREPARATION(Stage.PREPARATION.name(), "voorbereiding", "preparation", null),
    ACTION(Stage.ACTION.name(), "actie", "action", null),
    MAINTENANCE(Stage.MAINTENANCE.name(), "consolidatie", "maintenance", null),
    RELAPSE(Stage.RELAPSE.name(), "terugval", "relapse", null);

    /** The answers to an observation item, in form order. */
    static final IntakeAnswer[] OBSERVATION = {NOT_ASSESSED, ABSENT, SLIGHT, CLEAR, STRONG};
    /** The answers to the observer item, in form order. */
    static final IntakeAnswer[] OBSERVERS = {COACH, CLIENT, COLLEAGUE, MANAGER, PHYSICIAN};
    /** The answers to the previous-stage item, in the order of the cycle. */
    static final IntakeAnswer[] STAGES = {PRECONTEMPLATION, CONTEMPLATION, PREPARATION, ACTION, MAINTENANCE, RELAPSE};

    final String code;
    final String nl;
    final String en;
    /** 0 for absent, the intensity when present; null when the answer is not a degree. */
    final Integer ordinal;

    IntakeAnswer(String code, String nl, String en, Integer ordinal) {
        this.code = code;
        this.nl = nl;
        this.en = en;
        this.ordinal = ordinal;
    }

    Coding coding() {
        return new Coding(IntakeQuestionnaire.ANSWER_SYSTEM_URL, code, nl);
    }

    /** The answer that records this observation. */
    static IntakeAnswer of(Observation observation) {
        if (!observation.present()) {
            return ABSENT;
        }
        return switch (observation.intensity()) {
            case 1 -> SLIGHT;
            case 2 -> CLEAR;
            case 3 -> STRONG;
            default -> throw new IllegalArgumentException("intensity " + observation.intensity() + " of "
                    + observation.code() + " is not 1, 2 or 3");
        };
    }

    static IntakeAnswer of(Observer observer) {
        return valueOf(observer.name());
    }

    static IntakeAnswer of(Stage stage) {
        return valueOf(stage.name());
    }

    /** The answer with this code among {@code answers}. */
    static Optional<IntakeAnswer> find(IntakeAnswer[] answers, String code) {
        return Arrays.stream(answers).filter(a -> a.code.equals(code)).findFirst();
    }

    /** "a, b or c": the codes of {@code answers} for an error message. */
    static String list(IntakeAnswer[] answers) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < answers.length; i++) {
            if (i > 0) {
                text.append(i == answers.length - 1 ? " or " : ", ");
            }
            text.append(answers[i].code);
            if (answers[i].ordinal != null && answers[i].ordinal > 0) {
                text.append(" (").append(answers[i].en.substring(2)).append(')');
            }
        }
        return text.toString();
    }
}
