package nl.burnoutprofiler.engine.team;

/**
 * A published cell that an organisational action rests on, with the share the organisation sees beside it. Only
 * shown cells ever appear here.
 *
 * @param kind  what is counted
 * @param code  the observation code, presentation type or stage
 * @param share the share of the unit's cases, as published (0..1)
 */
public record ShownSignal(SignalKind kind, String code, double share) {
}
