package nl.burnoutprofiler.engine.team;

import java.util.List;

import nl.burnoutprofiler.engine.catalogue.Text;

/**
 * One thing an organisation can do about what recurs in a unit, and why.
 *
 * @param id        stable action id from {@code organisation/actions.json}, e.g. {@code ORG_WORKLOAD}
 * @param priority  lower comes first: the context before the basic needs, the needs before early signalling
 * @param title     what to do, Dutch and English
 * @param rationale why, Dutch and English
 * @param who       who acts
 * @param basedOn   the published cells that made the rules propose it, in signal order
 * @param sources   the works the knowledge comes from, as a reader cites them
 * @param rules     the ids of the rules that proposed it: the trace
 */
public record OrganisationAction(String id, int priority, Text title, Text rationale, List<Actor> who,
                                 List<ShownSignal> basedOn, List<String> sources, List<String> rules) {

    public OrganisationAction {
        who = List.copyOf(who);
        basedOn = List.copyOf(basedOn);
        sources = List.copyOf(sources);
        rules = List.copyOf(rules);
    }
}
