package nl.burnoutprofiler.engine.internal;

import java.util.ArrayList;
import java.util.List;

import nl.burnoutprofiler.engine.PresentationType;
import nl.burnoutprofiler.engine.RuleExecutionException;
import nl.burnoutprofiler.engine.RuleInfo;
import nl.burnoutprofiler.engine.RuleProblem;
import nl.burnoutprofiler.engine.RuleSetException;
import nl.burnoutprofiler.engine.Stage;
import nl.burnoutprofiler.engine.catalogue.Catalogue;
import nl.burnoutprofiler.engine.catalogue.ObservationCode;
import nl.burnoutprofiler.engine.team.SignalKind;
import nl.burnoutprofiler.engine.team.TeamSignal;
import nl.burnoutprofiler.engine.team.TeamSignals;

/**
 * Runs new organisation rules on teams that reach every condition: every code, type and stage published under
 * every kind of signal at full share, nothing published at all, and two halves at half share. A rule that fails on
 * one of them refuses the rule set at load, not on an organisation's page.
 */
public final class OrganisationSmoke {

    private static final int CASES = 10;

    private OrganisationSmoke() {
    }

    /** @throws RuleSetException naming the file and line of the rule that failed */
    public static void run(OrganisationRuleSet rules, Catalogue catalogue) {
        for (TeamSignals probe : probes(catalogue)) {
            try {
                TeamEvaluation.run(rules, probe);
            } catch (RuntimeException e) {
                throw new RuleSetException(List.of(failure(rules, probe, e)), e);
            }
        }
    }

    private static List<TeamSignals> probes(Catalogue catalogue) {
        List<String> codes = new ArrayList<>();
        catalogue.codes().stream().map(ObservationCode::code).forEach(codes::add);
        for (PresentationType type : PresentationType.values()) {
            codes.add(type.name());
        }
        for (Stage stage : Stage.values()) {
            codes.add(stage.name());
        }
        List<TeamSignal> all = new ArrayList<>();
        List<List<TeamSignal>> halves = List.of(new ArrayList<>(), new ArrayList<>());
        for (SignalKind kind : SignalKind.values()) {
            for (int i = 0; i < codes.size(); i++) {
                all.add(new TeamSignal(kind, codes.get(i), CASES, 1.0, true));
                halves.get(i % 2).add(new TeamSignal(kind, codes.get(i), CASES / 2, 0.5, true));
            }
        }
        return List.of(new TeamSignals("smoke-all", CASES, TeamSignals.LEAST_MINIMUM, all),
                new TeamSignals("smoke-none", CASES, TeamSignals.LEAST_MINIMUM, List.of()),
                new TeamSignals("smoke-half-0", CASES, TeamSignals.LEAST_MINIMUM, halves.get(0)),
                new TeamSignals("smoke-half-1", CASES, TeamSignals.LEAST_MINIMUM, halves.get(1)));
    }

    private static RuleProblem failure(OrganisationRuleSet rules, TeamSignals probe, RuntimeException e) {
        RuleInfo rule = e instanceof RuleExecutionException failed && failed.ruleName() != null
                ? rules.rules().get(failed.ruleName()) : null;
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root == e ? e.getMessage() : root.getClass().getSimpleName() + ": " + root.getMessage();
        return rule != null
                ? new RuleProblem(rule.file(), rule.line(), 0, "rule " + rule.id() + " fails on team " + probe.unit()
                + ": " + reason)
                : new RuleProblem("(organisation rules)", 0, 0, "smoke advice " + probe.unit() + " failed: " + reason);
    }
}
