package nl.burnoutprofiler.engine.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

import nl.burnoutprofiler.engine.RuleInfo;
import nl.burnoutprofiler.engine.catalogue.ActionText;
import nl.burnoutprofiler.engine.catalogue.Bibliography;

/**
 * The organisation rules of a rule set: a rule base of their own beside the client's, so that advising a team can
 * never change a client's assessment. Rules are keyed by rule name; the actions by id, in catalogue order.
 * {@code smokeTested} tells whether the smoke advice already passed on exactly this rule base at build time.
 */
public record OrganisationRuleSet(KieBase kieBase, Map<String, ActionText> actions, Map<String, RuleInfo> rules,
                                  String version, boolean precompiled, boolean smokeTested, KieSessionsPool sessions,
                                  TeamAdviceAssembler assembler) {

    /** A team is advised now and then, not thousands of times a second: a couple of ready sessions will do. */
    private static final int POOLED_SESSIONS = 2;

    public OrganisationRuleSet {
        actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
        rules = Map.copyOf(rules);
    }

    OrganisationRuleSet(KieBase kieBase, Map<String, ActionText> actions, Map<String, RuleInfo> rules,
                        Bibliography bibliography, String version, boolean precompiled, boolean smokeTested) {
        this(kieBase, actions, rules, version, precompiled, smokeTested, kieBase.newKieSessionsPool(POOLED_SESSIONS),
                new TeamAdviceAssembler(actions, bibliography, version));
    }
}
