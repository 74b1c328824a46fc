package nl.burnoutprofiler.engine.facts;

import nl.burnoutprofiler.engine.PresentationType;

/**
 * A rule's vote for a recommendation. Votes for the same id are merged: the most urgent priority wins and
 * every voting rule is named.
 *
 * @param id       recommendation id from the advice catalogue
 * @param forType  the presentation type it serves, or null when it serves the stage or a need
 * @param priority lower comes first; referrals use 0–8, restoring choice under reactance 9, type first steps 10–39,
 *                 methods 40–69, needs 70+
 */
public record Recommend(String id, PresentationType forType, int priority) {

    public static Recommend of(String id, int priority) {
        return new Recommend(id, null, priority);
    }

    @Override
    public String toString() {
        return "recommend " + id + " (priority " + priority + ")";
    }
}
