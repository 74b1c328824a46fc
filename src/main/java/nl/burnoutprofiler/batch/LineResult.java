package nl.burnoutprofiler.batch;

import nl.burnoutprofiler.engine.PresentationType;
import nl.burnoutprofiler.engine.SafetyStatus;
import nl.burnoutprofiler.engine.Stage;

/** What became of one input line, passed from a worker to the writer through the {@link OrderedWindow}. */
sealed interface LineResult {

    /** Assessed: the outcome as one line of compact JSON, and what the summary counts. */
    record Assessed(String outcomeJson, PresentationType type, Stage stage, SafetyStatus safety) implements LineResult {
    }

    /** Not an intake that can be assessed. */
    record Rejected(RejectedLine line) implements LineResult {
    }

    /** A valid intake whose assessment failed: the rule set's fault, and the end of the run. */
    record Failed(long lineNumber, Throwable cause) implements LineResult {
    }

    /** Reading the input failed after the results before it were taken. */
    record InputFailed(long afterLine, Throwable cause) implements LineResult {
    }

    /** Every line read has been taken. */
    record End() implements LineResult {
    }
}
