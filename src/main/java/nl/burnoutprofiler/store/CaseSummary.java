package nl.burnoutprofiler.store;

/**
 * A case in a list: its coach, how many meetings it has, and the latest version of its most recent meeting (newest
 * date; among meetings of one date the last one stored).
 */
public record CaseSummary(String caseId, String coach, String coachName, int meetings, StoredIntake latest) {
}
