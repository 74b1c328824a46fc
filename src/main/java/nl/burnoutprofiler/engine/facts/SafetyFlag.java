package nl.burnoutprofiler.engine.facts;

import nl.burnoutprofiler.engine.SafetyStatus;

/**
 * A red flag: a professional other than the coach must look first.
 *
 * @param code     the observation code that raised it
 * @param status   {@link SafetyStatus#REFER} or {@link SafetyStatus#URGENT}
 * @param referral the recommendation id of the referral
 */
public record SafetyFlag(String code, SafetyStatus status, String referral) {

    @Override
    public String toString() {
        return "red flag " + code + " (" + status + ", " + referral + ")";
    }
}
