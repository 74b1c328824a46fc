package nl.burnoutprofiler.engine.internal;

import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

import nl.burnoutprofiler.engine.RuleExecutionException;
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
            int fired = session.fireAllRules(FIRING_LIMIT);
            if (fired >= FIRING_LIMIT) {
                String last = recorder.lastFiredRule();
                throw new RuleExecutionException(last, "organisation rules did not come to rest after " + FIRING_LIMIT
                        + " firings; last rule fired: \"" + last + "\"", null);
            }
        } catch (ConsequenceException e) {
            String rule = e.getMatch() == null ? null : e.getMatch().getRule().getName();
            throw new RuleExecutionException(rule, "rule \"" + rule + "\" failed: " + e.getCause(), e);
        } finally {
            session.removeEventListener((AgendaEventListener) recorder);
            session.removeEventListener((RuleRuntimeEventListener) recorder);
            session.dispose();
        }
        return rules.assembler().assemble(team.unit(), recorder.votes());
    }
}
