package nl.burnoutprofiler.team;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.burnoutprofiler.engine.team.TeamSignal;
import nl.burnoutprofiler.engine.team.TeamSignals;

/**
 * What the organisation sees of one unit: the signals over the latest meeting of each case, and their course per
 * quarter. Nothing in it names or counts fewer than the minimum of cases.
 *
 * @param current the latest meeting of each case
 * @param course  per quarter, oldest first
 */
public record TeamView(String unit, int minimumCount, TeamPeriod current, List<TeamPeriod> course) {

    public TeamView {
        course = List.copyOf(course);
    }

    /** The current view as the organisation rules read it; empty when the unit is not shown. */
    public Optional<TeamSignals> signals() {
        if (!current.shown()) {
            return Optional.empty();
        }
        List<TeamSignal> signals = new ArrayList<>();
        for (TeamCell cell : current.cells()) {
            signals.add(cell.shown()
                    ? new TeamSignal(cell.kind(), cell.code(), cell.count(), cell.share() / 100.0, true)
                    : TeamSignal.hidden(cell.kind(), cell.code()));
        }
        return Optional.of(new TeamSignals(unit, current.cases(), minimumCount, signals));
    }
}
