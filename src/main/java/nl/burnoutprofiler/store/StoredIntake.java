package nl.burnoutprofiler.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored version of a meeting's intake with its outcome. {@code meeting} is the id of the meeting's first
 * intake; a correction is a new row of the same meeting with the next {@code version}, the earlier rows stay.
 * {@code date} is the date of the meeting as this version records it.
 */
public record StoredIntake(long intakeId, String caseId, long meeting, int version, LocalDate date, String observer,
        String intakeJson, String outcomeJson, String ruleSetVersion, String primaryType, String stage,
        String safetyStatus, String storedBy, Instant storedAt) {

    /** Intakes hold health data: never print them whole. */
    @Override
    public String toString() {
        return "StoredIntake[intakeId=" + intakeId + ", caseId=" + caseId + ", meeting=" + meeting + ", version=" + version
                + ", date=" + date + "]";
    }
}
