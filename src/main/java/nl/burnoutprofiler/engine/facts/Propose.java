package nl.burnoutprofiler.engine.facts;

/**
 * An organisation rule's vote for an action. Votes for the same action merge: every voting rule is named, and the
 * team signals each matched are what the action is based on.
 *
 * @param action action id from {@code organisation/actions.json}
 */
public record Propose(String action) {

    public static Propose of(String action) {
        return new Propose(action);
    }

    @Override
    public String toString() {
        return "propose " + action;
    }
}
