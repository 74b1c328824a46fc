package nl.burnoutprofiler.engine.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.burnoutprofiler.engine.PresentationType;
import nl.burnoutprofiler.engine.RuleInfo;
import nl.burnoutprofiler.engine.RuleProblem;
import nl.burnoutprofiler.engine.RuleSetException;
import nl.burnoutprofiler.engine.Stage;
import nl.burnoutprofiler.engine.catalogue.ActionText;
import nl.burnoutprofiler.engine.catalogue.Catalogue;

/** The checks that are particular to the organisation rules, beside those every rule file gets. */
final class OrganisationRules {

    private OrganisationRules() {
    }

    /**
     * The action catalogue of a set with organisation rules, with every quoted identifier of those rules checked
     * against it; empty for a set without organisation rules. Problems found are added to {@code problems}.
     */
    static Map<String, ActionText> actions(RuleSetFiles files, Catalogue catalogue, List<RuleProblem> problems) {
        Map<String, String> ruleFiles = files.organisationRuleFiles();
        if (ruleFiles.isEmpty()) {
            if (files.files().containsKey(ActionCatalogueReader.ACTIONS)) {
                problems.add(new RuleProblem(ActionCatalogueReader.ACTIONS, 0, 0, "there are no organisation rules "
                        + "to propose these actions: name their files in organisation.files= of "
                        + RuleSetFiles.MARKER));
            }
            return Map.of();
        }
        Map<String, ActionText> actions = ActionCatalogueReader.read(files, catalogue.bibliography(), problems);
        if (actions != null) {
            Set<String> typesAndStages = new HashSet<>();
            for (PresentationType type : PresentationType.values()) {
                typesAndStages.add(type.name());
            }
            for (Stage stage : Stage.values()) {
                typesAndStages.add(stage.name());
            }
            problems.addAll(RuleSetLoader.unknownIdentifiers(ruleFiles,
                    id -> catalogue.hasCode(id) || actions.containsKey(id) || typesAndStages.contains(id),
                    "is not an observation code, presentation type, stage, or action of "
                            + ActionCatalogueReader.ACTIONS));
        }
        return actions;
    }

    /** A rule id names one rule of the whole set: the trace of an action must never be read as a client's rule. */
    static void refuseIdsOfClientRules(Map<String, RuleInfo> organisationRules, Map<String, RuleInfo> clientRules) {
        Set<String> clientIds = new HashSet<>();
        clientRules.values().forEach(rule -> clientIds.add(rule.id()));
        List<RuleProblem> problems = new ArrayList<>();
        organisationRules.values().stream().filter(rule -> clientIds.contains(rule.id())).forEach(rule ->
                problems.add(new RuleProblem(rule.file(), rule.line(), 0, "rule id " + rule.id()
                        + " is also used by a client rule")));
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
    }
}
