package nl.burnoutprofiler.engine;

/**
 * A problem in the rule set, located for the knowledge engineer who edits it.
 *
 * @param file   path relative to the rule folder, e.g. {@code presentation-contextual.drl}
 * @param line   1-based line, or 0 when the problem has no line
 * @param column 1-based column, or 0 when unknown
 * @param reason what is wrong
 */
public record RuleProblem(String file, int line, int column, String reason) {

    @Override
    public String toString() {
        StringBuilder at = new StringBuilder(file);
        if (line > 0) {
            at.append(':').append(line);
            if (column > 0) {
                at.append(':').append(column);
            }
        }
        return at + ": " + reason;
    }
}
