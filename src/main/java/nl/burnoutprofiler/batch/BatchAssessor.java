package nl.burnoutprofiler.batch;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;

import nl.burnoutprofiler.engine.CompactOutcome;
import nl.burnoutprofiler.engine.IntakeValidator;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.json.IntakeJson;
import nl.burnoutprofiler.json.OutcomeJson;

/**
 * Assesses a stream of intakes: NDJSON in (one intake JSON per line, contract section 1), NDJSON out (one outcome
 * per assessed line, compact {@link OutcomeJson}, contract section 2), in input order.
 *
 * <pre>{@code
 * BatchSummary summary = new BatchAssessor(engine, BatchAssessor.defaultWorkers())
 *         .run(reader, writer, new BatchListener() {
 *             public void rejected(RejectedLine line) { line.messages().forEach(problems::println); }
 *         });
 * }</pre>
 *
 * <p>One thread reads, {@code workers} threads parse, assess and write JSON, and the calling thread writes the
 * outcomes. The reader is never more than {@code window} lines ahead of the writer, so memory stays the same
 * whatever the length of the input: about {@code window} times the size of an outcome (some 20-40 kB), and lines
 * are cut off at {@link #DEFAULT_MAX_LINE_CHARS}. A line that is not a valid intake (malformed JSON, unknown code,
 * value out of range, too long) is reported to the listener with its line number and every problem, and the run
 * goes on; blank lines are skipped. Thread-safe and reusable: each {@link #run} is independent.
 */
public final class BatchAssessor {

    /** How often the listener hears {@link BatchListener#progress}; the output is flushed as often. */
    public static final Duration PROGRESS_INTERVAL = Duration.ofMillis(250);

    /** Longer lines are rejected without being kept in memory; the HTTP API takes bodies up to about this size. */
    public static final int DEFAULT_MAX_LINE_CHARS = 1_000_000;

    private final ProfilerEngine engine;
    private final int workers;
    private final int window;
    private final int maxLineChars;
    private final Clock clock;
    private final boolean compact;

    /** With the default window ({@link #defaultWindow}), line limit and the system clock. */
    public BatchAssessor(ProfilerEngine engine, int workers) {
        this(engine, workers, defaultWindow(workers), DEFAULT_MAX_LINE_CHARS, Clock.systemDefaultZone());
    }

    /**
     * @param engine       assesses every line; shared by the workers (it is thread-safe)
     * @param workers      threads that parse and assess, at least 1
     * @param window       lines that may be in flight between reading and writing, at least 1
     * @param maxLineChars longer lines are rejected
     * @param clock        gives the date of an intake that has none
     */
    public BatchAssessor(ProfilerEngine engine, int workers, int window, int maxLineChars, Clock clock) {
        this(engine, workers, window, maxLineChars, clock, false);
    }

    private BatchAssessor(ProfilerEngine engine, int workers, int window, int maxLineChars, Clock clock,
                          boolean compact) {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker is needed, not " + workers);
        }
        if (window < 1) {
            throw new IllegalArgumentException("the window must hold at least one line, not " + window);
        }
        this.engine = engine;
        this.workers = workers;
        this.window = window;
        this.maxLineChars = maxLineChars;
        this.clock = clock;
        this.compact = compact;
    }

    /**
     * The same assessor writing a {@link CompactOutcome} per line: the decisions by id, without texts and trace
     * facts, for a machine that reads many outcomes (about a tenth of the bytes).
     */
    public BatchAssessor compactOutcomes() {
        return new BatchAssessor(engine, workers, window, maxLineChars, clock, true);
    }

    boolean compact() {
        return compact;
    }

    /** One worker per available processor. */
    public static int defaultWorkers() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Enough lines in flight to keep every worker busy while one slow line holds up the writer. */
    public static int defaultWindow(int workers) {
        return Math.max(64, 32 * workers);
    }

    /**
     * Reads every line of {@code input}, writes one outcome line per assessed intake to {@code output} (flushed,
     * not closed) and returns the counts. Returns when the input is exhausted and every outcome written.
     *
     * @throws IOException           when reading or writing fails; outcomes before it have been written
     * @throws BatchFailedException  when assessing a valid intake fails (a fault of the rule set)
     */
    public BatchSummary run(Reader input, Writer output, BatchListener listener) throws IOException {
        IntakeJson intakeJson = new IntakeJson(new IntakeValidator(engine.catalogue()), clock);
        return new BatchRun(this, intakeJson, input, output, listener).execute();
    }

    ProfilerEngine engine() {
        return engine;
    }

    int workers() {
        return workers;
    }

    int window() {
        return window;
    }

    int maxLineChars() {
        return maxLineChars;
    }
}
