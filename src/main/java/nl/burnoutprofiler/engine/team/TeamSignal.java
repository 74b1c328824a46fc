package nl.burnoutprofiler.engine.team;

import java.util.Objects;

/**
 * One published cell of a team's signals: how many of the unit's cases show it, as the organisation may see it.
 * A cell of fewer cases than the unit's minimum is not shown at all: then {@code count} and {@code share} are 0 and
 * nothing may be concluded from it, not even that the signal occurs.
 *
 * @param kind  what is counted
 * @param code  an observation code, a presentation type or a stage, as in the contract
 * @param count the rounded number of cases, 0 when not shown
 * @param share the rounded count over the rounded number of cases (0..1), 0 when not shown
 * @param shown whether the count reaches the minimum and may be shown
 */
public record TeamSignal(SignalKind kind, String code, int count, double share, boolean shown) {

    public TeamSignal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        if (!shown && (count != 0 || share != 0)) {
            throw new IllegalArgumentException("a signal that is not shown carries no count: " + code);
        }
    }

    public static TeamSignal hidden(SignalKind kind, String code) {
        return new TeamSignal(kind, code, 0, 0, false);
    }
}
