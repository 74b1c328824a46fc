package nl.burnoutprofiler.batch;

/**
 * A batch run stopped because assessing a valid line failed: a fault of the rule set (a
 * {@link nl.burnoutprofiler.engine.RuleExecutionException} as cause), not of the input. Outcomes of the lines
 * before it have been written.
 */
public class BatchFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long lineNumber;

    public BatchFailedException(long lineNumber, Throwable cause) {
        super("line " + lineNumber + ": the assessment failed (" + cause.getClass().getSimpleName() + ")", cause);
        this.lineNumber = lineNumber;
    }

    /** The input line whose assessment failed. */
    public long lineNumber() {
        return lineNumber;
    }
}
