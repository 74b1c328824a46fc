package nl.burnoutprofiler.engine;

/** A rule failed while assessing, or the rules did not come to rest. A fault of the rule set, not of the intake. */
public class RuleExecutionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String ruleName;

    public RuleExecutionException(String ruleName, String message, Throwable cause) {
        super(message, cause);
        this.ruleName = ruleName;
    }

    /** Name of the rule that failed, or null when it is not known. */
    public String ruleName() {
        return ruleName;
    }
}
