package nl.burnoutprofiler.batch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import nl.burnoutprofiler.engine.CompactOutcome;
import nl.burnoutprofiler.engine.FieldProblem;
import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.InvalidIntakeException;
import nl.burnoutprofiler.engine.Outcome;
import nl.burnoutprofiler.engine.PresentationType;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.engine.Stage;
import nl.burnoutprofiler.json.IntakeJson;
import nl.burnoutprofiler.json.OutcomeJson;

/**
 * One run of {@link BatchAssessor}: a reader thread numbers the lines and hands them out, worker threads parse,
 * assess and write each to JSON, and the calling thread writes the results in input order and tells the listener.
 */
final class BatchRun {

    private static final InputLine NO_MORE_WORK = new InputLine(-1, -1, null);

    private final ProfilerEngine engine;
    private final boolean compact;
    private final IntakeJson intakeJson;
    private final int maxLineChars;
    private final long progressIntervalNanos;
    private final Reader input;
    private final Writer output;
    private final BatchListener listener;
    private final OrderedWindow window;
    private final BlockingQueue<InputLine> work;
    private final List<Thread> threads = new ArrayList<>();

    BatchRun(BatchAssessor settings, IntakeJson intakeJson, Reader input, Writer output, BatchListener listener) {
        this.engine = settings.engine();
        this.compact = settings.compact();
        this.intakeJson = intakeJson;
        this.maxLineChars = settings.maxLineChars();
        this.progressIntervalNanos = BatchAssessor.PROGRESS_INTERVAL.toNanos();
        this.input = input;
        this.output = output;
        this.listener = listener;
        this.window = new OrderedWindow(settings.window());
        // The window already bounds the lines in flight; the extra places are for the workers' stop signals.
        this.work = new ArrayBlockingQueue<>(settings.window() + settings.workers());
        threads.add(daemon("batch-reader", () -> readLines(settings.workers())));
        for (int i = 1; i <= settings.workers(); i++) {
            threads.add(daemon("batch-worker-" + i, this::assessLines));
        }
    }

    BatchSummary execute() throws IOException {
        long started = System.nanoTime();
        threads.forEach(Thread::start);
        try {
            return writeResults(started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("batch run interrupted");
        } finally {
            // Normally they have finished; after a failure this stops them. A reader blocked in a read that cannot
            // be interrupted (standard input) is a daemon thread and does not keep the program alive.
            threads.forEach(Thread::interrupt);
        }
    }

    private void readLines(int workers) {
        LineReader lines = new LineReader(input, maxLineChars);
        try {
            for (String text = lines.next(); text != null; text = lines.next()) {
                if (!lines.tooLong() && text.isBlank()) {
                    continue;
                }
                long sequence = window.reserve();
                work.put(new InputLine(lines.lineNumber(), sequence, lines.tooLong() ? null : text));
            }
            window.endOfInput();
            for (int i = 0; i < workers; i++) {
                work.put(NO_MORE_WORK);
            }
        } catch (InterruptedException e) {
            // the run was stopped
        } catch (IOException | RuntimeException e) {
            window.inputFailed(lines.lineNumber(), e);
        }
    }

    private void assessLines() {
        try {
            for (InputLine line = work.take(); line != NO_MORE_WORK; line = work.take()) {
                window.put(line.sequence(), assess(line));
            }
        } catch (InterruptedException e) {
            // the run was stopped
        }
    }

    private LineResult assess(InputLine line) {
        if (line.tooLong()) {
            return new LineResult.Rejected(new RejectedLine(line.number(), List.of(new FieldProblem("$", null,
                    "is longer than " + maxLineChars + " characters; one intake is far shorter"))));
        }
        try {
            Intake intake = intakeJson.read(line.text());
            if (compact) {
                CompactOutcome outcome = engine.assessCompact(intake);
                return new LineResult.Assessed(OutcomeJson.writeCompact(outcome), outcome.presentation().primary(),
                        outcome.stage().stage(), outcome.safety().status());
            }
            Outcome outcome = engine.assess(intake);
            PresentationType type = outcome.presentation().primary();
            Stage stage = outcome.stage().stage();
            return new LineResult.Assessed(OutcomeJson.writeCompact(outcome),
                    type == null ? PresentationType.UNDETERMINED : type,
                    stage == null ? Stage.UNDETERMINED : stage, outcome.safety().status());
        } catch (InvalidIntakeException e) {
            return new LineResult.Rejected(new RejectedLine(line.number(), e.problems()));
        } catch (RuntimeException | Error e) {
            // An Error too: a worker that died without a result would leave the writer waiting for ever.
            return new LineResult.Failed(line.number(), e);
        }
    }

    private BatchSummary writeResults(long started) throws IOException, InterruptedException {
        Tally tally = new Tally();
        long nextProgress = started + progressIntervalNanos;
        while (true) {
            long now = System.nanoTime();
            if (now - nextProgress >= 0) {
                output.flush();
                listener.progress(tally.progress(Duration.ofNanos(now - started)));
                nextProgress = now + progressIntervalNanos;
            }
            LineResult result = window.take(nextProgress - now);
            if (result == null || result instanceof LineResult.End) {
                if (result == null) {
                    continue;
                }
                break;
            }
            if (result instanceof LineResult.Assessed assessed) {
                output.write(assessed.outcomeJson());
                output.write('\n');
                tally.assessed(assessed);
            } else if (result instanceof LineResult.Rejected rejected) {
                tally.rejected();
                listener.rejected(rejected.line());
            } else if (result instanceof LineResult.Failed failed) {
                output.flush();
                throw new BatchFailedException(failed.lineNumber(), failed.cause());
            } else if (result instanceof LineResult.InputFailed failed) {
                output.flush();
                throw new IOException("reading the input failed after line " + failed.afterLine() + ": "
                        + failed.cause().getMessage(), failed.cause());
            }
        }
        output.flush();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        listener.progress(tally.progress(elapsed));
        return tally.summary(elapsed);
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
