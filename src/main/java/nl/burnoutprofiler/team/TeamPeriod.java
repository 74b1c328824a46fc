package nl.burnoutprofiler.team;

import java.util.List;

/**
 * The signals of a unit over one population: every case's latest meeting (the current view), or its latest meeting
 * within one quarter (the course).
 *
 * @param period "current" or a quarter such as 2026-Q3
 * @param shown  whether the population has at least the minimum number of cases; when not, there is nothing else
 * @param cases  the rounded number of cases, 0 when not shown
 * @param cells  every counted signal, shown or not; empty when the period is not shown
 */
public record TeamPeriod(String period, boolean shown, int cases, List<TeamCell> cells) {

    public TeamPeriod {
        cells = List.copyOf(cells);
    }

    static TeamPeriod hidden(String period) {
        return new TeamPeriod(period, false, 0, List.of());
    }
}
