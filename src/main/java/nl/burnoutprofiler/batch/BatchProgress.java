package nl.burnoutprofiler.batch;

import java.time.Duration;

/**
 * How far a batch run is: counted at the output side, so every line counted here has been written or rejected.
 *
 * @param assessed lines assessed and written so far
 * @param rejected lines rejected so far
 * @param elapsed  time since the run started
 */
public record BatchProgress(long assessed, long rejected, Duration elapsed) {

    /** Lines handled so far, assessed or rejected. */
    public long handled() {
        return assessed + rejected;
    }

    /** Lines handled per second since the start; 0 before any time has passed. */
    public double perSecond() {
        long nanos = elapsed.toNanos();
        return nanos == 0 ? 0 : handled() * 1e9 / nanos;
    }
}
