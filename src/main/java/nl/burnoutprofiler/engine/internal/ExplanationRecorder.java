package nl.burnoutprofiler.engine.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;
import org.kie.internal.event.rule.RuleEventListener;

import nl.burnoutprofiler.engine.Outcome.TraceEntry;
import nl.burnoutprofiler.engine.RuleInfo;

/**
 * Listens to one evaluation: which rule fired with which facts, and which rule inserted which conclusion. While the
 * rules run it only keeps references (the rule, the matched facts, what an accumulate collected); the text of the
 * trace is rendered once, when the outcome is assembled, and not at all for a compact outcome. One instance per
 * evaluation, never shared.
 *
 * <p>It hears firings as a {@link RuleEventListener}, the hook Drools itself uses for rule units, rather than as an
 * {@code AgendaEventListener}: that one makes the session build an event object for every match created, cancelled
 * and about to fire and for every agenda group pushed and popped, of which only the fired ones matter here.
 */
final class ExplanationRecorder implements RuleEventListener, RuleRuntimeEventListener {

    /** A conclusion and the id of the rule that inserted it. */
    record Conclusion(Object fact, String ruleId) {
    }

    /** A rule that fired, with the facts it matched and the values its accumulates collected, not yet rendered. */
    record Firing(RuleInfo rule, Object[] facts, Object[] collected) {
    }

    private static final Object[] NOTHING_COLLECTED = new Object[0];

    private final Map<String, RuleInfo> rules;
    private final CollectingDeclarations collecting;
    private final List<Firing> firings = new ArrayList<>();
    private final List<Conclusion> conclusions = new ArrayList<>();
    private String lastFiredRule;

    ExplanationRecorder(Map<String, RuleInfo> rules, CollectingDeclarations collecting) {
        this.rules = rules;
        this.collecting = collecting;
    }

    @Override
    public void onAfterMatchFire(Match match) {
        // An accumulate matches no single fact; what it collected is bound to a declaration such as $codes.
        List<String> declarations = collecting.of(match);
        Object[] collected = declarations.isEmpty() ? NOTHING_COLLECTED : new Object[declarations.size()];
        for (int i = 0; i < declarations.size(); i++) {
            if (match.getDeclarationValue(declarations.get(i)) instanceof Collection<?> values) {
                collected[i] = snapshot(values);
            }
        }
        Object[] facts = match.getObjects().toArray();
        for (int i = 0; i < facts.length; i++) {
            if (facts[i] instanceof Collection<?> values) {
                facts[i] = snapshot(values);
            }
        }
        lastFiredRule = match.getRule().getName();
        firings.add(new Firing(info(match.getRule()), facts, collected));
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

    /** What an accumulate collected as it was when the rule fired: its list may change as the session goes on. */
    private static List<Object> snapshot(Collection<?> values) {
        return Arrays.asList(values.toArray());
    }

    private RuleInfo info(Rule rule) {
        RuleInfo info = rules.get(rule.getName());
        return info != null ? info : new RuleInfo(rule.getName(), rule.getName(), rule.getName(), "", "?", 0);
    }

    /** Name of the rule that fired last, or null before any did. */
    String lastFiredRule() {
        return lastFiredRule;
    }

    /** The ids of the rules that fired, in order: the trace of a compact outcome. */
    List<String> firedRuleIds() {
        List<String> ids = new ArrayList<>(firings.size());
        for (Firing firing : firings) {
            ids.add(firing.rule().id());
        }
        return ids;
    }

    /**
     * The trace as a reader sees it: per firing, the rule and the facts it rests on. A fact matched by many rules
     * (an observation, a score) is rendered once.
     */
    List<TraceEntry> trace() {
        Map<Object, String> rendered = new IdentityHashMap<>();
        List<TraceEntry> trace = new ArrayList<>(firings.size());
        for (Firing firing : firings) {
            List<String> facts = new ArrayList<>();
            for (Object fact : firing.facts()) {
                describe(fact, facts, rendered);
            }
            for (Object values : firing.collected()) {
                if (values != null) {
                    describe(values, facts, rendered);
                }
            }
            RuleInfo rule = firing.rule();
            trace.add(new TraceEntry(rule.id(), rule.title(), rule.titleEn(), List.copyOf(facts)));
        }
        sortRepeatedFirings(trace);
        return trace;
    }

    /**
     * Orders the firings of one rule that follow each other by the facts they matched. In which order one rule's
     * matches fire is up to the engine (a rule base compiled at load and a precompiled one differ), and the trace must
     * not depend on it; the order between different rules stays the order they fired in.
     */
    private static void sortRepeatedFirings(List<TraceEntry> trace) {
        int start = 0;
        while (start < trace.size()) {
            int end = start + 1;
            while (end < trace.size() && trace.get(end).rule().equals(trace.get(start).rule())) {
                end++;
            }
            if (end - start > 1) {
                sortByFacts(trace.subList(start, end));
            }
            start = end;
        }
    }

    private static void sortByFacts(List<TraceEntry> firings) {
        record Keyed(String key, TraceEntry entry) {
        }
        List<Keyed> keyed = new ArrayList<>(firings.size());
        for (TraceEntry entry : firings) {
            keyed.add(new Keyed(String.join("\n", entry.facts()), entry));
        }
        keyed.sort(Comparator.comparing(Keyed::key));
        for (int i = 0; i < keyed.size(); i++) {
            firings.set(i, keyed.get(i).entry());
        }
    }

    /** Keeps what a reader can understand: observations, rulers, conclusions and collected codes. */
    private static void describe(Object fact, List<String> into, Map<Object, String> rendered) {
        if (fact instanceof Collection<?> many) {
            for (Object each : many) {
                describe(each, into, rendered);
            }
        } else if (fact instanceof String text) {
            addOnce(text, into);
        } else if (fact instanceof Record) {
            addOnce(rendered.computeIfAbsent(fact, Object::toString), into);
        }
    }

    /** A firing matches a handful of facts: a look along the list is cheaper than hashing each text. */
    private static void addOnce(String text, List<String> into) {
        if (!into.contains(text)) {
            into.add(text);
        }
    }

    List<Conclusion> conclusions() {
        return conclusions;
    }
}
