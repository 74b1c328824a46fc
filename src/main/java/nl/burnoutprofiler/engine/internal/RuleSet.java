package nl.burnoutprofiler.engine.internal;

import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

import nl.burnoutprofiler.engine.RuleInfo;
import nl.burnoutprofiler.engine.catalogue.Catalogue;

/**
 * A loaded rule set: the compiled rule base, its catalogue, version, rule descriptions keyed by rule name, and the
 * phases whose rules must fire (from {@code ruleset.properties}), and the catalogue's observation codes that no rule
 * reads (reported, not refused: such a code can be recorded but changes no outcome).
 * {@code precompiled} tells whether the rule base came from the build instead of compiling the files, and
 * {@code smokeTested} whether the smoke assessment already passed on exactly this rule base at build time. The
 * KieBase is shared by all evaluations and never changed after the build; sessions come from a pool, since a
 * session reset is cheaper than building a new one for every assessment. The {@code assembler} turns an
 * evaluation's conclusions into an outcome with this rule set's texts, prepared once.
 */
public record RuleSet(KieBase kieBase, Catalogue catalogue, String version, Map<String, RuleInfo> rules,
                      List<String> requiredPhases, List<String> unreadCodes, boolean precompiled, boolean smokeTested,
                      KieSessionsPool sessions, OutcomeAssembler assembler,
                      CollectingDeclarations collectingDeclarations) {

    /** Sessions kept ready: one per core covers a server thread pool; the pool grows when it must. */
    private static final int POOLED_SESSIONS = Runtime.getRuntime().availableProcessors();

    public RuleSet {
        rules = Map.copyOf(rules);
        requiredPhases = List.copyOf(requiredPhases);
        unreadCodes = List.copyOf(unreadCodes);
    }

    public RuleSet(KieBase kieBase, Catalogue catalogue, String version, Map<String, RuleInfo> rules,
                   List<String> requiredPhases, List<String> unreadCodes, boolean precompiled, boolean smokeTested) {
        this(kieBase, catalogue, version, rules, requiredPhases, unreadCodes, precompiled, smokeTested,
                kieBase.newKieSessionsPool(POOLED_SESSIONS), new OutcomeAssembler(catalogue, version, rules),
                new CollectingDeclarations());
    }
}
