package nl.burnoutprofiler.engine.team;

import java.util.List;

/**
 * What the organisation rules advise for one unit: actions in a fixed order (priority, then id). Empty when
 * nothing in the published cells recurs enough to act on.
 *
 * @param unit           the unit's pseudonymous label, as in the team signals
 * @param ruleSetVersion the rule set that produced the advice
 * @param actions        the actions, each with its reasons
 */
public record TeamAdvice(String unit, String ruleSetVersion, List<OrganisationAction> actions) {

    public TeamAdvice {
        actions = List.copyOf(actions);
    }
}
