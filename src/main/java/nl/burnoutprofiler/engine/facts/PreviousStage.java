package nl.burnoutprofiler.engine.facts;

import java.util.List;

import nl.burnoutprofiler.engine.Stage;

/**
 * The stage of change the previous meeting concluded, as the intake recorded it.
 *
 * @param stage         one of the six real stages
 * @param earlierStages the stages earlier in the cycle: a client who was acting and is now weighing change again
 *                      has gone back. Rules bind it and test {@code StageChoice( stage memberOf $earlier )}.
 */
public record PreviousStage(Stage stage, List<Stage> earlierStages) {

    /** The stages of the cycle in order; relapse has no place in it, so it is never earlier or later. */
    private static final List<Stage> CYCLE =
            List.of(Stage.PRECONTEMPLATION, Stage.CONTEMPLATION, Stage.PREPARATION, Stage.ACTION, Stage.MAINTENANCE);

    public static PreviousStage of(Stage stage) {
        int position = CYCLE.indexOf(stage);
        return new PreviousStage(stage, position < 0 ? List.of() : CYCLE.subList(0, position));
    }

    @Override
    public String toString() {
        return "previous stage " + stage;
    }
}
