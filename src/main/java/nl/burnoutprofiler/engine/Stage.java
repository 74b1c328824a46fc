package nl.burnoutprofiler.engine;

import java.util.List;

/** Stage of change (seed 004, chapter 3), or {@code UNDETERMINED} when the markers do not settle it. */
public enum Stage {
    PRECONTEMPLATION, CONTEMPLATION, PREPARATION, ACTION, MAINTENANCE, RELAPSE, UNDETERMINED;

    /** The six real stages, in the order of the change cycle. Rules iterate over this list. */
    public static final List<Stage> STAGES =
            List.of(PRECONTEMPLATION, CONTEMPLATION, PREPARATION, ACTION, MAINTENANCE, RELAPSE);
}
