package nl.burnoutprofiler.engine.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.kie.api.runtime.rule.Match;

/**
 * Per rule of one rule set, the declarations that hold what an accumulate collected (such as {@code $codes}): the
 * explanation records their values. Which they are is fixed by the rule's text, so each rule's declarations are
 * looked at once, at its first firing, and not at every firing after. Thread-safe.
 */
final class CollectingDeclarations {

    private final Map<String, List<String>> byRule = new ConcurrentHashMap<>();

    /** The declarations of the match's rule whose values are collections. */
    List<String> of(Match match) {
        List<String> known = byRule.get(match.getRule().getName());
        if (known != null) {
            return known;
        }
        List<String> collecting = new ArrayList<>();
        for (String declaration : match.getDeclarationIds()) {
            if (match.getDeclarationValue(declaration) instanceof Collection<?>) {
                collecting.add(declaration);
            }
        }
        List<String> fixed = List.copyOf(collecting);
        byRule.putIfAbsent(match.getRule().getName(), fixed);
        return fixed;
    }
}
