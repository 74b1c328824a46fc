package nl.burnoutprofiler.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The rule set could not be loaded: syntax, unknown code, missing metadata, or a failing smoke assessment. */
public class RuleSetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleProblem> problems;

    public RuleSetException(List<RuleProblem> problems) {
        this(problems, null);
    }

    public RuleSetException(List<RuleProblem> problems, Throwable cause) {
        super("rule set refused:\n  " + problems.stream().map(RuleProblem::toString)
                .collect(Collectors.joining("\n  ")), cause);
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
