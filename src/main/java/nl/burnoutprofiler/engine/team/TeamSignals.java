package nl.burnoutprofiler.engine.team;

import java.util.List;
import java.util.Objects;

/**
 * What recurs across one organisational unit, already made safe to show: the input of the organisation rules.
 * Built only for units with at least {@code minimumCount} distinct cases; rules see the published cells only, so
 * an action never reveals a count that the page hides.
 *
 * @param unit         the pseudonymous unit label, e.g. {@code zorg-team-3}
 * @param cases        the rounded number of cases whose latest meeting is counted
 * @param minimumCount k: the fewest cases a unit or a cell must have to be shown (never below 5)
 * @param signals      every counted cell, shown or not
 */
public record TeamSignals(String unit, int cases, int minimumCount, List<TeamSignal> signals) {

    public static final int LEAST_MINIMUM = 5;

    public TeamSignals {
        Objects.requireNonNull(unit, "unit");
        if (minimumCount < LEAST_MINIMUM) {
            throw new IllegalArgumentException("minimumCount below " + LEAST_MINIMUM + ": " + minimumCount);
        }
        if (cases < minimumCount) {
            throw new IllegalArgumentException("a unit of fewer than " + minimumCount + " cases is never shown");
        }
        signals = List.copyOf(signals);
    }
}
