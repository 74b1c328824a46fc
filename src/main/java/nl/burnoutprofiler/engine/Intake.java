package nl.burnoutprofiler.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a coach observed about one client in one meeting (contract section 1).
 *
 * @param caseId       pseudonym of the case, 1–64 characters of {@code A-Za-z0-9._-}
 * @param date         date of the meeting
 * @param observer     who saw it
 * @param observations the recorded observations, at most one per code; one that names no observer was seen by
 *                     {@code observer}
 * @param rulers       the motivational-interviewing rulers, {@link Rulers#NONE} when none were asked
 * @param notes        free text; stored and shown, never read by rules
 * @param previousStage the stage of change the previous meeting concluded, or null when there was none; a later
 *                      stage than today's markers show is a relapse (seed 004, the spiral of change)
 */
public record Intake(String caseId, LocalDate date, Observer observer, List<Observation> observations,
                     Rulers rulers, String notes, Stage previousStage) {

    public Intake {
        observer = Objects.requireNonNullElse(observer, Observer.COACH);
        observations = observations == null ? List.of() : withObserver(observations, observer);
        rulers = Objects.requireNonNullElse(rulers, Rulers.NONE);
    }

    /** An intake without a previous stage: a first meeting, or one whose previous stage is not known. */
    public Intake(String caseId, LocalDate date, Observer observer, List<Observation> observations, Rulers rulers,
                  String notes) {
        this(caseId, date, observer, observations, rulers, notes, null);
    }

    /** Each observation that names no observer of its own was seen by the intake's observer. */
    private static List<Observation> withObserver(List<Observation> observations, Observer observer) {
        List<Observation> resolved = new ArrayList<>(observations.size());
        for (Observation o : observations) {
            resolved.add(o == null || o.observer() != null ? o : o.by(observer));
        }
        return List.copyOf(resolved);
    }

    /** The same intake, with the stage the previous meeting concluded. */
    public Intake withPreviousStage(Stage stage) {
        return new Intake(caseId, date, observer, observations, rulers, notes, stage);
    }

    public static Intake of(String caseId, List<Observation> observations, Rulers rulers) {
        return new Intake(caseId, null, Observer.COACH, observations, rulers, null);
    }
}
