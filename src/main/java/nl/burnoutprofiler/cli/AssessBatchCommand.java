package nl.burnoutprofiler.cli;

import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import nl.burnoutprofiler.batch.BatchAssessor;
import nl.burnoutprofiler.batch.BatchFailedException;
import nl.burnoutprofiler.batch.BatchSummary;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.engine.RuleExecutionException;

@Command(name = "assess-batch", mixinStandardHelpOptions = true,
        description = {
                "Assess many intakes: one intake JSON per line (NDJSON) in, one outcome JSON per line out, "
                        + "in the order of the input, on all processors.",
                "A line that is not a valid intake is reported on standard error with its number and every "
                        + "reason (line 17: observations[2].intensity = 7: must be ...) and skipped; the run goes on. "
                        + "Blank lines are skipped. Progress, and at the end a summary (counts per type, stage and "
                        + "safety status, lines rejected), go to standard error too."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every line was assessed",
                "1:the run stopped: the input or the output failed, or the program did (outcomes before it were "
                        + "written)",
                "2:some lines were rejected (every other line was assessed); or bad options, or no input file",
                "3:the rule set could not be loaded, or a rule failed (the run stopped at that line)"})
final class AssessBatchCommand implements Callable<Integer> {

    static final int RUN_STOPPED = 1;
    private static final Duration PLAIN_PROGRESS_INTERVAL = Duration.ofSeconds(10);

    @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "-",
            description = "NDJSON file of intakes, or - for standard input (the default).")
    String file;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the outcomes to FILE (replacing it) instead of standard output.")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads that assess (default: one per processor, here ${DEFAULT-VALUE}).")
    int threads = BatchAssessor.defaultWorkers();

    @Option(names = "--compact",
            description = "Write compact outcomes: the decisions by id (types, scores, stage, safety, the plan, "
                    + "the rules that fired) without texts and trace facts; the texts are in `catalogue`.")
    boolean compact;

    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, not " + threads);
        }
        PrintWriter err = spec.commandLine().getErr();
        try (Input input = openInput()) {
            ProfilerEngine engine = rules.engine();
            // A terminal gets a line redrawn in place, unless the outcomes themselves go to that terminal.
            BatchReport report = new BatchReport(err, System.console() != null && out != null,
                    PLAIN_PROGRESS_INTERVAL, input::fractionRead);
            try (Writer output = openOutput()) {
                BatchAssessor assessor = new BatchAssessor(engine, threads);
                BatchSummary summary = (compact ? assessor.compactOutcomes() : assessor)
                        .run(input.reader(), output, report);
                report.summary(summary);
                return summary.allAssessed() ? 0 : Main.BAD_INPUT;
            } catch (BatchFailedException e) {
                report.clearLine();
                // Names only: the cause's message may quote facts of the intake, which is health data.
                if (e.getCause() instanceof RuleExecutionException failed) {
                    err.println("assess-batch stopped at line " + e.lineNumber() + ": the rule set failed on it"
                            + (failed.ruleName() == null ? "" : " (rule \"" + failed.ruleName() + "\")")
                            + "; the outcomes before it were written.");
                    return Main.BROKEN_RULES;
                }
                err.println("assess-batch stopped at line " + e.lineNumber() + ": assessing it failed ("
                        + e.getCause().getClass().getSimpleName() + "); the outcomes before it were written.");
                return RUN_STOPPED;
            } catch (IOException e) {
                report.clearLine();
                err.println("assess-batch stopped: " + e.getMessage());
                return RUN_STOPPED;
            }
        }
    }

    private Input openInput() {
        if ("-".equals(file)) {
            return new Input(System.in, -1);
        }
        Path path = Path.of(file);
        try {
            if (out != null && Files.exists(out) && Files.isSameFile(path, out)) {
                throw new InputFileException("--out " + out + " is the input file; the outcomes would overwrite it");
            }
            return new Input(Files.newInputStream(path), Files.size(path));
        } catch (IOException e) {
            throw new InputFileException("Cannot read intakes " + file + ": " + e.getMessage());
        }
    }

    private Writer openOutput() throws IOException {
        if (out == null) {
            return new StandardOutput(spec.commandLine().getOut());
        }
        return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
    }

    /** The input as characters (malformed UTF-8 becomes U+FFFD), counting the bytes read for the progress bar. */
    private static final class Input implements AutoCloseable {

        private final AtomicLong bytesRead = new AtomicLong();
        private final InputStream stream;
        private final long size;

        Input(InputStream stream, long size) {
            this.size = size;
            this.stream = new FilterInputStream(stream) {
                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int read = super.read(buffer, offset, length);
                    if (read > 0) {
                        bytesRead.addAndGet(read);
                    }
                    return read;
                }
            };
        }

        Reader reader() {
            return new InputStreamReader(stream, StandardCharsets.UTF_8);
        }

        double fractionRead() {
            return size > 0 ? Math.min(1.0, (double) bytesRead.get() / size) : Double.NaN;
        }

        @Override
        public void close() throws IOException {
            if (size >= 0) {
                stream.close(); // a file we opened; standard input is not ours to close
            }
        }
    }

    /**
     * Standard output, which picocli hands over as a PrintWriter that swallows errors: this one reports them when
     * flushed (the run flushes a few times a second), so that a closed pipe ({@code | head}) stops the run instead
     * of assessing on. The PrintWriter wraps {@link System#out}, a PrintStream that swallows them too; hence both.
     */
    private static final class StandardOutput extends Writer {

        private final PrintWriter out;
        private final BufferedWriter buffer;

        StandardOutput(PrintWriter out) {
            this.out = out;
            this.buffer = new BufferedWriter(out, 1 << 16);
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            buffer.write(chars, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            buffer.write(text, offset, length);
        }

        @Override
        public void flush() throws IOException {
            buffer.flush();
            if (out.checkError() || System.out.checkError()) {
                throw new IOException("standard output was closed");
            }
        }

        @Override
        public void close() throws IOException {
            flush(); // standard output stays open
        }
    }
}
