package nl.burnoutprofiler.engine.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

import nl.burnoutprofiler.engine.RuleInfo;
import nl.burnoutprofiler.engine.facts.Propose;
import nl.burnoutprofiler.engine.team.TeamSignal;

/**
 * Listens to one team advice: each vote for an action, with the rule that cast it and the team signals that rule
 * matched. One instance per evaluation, never shared.
 */
final class TeamAdviceRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    /** A rule's vote for an action and the published cells it rests on. */
    record Vote(String action, String ruleId, String ruleName, List<TeamSignal> signals) {
    }

    private final Map<String, RuleInfo> rules;
    private final List<Vote> votes = new ArrayList<>();
    private List<TeamSignal> matched = List.of();
    private String firing;

    TeamAdviceRecorder(Map<String, RuleInfo> rules) {
        this.rules = rules;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        // A consequence inserts its votes while it runs: remember what this match rests on until then.
        List<TeamSignal> signals = new ArrayList<>();
        for (Object fact : event.getMatch().getObjects()) {
            collect(fact, signals);
        }
        matched = signals;
        firing = event.getMatch().getRule().getName();
    }

    private static void collect(Object fact, List<TeamSignal> into) {
        if (fact instanceof TeamSignal signal) {
            into.add(signal);
        } else if (fact instanceof Collection<?> many) {
            many.forEach(each -> collect(each, into));
        }
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getRule() != null && event.getObject() instanceof Propose propose) {
            votes.add(new Vote(propose.action(), idOf(event.getRule()), event.getRule().getName(), matched));
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Organisation rules only propose; they never update facts.
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // Organisation rules only propose; they never delete facts.
    }

    private String idOf(Rule rule) {
        RuleInfo info = rules.get(rule.getName());
        return info != null ? info.id() : rule.getName();
    }

    List<Vote> votes() {
        return votes;
    }

    /** Name of the rule firing or fired last, or null before any did. */
    String lastFiredRule() {
        return firing;
    }
}
