package nl.burnoutprofiler.engine.facts;

import nl.burnoutprofiler.engine.Stage;

/**
 * The stage of change the previous meeting concluded, as the intake recorded it.
 *
 * @param stage one of the six real stages
 */
public record PreviousStage(Stage stage) {

    /**
     * Whether {@code now} lies earlier in the cycle than this stage: a client who was acting and is now weighing
     * change again has gone back. Relapse itself has no place in that order, so it is never earlier or later.
     */
    public boolean isLaterThan(Stage now) {
        return order(now) >= 0 && order(stage) > order(now);
    }

    private static int order(Stage stage) {
        return switch (stage) {
            case PRECONTEMPLATION -> 0;
            case CONTEMPLATION -> 1;
            case PREPARATION -> 2;
            case ACTION -> 3;
            case MAINTENANCE -> 4;
            case RELAPSE, UNDETERMINED -> -1;
        };
    }

    @Override
    public String toString() {
        return "previous stage " + stage;
    }
}
