package nl.burnoutprofiler.batch;

import java.util.List;

import nl.burnoutprofiler.engine.FieldProblem;

/**
 * An input line that was not assessed, with every problem found in it.
 *
 * @param lineNumber the line's number in the input, counting from 1 (blank lines count too)
 * @param problems   what is wrong, as for a single intake: field, value and reason
 */
public record RejectedLine(long lineNumber, List<FieldProblem> problems) {

    public RejectedLine {
        problems = List.copyOf(problems);
    }

    /** One message per problem, e.g. {@code line 17: observations[2].intensity = 7: must be 1 (slight), ...}. */
    public List<String> messages() {
        return problems.stream().map(problem -> "line " + lineNumber + ": " + problem).toList();
    }
}
