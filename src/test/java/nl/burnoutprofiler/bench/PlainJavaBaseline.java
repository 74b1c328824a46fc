package nl.burnoutprofiler.bench;

import java.util.ArrayList;
import java.util.List;

import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.Observation;
import nl.burnoutprofiler.engine.PresentationType;
import nl.burnoutprofiler.engine.SafetyStatus;

/**
 * Hand-written plain Java doing roughly what a handful of the rules do, for the engine/baseline ratio of
 * {@link AssessmentBenchmark}. It is NOT a replacement for the rules: it covers only
 * CTX-001, CTX-002, CTX-007, PHY-001, PHY-002, REL-001, IDN-001 (same codes and weights), the red flags of
 * SAF-001/002/004/005, and the "clear leader" part of classification (CLS-001, CLS-010, CLS-011, CLS-012).
 * No trace, no recommendations, no stage of change: it is a lower bound on what the work could cost.
 */
final class PlainJavaBaseline {

    /** What the baseline concludes: type (UNDETERMINED when thin or even), safety status, scores, evidence codes. */
    record Result(PresentationType primary, SafetyStatus safety, double[] scores, List<String> evidence) {
    }

    private static final double NAME_THRESHOLD = 3.5;
    private static final double RIVAL_FRACTION = 0.9;

    private PlainJavaBaseline() {
    }

    static Result assess(Intake intake) {
        double[] scores = new double[4]; // CONTEXTUAL, RELATIONAL, PHYSIOLOGICAL, IDENTITY
        List<String> evidence = new ArrayList<>();
        SafetyStatus safety = SafetyStatus.CLEAR;
        for (Observation o : intake.observations()) {
            String code = o.code();
            if (!o.present()) {
                // CTX-007: a context checked and found safe speaks against a contextual cause.
                switch (code) {
                    case "UNPREDICTABLE_DECISIONS", "SOCIAL_UNSAFETY", "IMPLICIT_POWER_STRUCTURES", "MORAL_PRESSURE" -> {
                        scores[0] -= 0.75;
                        evidence.add(code);
                    }
                    default -> {
                    }
                }
                continue;
            }
            double s = o.strength();
            switch (code) {
                // CTX-001 (weight 2.0)
                case "UNPREDICTABLE_DECISIONS", "SOCIAL_UNSAFETY", "IMPLICIT_POWER_STRUCTURES", "MORAL_PRESSURE",
                        "STRESS_SOURCE_ORGANISATIONAL" -> add(scores, 0, 2.0 * s, evidence, code);
                // CTX-002 (weight 1.0)
                case "ROLE_AMBIGUITY", "LOW_AUTONOMY", "HIGH_WORKLOAD", "LOW_SUPPORT", "WORK_CONFLICT", "REORGANISATION",
                        "HIGH_EMOTIONAL_LOAD", "SUPPORT_PRESENT_BUT_FEELS_EMPTY", "AUTONOMY_FRUSTRATED" ->
                        add(scores, 0, 1.0 * s, evidence, code);
                // REL-001 (weight 1.5)
                case "SMALL_SIGNALS_BIG_IMPACT", "FEEDBACK_FELT_AS_REJECTION", "BOUNDARIES_FEEL_RISKY",
                        "REST_TRIGGERS_GUILT" -> add(scores, 1, 1.5 * s, evidence, code);
                // PHY-001 (weight 1.0)
                case "SLEEP_PROBLEMS", "CONCENTRATION_PROBLEMS", "REDUCED_EMOTIONAL_ACCESS", "POOR_EVENING_RECOVERY",
                        "LOW_ENERGY_AFTER_WORK", "EXHAUSTION", "BODILY_TENSION", "IGNORES_BODY_SIGNALS" ->
                        add(scores, 2, 1.0 * s, evidence, code);
                // PHY-002 (weight 1.5)
                case "INSIGHTS_DO_NOT_STICK", "CONVERSATIONS_STAY_SUPERFICIAL" -> add(scores, 2, 1.5 * s, evidence, code);
                // IDN-001 (weight 2.0)
                case "WORTH_TIED_TO_PERFORMANCE", "STOPPING_FEELS_THREATENING", "EMPTINESS_NOT_FATIGUE",
                        "WHO_AM_I_WITHOUT_WORK", "WORTH_AS_GOOD_HELPER", "SELF_CARE_FEELS_SELFISH",
                        "UNRELENTING_STANDARDS_SCHEMA", "STRESS_SOURCE_SELF_INDUCED" ->
                        add(scores, 3, 2.0 * s, evidence, code);
                // SAF-001 / SAF-002: same-day referral
                case "SUICIDAL_IDEATION", "SUICIDE_PLAN_OR_ATTEMPT", "SELF_HARM", "PSYCHOTIC_SYMPTOMS",
                        "DOMESTIC_SAFETY_CONCERN" -> safety = SafetyStatus.URGENT;
                // SAF-004 / SAF-005: GP first
                case "SEVERE_DEPRESSIVE_SYMPTOMS", "HOPELESSNESS", "PANIC_OR_SEVERE_ANXIETY", "GRIEF_MAY_EXPLAIN_SIGNALS",
                        "SUBSTANCE_MISUSE", "UNEXPLAINED_PHYSICAL_SYMPTOMS", "FATIGUE_WITHOUT_MEDICAL_CHECK" ->
                        safety = safety.mostUrgent(SafetyStatus.REFER);
                default -> {
                }
            }
        }
        // CLS-001: scores never below 0. CLS-010/011/012: a clear leader of at least 3.5, else undetermined.
        int leader = 0;
        for (int t = 0; t < scores.length; t++) {
            if (scores[t] < 0) {
                scores[t] = 0;
            }
            if (scores[t] > scores[leader]) {
                leader = t;
            }
        }
        PresentationType primary = PresentationType.TYPES.get(leader);
        if (scores[leader] < NAME_THRESHOLD) {
            primary = PresentationType.UNDETERMINED;
        } else {
            for (int t = 0; t < scores.length; t++) {
                if (t != leader && scores[t] >= scores[leader] * RIVAL_FRACTION) {
                    primary = PresentationType.UNDETERMINED;
                    break;
                }
            }
        }
        return new Result(primary, safety, scores, evidence);
    }

    private static void add(double[] scores, int type, double weight, List<String> evidence, String code) {
        scores[type] += weight;
        evidence.add(code);
    }
}
