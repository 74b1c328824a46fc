package nl.burnoutprofiler.engine.internal;

import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

import nl.burnoutprofiler.engine.team.TeamAdvice;
import nl.burnoutprofiler.engine.team.TeamSignal;
import nl.burnoutprofiler.engine.team.TeamSignals;

/** One team advice: a fresh session, the unit's published cells, the organisation rules, then the actions. */
public final class TeamEvaluation {

    /** Far above any real advice (a few dozen firings); reaching it means rules feed each other. */
    static final int FIRING_LIMIT = 1_000;

    private TeamEvaluation() {
    }

    public static TeamAdvice run(OrganisationRuleSet rules, TeamSignals team) {
        TeamAdviceRecorder recorder = new TeamAdviceRecorder(rules.rules());
        KieSession session = rules.sessions().newKieSession();
        try {
            session.addEventListener((AgendaEventListener) recorder);
            session.addEventListener((RuleRuntimeEventListener) recorder);
            for (TeamSignal signal : team.signals()) {
                // Only what the organisation may see: a cell below the minimum count is never a fact, so no rule
                // can act on it, and a rule's "not" sees no more than that it was not published.
                if (signal.shown()) {
                    session.insert(signal);
                }
            }
            FiringToRest.fire(session, FIRING_LIMIT, "organisation rules", recorder::lastFiredRule);
        } finally {
            session.removeEventListener((AgendaEventListener) recorder);
            session.removeEventListener((RuleRuntimeEventListener) recorder);
            session.dispose();
        }
        return rules.assembler().assemble(team.unit(), recorder.votes());
    }
}
