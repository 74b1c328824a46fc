package nl.burnoutprofiler.engine.team;

/** What a team signal counts, over the latest meeting of each case in a unit. */
public enum SignalKind {
    /** A work-context observation (catalogue group CONTEXT), present. */
    CONTEXT,
    /** A frustrated basic need (catalogue group BASIC_NEEDS), present. */
    BASIC_NEED,
    /** One of seed 000's five early signals of motivation erosion, present. */
    EARLY_SIGNAL,
    /** A named source of work stress (catalogue group STRESS_SOURCE), present. */
    STRESS_SOURCE,
    /** The primary presentation type of the case's outcome. */
    PRESENTATION_TYPE,
    /** The stage of change of the case's outcome. */
    STAGE
}
