package nl.burnoutprofiler.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.Observation;
import nl.burnoutprofiler.engine.Outcome;
import nl.burnoutprofiler.engine.RuleExecutionException;
import nl.burnoutprofiler.engine.RuleInfo;
import nl.burnoutprofiler.engine.RuleProblem;
import nl.burnoutprofiler.engine.RuleSetException;
import nl.burnoutprofiler.engine.Rulers;
import nl.burnoutprofiler.engine.catalogue.ObservationCode;

/**
 * Runs a new rule set on intakes that reach the rules' conditions: every code strong, every code checked absent,
 * nothing at all, and two halves of the catalogue each present with the other half absent. mvel finds some type
 * errors only on a rule's first match, so a rule set that cannot survive these is refused at load rather than on
 * a client's intake. And every required phase must have fired on at least one of them: a set whose avoid rules
 * never fire would serve outcomes without "what to avoid".
 */
public final class SmokeAssessment {

    private SmokeAssessment() {
    }

    /** @throws RuleSetException naming the rule that failed, or each required phase that never fired */
    public static void run(RuleSet ruleSet) {
        Set<String> firedRuleIds = new HashSet<>();
        for (Intake probe : probes(ruleSet)) {
            Outcome outcome;
            try {
                outcome = Evaluation.run(ruleSet, probe);
            } catch (RuntimeException e) {
                throw new RuleSetException(List.of(failure(ruleSet, probe, e)), e);
            }
            outcome.trace().forEach(entry -> firedRuleIds.add(entry.rule()));
        }
        List<RuleProblem> silent = silentPhases(ruleSet, firedRuleIds);
        if (!silent.isEmpty()) {
            throw new RuleSetException(silent);
        }
    }

    private static List<Intake> probes(RuleSet ruleSet) {
        List<ObservationCode> codes = ruleSet.catalogue().codes();
        List<Intake> probes = new ArrayList<>();
        probes.add(Intake.of("smoke-all-strong", codes.stream().map(c -> Observation.present(c.code(), 3)).toList(),
                new Rulers(10, 0, 5)));
        probes.add(Intake.of("smoke-all-absent", codes.stream().map(c -> Observation.absent(c.code())).toList(),
                new Rulers(0, 10, 10)));
        probes.add(Intake.of("smoke-empty", List.of(), Rulers.NONE));
        for (int half = 0; half < 2; half++) {
            List<Observation> observations = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                String code = codes.get(i).code();
                observations.add(i % 2 == half ? Observation.present(code, 1 + i % 3) : Observation.absent(code));
            }
            probes.add(Intake.of("smoke-half-" + half, observations, new Rulers(5, 5, 5)));
        }
        return probes;
    }

    private static RuleProblem failure(RuleSet ruleSet, Intake probe, RuntimeException e) {
        RuleInfo rule = e instanceof RuleExecutionException failed && failed.ruleName() != null
                ? ruleSet.rules().get(failed.ruleName()) : null;
        return rule != null
                ? new RuleProblem(rule.file(), rule.line(), 0, "rule " + rule.id() + " fails on intake "
                + probe.caseId() + ": " + rootMessage(e))
                : new RuleProblem("(rule set)", 0, 0, "smoke assessment " + probe.caseId() + " failed: "
                + rootMessage(e));
    }

    private static List<RuleProblem> silentPhases(RuleSet ruleSet, Set<String> firedRuleIds) {
        Map<String, Integer> rulesPerFile = new HashMap<>();
        Set<String> filesThatFired = new HashSet<>();
        for (RuleInfo rule : ruleSet.rules().values()) {
            rulesPerFile.merge(rule.file(), 1, Integer::sum);
            if (firedRuleIds.contains(rule.id())) {
                filesThatFired.add(rule.file());
            }
        }
        List<RuleProblem> problems = new ArrayList<>();
        for (String phase : ruleSet.requiredPhases()) {
            String file = RuleSetManifest.phaseFile(phase);
            int rules = rulesPerFile.getOrDefault(file, 0);
            if (rules == 0) {
                problems.add(new RuleProblem(file, 0, 0, "required phase " + phase + " has no rules"));
            } else if (!filesThatFired.contains(file)) {
                problems.add(new RuleProblem(file, 0, 0, "required phase " + phase + ": "
                        + (rules == 1 ? "its one rule did not fire" : "none of its " + rules + " rules fired")
                        + " on any intake of the smoke assessment"));
            }
        }
        return problems;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
