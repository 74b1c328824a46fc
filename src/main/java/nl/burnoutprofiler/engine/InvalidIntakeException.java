package nl.burnoutprofiler.engine;

import java.util.List;
import java.util.stream.Collectors;

/** An intake was refused before any rule ran. Lists every problem found, not only the first. */
public class InvalidIntakeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    public InvalidIntakeException(List<FieldProblem> problems) {
        super("invalid intake: " + problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
