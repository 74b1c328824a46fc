package nl.burnoutprofiler.store;

import java.time.Duration;
import java.time.Instant;

/**
 * When a table of rows that expire is next cleared of them: at most once a minute per server, as part of a write
 * that comes along. Two threads that both find it due purge twice, which is harmless.
 */
final class PurgeSchedule {

    private static final Duration INTERVAL = Duration.ofMinutes(1);

    private volatile Instant next = Instant.MIN;

    /** Whether a purge is due at {@code now}; when it is, the next one is a minute later. */
    boolean due(Instant now) {
        if (!now.isAfter(next)) {
            return false;
        }
        next = now.plus(INTERVAL);
        return true;
    }
}
