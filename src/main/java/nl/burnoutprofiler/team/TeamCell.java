package nl.burnoutprofiler.team;

import nl.burnoutprofiler.engine.team.SignalKind;

/**
 * One figure of a team view: how many of the counted cases show a signal, as the organisation may see it.
 *
 * @param count the rounded count, or null when it is below the minimum ("< k")
 * @param share the rounded count over the rounded number of cases, in percent; null with the count
 */
public record TeamCell(SignalKind kind, String code, Integer count, Integer share) {

    public boolean shown() {
        return count != null;
    }
}
