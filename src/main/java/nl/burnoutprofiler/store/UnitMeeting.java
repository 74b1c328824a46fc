package nl.burnoutprofiler.store;

import java.time.LocalDate;

/**
 * The latest version of one meeting of a case in a unit, as a team aggregate counts it.
 *
 * @param intakeId the id of this version: any correction gives a new one
 */
public record UnitMeeting(String caseId, long meeting, long intakeId, LocalDate date, String intakeJson,
        String primaryType, String stage) {

    /** Intakes hold health data: never print them whole. */
    @Override
    public String toString() {
        return "UnitMeeting[meeting=" + meeting + ", intakeId=" + intakeId + ", date=" + date + "]";
    }
}
