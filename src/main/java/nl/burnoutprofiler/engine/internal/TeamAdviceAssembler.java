package nl.burnoutprofiler.engine.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import nl.burnoutprofiler.engine.RuleExecutionException;
import nl.burnoutprofiler.engine.catalogue.ActionText;
import nl.burnoutprofiler.engine.catalogue.Bibliography;
import nl.burnoutprofiler.engine.catalogue.Text;
import nl.burnoutprofiler.engine.internal.TeamAdviceRecorder.Vote;
import nl.burnoutprofiler.engine.team.OrganisationAction;
import nl.burnoutprofiler.engine.team.ShownSignal;
import nl.burnoutprofiler.engine.team.TeamAdvice;
import nl.burnoutprofiler.engine.team.TeamSignal;

/**
 * Merges the votes of one team advice into actions: one per action id, with every voting rule and every cell they
 * matched, the catalogue's texts, and a fixed order (priority, then id). It decides nothing the rules could decide.
 */
final class TeamAdviceAssembler {

    private static final Comparator<ShownSignal> SIGNAL_ORDER = Comparator.comparing(ShownSignal::kind)
            .thenComparing(ShownSignal::code).thenComparingDouble(ShownSignal::share);

    /** The fixed part of each action, prepared once per rule set. */
    private record Prepared(ActionText text, Text title, Text rationale, List<String> sources) {
    }

    private final Map<String, Prepared> actions = new HashMap<>();
    private final String version;

    TeamAdviceAssembler(Map<String, ActionText> actions, Bibliography bibliography, String version) {
        this.version = version;
        actions.forEach((id, text) -> this.actions.put(id, new Prepared(text, new Text(text.nl(), text.en()),
                new Text(text.rationaleNl(), text.rationaleEn()), bibliography.readable(text.sources()))));
    }

    TeamAdvice assemble(String unit, List<Vote> votes) {
        Map<String, TreeSet<String>> rules = new HashMap<>();
        Map<String, TreeSet<ShownSignal>> basedOn = new HashMap<>();
        for (Vote vote : votes) {
            if (!actions.containsKey(vote.action())) {
                throw new RuleExecutionException(vote.ruleName(), "rule " + vote.ruleId() + " proposes action "
                        + vote.action() + ", which is not in " + ActionCatalogueReader.ACTIONS, null);
            }
            rules.computeIfAbsent(vote.action(), id -> new TreeSet<>()).add(vote.ruleId());
            TreeSet<ShownSignal> signals = basedOn.computeIfAbsent(vote.action(), id -> new TreeSet<>(SIGNAL_ORDER));
            for (TeamSignal signal : vote.signals()) {
                signals.add(new ShownSignal(signal.kind(), signal.code(), signal.share()));
            }
        }
        List<OrganisationAction> proposed = new ArrayList<>(rules.size());
        rules.forEach((id, voters) -> {
            Prepared action = actions.get(id);
            proposed.add(new OrganisationAction(id, action.text().priority(), action.title(), action.rationale(),
                    action.text().who(), List.copyOf(basedOn.get(id)), action.sources(), List.copyOf(voters)));
        });
        proposed.sort(Comparator.comparingInt(OrganisationAction::priority).thenComparing(OrganisationAction::id));
        return new TeamAdvice(unit, version, proposed);
    }
}
