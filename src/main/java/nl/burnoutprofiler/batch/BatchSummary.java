package nl.burnoutprofiler.batch;

import java.time.Duration;
import java.util.Map;

import nl.burnoutprofiler.engine.PresentationType;
import nl.burnoutprofiler.engine.SafetyStatus;
import nl.burnoutprofiler.engine.Stage;

/**
 * What a batch run did. The maps hold every constant of their enum, zero or not, in the enum's order.
 *
 * @param lines    non-blank input lines read (blank lines are skipped and not counted)
 * @param assessed lines assessed, one outcome line written for each
 * @param rejected lines rejected, reported to the listener and skipped
 * @param types    assessed outcomes per primary presentation type ({@code UNDETERMINED} included)
 * @param stages   assessed outcomes per stage of change ({@code UNDETERMINED} included)
 * @param safety   assessed outcomes per safety status
 * @param elapsed  wall time of the run
 */
public record BatchSummary(long lines, long assessed, long rejected, Map<PresentationType, Long> types,
                           Map<Stage, Long> stages, Map<SafetyStatus, Long> safety, Duration elapsed) {

    /** True when no line was rejected. */
    public boolean allAssessed() {
        return rejected == 0;
    }

    /** Lines handled per second over the whole run. */
    public double perSecond() {
        long nanos = elapsed.toNanos();
        return nanos == 0 ? 0 : lines * 1e9 / nanos;
    }
}
