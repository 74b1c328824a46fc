package nl.burnoutprofiler.store;

import java.time.LocalDate;

/**
 * What the server hands over to store: the intake JSON as sent (normalised) and the outcome JSON the engine produced,
 * with the outcome's headline values that case lists filter on.
 */
public record NewIntake(String caseId, LocalDate date, String observer, String intakeJson, String outcomeJson,
        String ruleSetVersion, String primaryType, String stage, String safetyStatus) {

    /** Intakes hold health data: never print them whole. */
    @Override
    public String toString() {
        return "NewIntake[caseId=" + caseId + ", date=" + date + "]";
    }
}
