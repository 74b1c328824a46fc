package nl.burnoutprofiler.engine.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;

import nl.burnoutprofiler.engine.Outcome.TraceEntry;
import nl.burnoutprofiler.engine.RuleInfo;

/**
 * Listens to one evaluation: which rule fired with which facts, and which rule inserted which conclusion.
 * One instance per evaluation, never shared.
 */
final class ExplanationRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    /** A conclusion and the id of the rule that inserted it. */
    record Conclusion(Object fact, String ruleId) {
    }

    private final Map<String, RuleInfo> rules;
    private final List<TraceEntry> trace = new ArrayList<>();
    private final List<Conclusion> conclusions = new ArrayList<>();
    private String lastFiredRule;

    ExplanationRecorder(Map<String, RuleInfo> rules) {
        this.rules = rules;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        Match match = event.getMatch();
        lastFiredRule = match.getRule().getName();
        RuleInfo info = info(match.getRule());
        Set<String> facts = new LinkedHashSet<>();
        for (Object fact : match.getObjects()) {
            describe(fact, facts);
        }
        // An accumulate matches no single fact; what it collected is bound to a declaration such as $codes.
        for (String declaration : match.getDeclarationIds()) {
            if (match.getDeclarationValue(declaration) instanceof Collection<?> collected) {
                collected.forEach(value -> describe(value, facts));
            }
        }
        trace.add(new TraceEntry(info.id(), info.title(), info.titleEn(), List.copyOf(facts)));
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getRule() != null) {
            conclusions.add(new Conclusion(event.getObject(), info(event.getRule()).id()));
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Rules add conclusions; they never update facts.
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // Rules add conclusions; they never delete facts.
    }

    private RuleInfo info(Rule rule) {
        RuleInfo info = rules.get(rule.getName());
        return info != null ? info : new RuleInfo(rule.getName(), rule.getName(), rule.getName(), "", "?", 0);
    }

    /** Keeps what a reader can understand: observations, rulers, conclusions and collected codes. */
    private static void describe(Object fact, Set<String> into) {
        if (fact instanceof Collection<?> many) {
            many.forEach(f -> describe(f, into));
        } else if (fact instanceof String || fact instanceof Record) {
            into.add(fact.toString());
        }
    }

    /** Name of the rule that fired last, or null before any did. */
    String lastFiredRule() {
        return lastFiredRule;
    }

    List<TraceEntry> trace() {
        return trace;
    }

    List<Conclusion> conclusions() {
        return conclusions;
    }
}
