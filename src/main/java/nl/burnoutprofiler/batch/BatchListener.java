package nl.burnoutprofiler.batch;

/**
 * Hears what a batch run does besides writing outcomes. Called on the thread that called
 * {@link BatchAssessor#run}, in input order; an exception thrown here stops the run.
 */
public interface BatchListener {

    /** Ignores everything. */
    BatchListener NONE = new BatchListener() {
    };

    /** A line that was not assessed; the run goes on with the next line. */
    default void rejected(RejectedLine line) {
    }

    /** Called about every {@link BatchAssessor#PROGRESS_INTERVAL}, even while waiting for input, and once at the end. */
    default void progress(BatchProgress progress) {
    }
}
