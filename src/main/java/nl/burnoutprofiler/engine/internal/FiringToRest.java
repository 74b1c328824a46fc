package nl.burnoutprofiler.engine.internal;

import java.util.function.Supplier;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

import nl.burnoutprofiler.engine.RuleExecutionException;

/** Fires a session's rules until none is left, and turns a rule set's faults into a {@link RuleExecutionException}. */
final class FiringToRest {

    private FiringToRest() {
    }

    /**
     * @param limit     far above any real evaluation: reaching it means rules feed each other
     * @param whose     which rules, for the message ("rules", "organisation rules")
     * @param lastFired the name of the rule that fired last, for the message
     */
    static void fire(KieSession session, int limit, String whose, Supplier<String> lastFired) {
        int fired;
        try {
            fired = session.fireAllRules(limit);
        } catch (ConsequenceException e) {
            String rule = e.getMatch() == null ? null : e.getMatch().getRule().getName();
            throw new RuleExecutionException(rule, "rule \"" + rule + "\" failed: " + e.getCause(), e);
        }
        if (fired >= limit) {
            String last = lastFired.get();
            throw new RuleExecutionException(last, whose + " did not come to rest after " + limit
                    + " firings; last rule fired: \"" + last + "\"", null);
        }
    }
}
