package nl.burnoutprofiler.engine.internal;

import java.util.List;

import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.internal.event.rule.RuleEventListener;
import org.kie.internal.event.rule.RuleEventManager;

import nl.burnoutprofiler.engine.CompactOutcome;
import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.Outcome;
import nl.burnoutprofiler.engine.facts.Observations;
import nl.burnoutprofiler.engine.facts.PreviousStage;

/** One assessment: a fresh session, the intake's facts, the phases in order, then the outcome. */
public final class Evaluation {

    /**
     * The rule phases, in the order they run. Each phase sees everything the earlier phases concluded: evidence
     * from observations, then the sums, then the classification, then the advice that depends on it.
     */
    public static final List<String> PHASES = List.of("evidence", "scoring", "classification", "advice");
    /** Far above any real evaluation (about a hundred firings); reaching it means rules feed each other. */
    static final int FIRING_LIMIT = 5_000;

    private Evaluation() {
    }

    public static Outcome run(RuleSet ruleSet, Intake intake) {
        ExplanationRecorder recorder = fire(ruleSet, intake);
        return ruleSet.assembler().assemble(intake, recorder.conclusions(), recorder.trace());
    }

    /** The same evaluation for a machine: the decisions by id, and the trace's rule ids without their facts. */
    public static CompactOutcome runCompact(RuleSet ruleSet, Intake intake) {
        ExplanationRecorder recorder = fire(ruleSet, intake);
        return CompactOutcome.of(ruleSet.assembler().assemble(intake, recorder.conclusions(), List.of()),
                recorder.firedRuleIds());
    }

    private static ExplanationRecorder fire(RuleSet ruleSet, Intake intake) {
        ExplanationRecorder recorder = new ExplanationRecorder(ruleSet.rules(), ruleSet.collectingDeclarations());
        KieSession session = ruleSet.sessions().newKieSession();
        try {
            ((RuleEventManager) session).addEventListener((RuleEventListener) recorder);
            session.addEventListener((RuleRuntimeEventListener) recorder);
            session.insert(new Observations(intake.observations()));
            if (!intake.rulers().isEmpty()) {
                session.insert(intake.rulers());
            }
            if (intake.previousStage() != null) {
                session.insert(PreviousStage.of(intake.previousStage()));
            }
            // The agenda is a stack: push the last phase first so the first phase runs first.
            for (int i = PHASES.size() - 1; i >= 0; i--) {
                session.getAgenda().getAgendaGroup(PHASES.get(i)).setFocus();
            }
            FiringToRest.fire(session, FIRING_LIMIT, "rules", recorder::lastFiredRule);
        } finally {
            ((RuleEventManager) session).removeEventListener((RuleEventListener) recorder);
            session.removeEventListener((RuleRuntimeEventListener) recorder);
            // A pooled session is reset and handed back to the pool, ready for the next assessment.
            session.dispose();
        }
        return recorder;
    }
}
