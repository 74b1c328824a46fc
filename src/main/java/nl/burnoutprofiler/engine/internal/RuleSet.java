package nl.burnoutprofiler.engine.internal;

import java.util.Map;

import org.kie.api.KieBase;

import nl.burnoutprofiler.engine.RuleInfo;
import nl.burnoutprofiler.engine.catalogue.Catalogue;

/**
 * A loaded rule set: the compiled rule base, its catalogue, version and rule descriptions keyed by rule name.
 * {@code precompiled} tells whether the rule base came from the build instead of compiling the files. The
 * KieBase is shared by all evaluations and never changed after the build.
 */
public record RuleSet(KieBase kieBase, Catalogue catalogue, String version, Map<String, RuleInfo> rules,
                      boolean precompiled) {

    public RuleSet {
        rules = Map.copyOf(rules);
    }
}
