package nl.burnoutprofiler.engine.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import nl.burnoutprofiler.engine.RuleProblem;
import nl.burnoutprofiler.engine.catalogue.ActionText;
import nl.burnoutprofiler.engine.catalogue.Bibliography;

/** Reads and checks {@code organisation/actions.json}, the texts of the organisation's actions. */
final class ActionCatalogueReader {

    static final String ACTIONS = RuleSetFiles.ORGANISATION_FOLDER + "actions.json";
    private static final Pattern ACTION_ID = Pattern.compile("ORG_[A-Z0-9]+(_[A-Z0-9]+)*");

    record ActionsFile(List<ActionText> actions) {
    }

    private ActionCatalogueReader() {
    }

    /** The actions by id, in file order, or null when {@code problems} gained a reason. */
    static Map<String, ActionText> read(RuleSetFiles files, Bibliography bibliography, List<RuleProblem> problems) {
        ActionsFile file = CatalogueReader.parse(files, ACTIONS, ActionsFile.class, problems);
        if (file == null) {
            return null;
        }
        List<RuleProblem> found = new ArrayList<>();
        Map<String, ActionText> actions = new LinkedHashMap<>();
        for (ActionText action : file.actions() == null ? List.<ActionText>of() : file.actions()) {
            if (action == null || action.id() == null || !ACTION_ID.matcher(action.id()).matches()) {
                found.add(problem("action id " + (action == null ? null : action.id())
                        + " is not of the form ORG_UPPER_SNAKE"));
            } else if (actions.putIfAbsent(action.id(), action) != null) {
                found.add(problem("action " + action.id() + " appears twice"));
            } else {
                check(action, bibliography, found);
            }
        }
        if (actions.isEmpty() && found.isEmpty()) {
            found.add(problem("names no action"));
        }
        problems.addAll(found);
        return found.isEmpty() ? actions : null;
    }

    private static void check(ActionText action, Bibliography bibliography, List<RuleProblem> found) {
        String id = action.id();
        requireText(id, "its Dutch title (nl)", action.nl(), found);
        requireText(id, "its English title (en)", action.en(), found);
        requireText(id, "its Dutch rationale (rationaleNl)", action.rationaleNl(), found);
        requireText(id, "its English rationale (rationaleEn)", action.rationaleEn(), found);
        if (action.priority() < 0) {
            found.add(problem("action " + id + " has a negative priority"));
        }
        if (action.who() == null || action.who().isEmpty() || action.who().contains(null)) {
            found.add(problem("action " + id + " must say who acts (who: LEADERSHIP, TEAM, HR_OCCUPATIONAL_HEALTH)"));
        }
        if (action.sources() == null || action.sources().isEmpty()) {
            found.add(problem("action " + id + " names no source"));
            return;
        }
        // An organisation reads works, never a seed file and its line numbers.
        for (String source : action.sources()) {
            if (source == null || bibliography.workOf(source).isEmpty()) {
                found.add(problem("source \"" + source + "\" of " + id + " cites no work of "
                        + CatalogueReader.SOURCES + "; add the work there"));
            }
        }
    }

    private static void requireText(String id, String what, String text, List<RuleProblem> found) {
        if (text == null || text.isBlank()) {
            found.add(problem("action " + id + " lacks " + what));
        }
    }

    private static RuleProblem problem(String reason) {
        return new RuleProblem(ACTIONS, 0, 0, reason);
    }
}
