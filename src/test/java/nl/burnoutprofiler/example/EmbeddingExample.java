package nl.burnoutprofiler.example;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import nl.burnoutprofiler.engine.FieldProblem;
import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.IntakeValidator;
import nl.burnoutprofiler.engine.InvalidIntakeException;
import nl.burnoutprofiler.engine.Observation;
import nl.burnoutprofiler.engine.Observer;
import nl.burnoutprofiler.engine.Outcome;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.engine.Rulers;
import nl.burnoutprofiler.json.IntakeJson;

/**
 * The engine embedded as an integrating application uses it: only the engine's public API, the engine's own
 * dependencies on the class path, no server and no command line. {@code LibraryClassPathTest} runs it in a JVM
 * without the web and command-line libraries; the README's "Embedding the engine" section shows its core.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    public static void main(String[] args) {
        // Build once: loading the rule set is the expensive part. The engine is immutable and thread-safe.
        ProfilerEngine engine = ProfilerEngine.packaged();
        System.out.println("rule set " + engine.ruleSetVersion());

        // Assess many: intakes built with the API...
        Intake physiological = Intake.of("c-1001", List.of(
                Observation.present("SLEEP_PROBLEMS", 3),
                Observation.present("PROLONGED_RESERVE_RUNNING", 3),
                Observation.present("INSIGHTS_DO_NOT_STICK", 2),
                Observation.present("IMPROVES_WITH_REST_AND_DISTANCE", 2),
                Observation.absent("SOCIAL_UNSAFETY"),
                Observation.absent("HISTORY_OF_BULLYING"),
                Observation.absent("SUICIDAL_IDEATION"),
                Observation.absent("FATIGUE_WITHOUT_MEDICAL_CHECK"),
                Observation.present("AMBIVALENCE", 2)),
                new Rulers(7, 3, 5));
        Intake relational = new Intake("c-1002", LocalDate.of(2026, 11, 20), Observer.COACH, List.of(
                Observation.present("WORK_SITUATION_SAFE_ON_PAPER", 2),
                Observation.present("FEEDBACK_FELT_AS_REJECTION", 3),
                Observation.present("BOUNDARIES_FEEL_RISKY", 2),
                Observation.present("ALERT_EVEN_AT_HOME", 2),
                Observation.present("HISTORY_OF_BULLYING", 2),
                Observation.absent("SOCIAL_UNSAFETY"),
                Observation.absent("SUICIDAL_IDEATION")),
                Rulers.NONE, "free text: stored by the caller, never read by rules");
        Intake urgent = Intake.of("c-1003", List.of(
                Observation.present("EXHAUSTION", 2),
                Observation.present("SUICIDAL_IDEATION", 2)),
                Rulers.NONE);

        // ...and one read from the contract's JSON, as it arrives from another system.
        IntakeJson json = new IntakeJson(new IntakeValidator(engine.catalogue()), Clock.systemDefaultZone());
        Intake fromJson = json.read("""
                {"caseId": "c-1004", "observer": "CLIENT",
                 "observations": [{"code": "WORTH_TIED_TO_PERFORMANCE", "intensity": 3},
                                  {"code": "STOPPING_FEELS_THREATENING"},
                                  {"code": "SUICIDAL_IDEATION", "present": false}],
                 "rulers": {"importance": 8, "confidence": 4}}
                """);

        for (Intake intake : List.of(physiological, relational, urgent, fromJson)) {
            print(engine.assess(intake));
        }

        // Read the explanation: every rule that fired, in order, with the facts it matched.
        Outcome explained = engine.assess(physiological);
        System.out.println("explanation of " + explained.caseId() + " (" + explained.ruleSetVersion() + "):");
        for (Outcome.TraceEntry fired : explained.trace()) {
            System.out.println("  " + fired.rule() + " " + fired.titleEn() + " <- " + fired.facts());
        }

        // A bad intake is refused before any rule runs, with every problem named.
        try {
            engine.assess(Intake.of("c-1005", List.of(
                    Observation.present("SLEEP_PROBLEMS", 7),
                    Observation.present("NOT_A_CODE", 2)), Rulers.NONE));
        } catch (InvalidIntakeException e) {
            for (FieldProblem problem : e.problems()) {
                System.out.println("refused: " + problem);
            }
        }
    }

    private static void print(Outcome outcome) {
        System.out.println(outcome.caseId() + ": type " + outcome.presentation().primary()
                + " (" + outcome.presentation().confidence() + " confidence), stage " + outcome.stage().stage()
                + ", safety " + outcome.safety().status());
        for (Outcome.Recommendation r : outcome.recommendations().stream().limit(2).toList()) {
            System.out.println("  do " + r.priority() + ". " + r.id() + ": " + r.rationaleEn()
                    + (r.waitsForReferral() ? " (after the referral)" : ""));
        }
        for (Outcome.Avoidance a : outcome.avoid()) {
            System.out.println("  avoid " + a.id() + ": " + a.reasonEn());
        }
    }
}
