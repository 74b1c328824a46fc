package nl.burnoutprofiler.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

import nl.burnoutprofiler.batch.BatchListener;
import nl.burnoutprofiler.batch.BatchProgress;
import nl.burnoutprofiler.batch.BatchSummary;
import nl.burnoutprofiler.batch.RejectedLine;

/**
 * What {@code assess-batch} tells on standard error: every rejected line, progress, and the summary. On a terminal
 * the progress is one line redrawn in place (with a bar when the input's size is known); otherwise a plain line
 * every {@code plainInterval}, so a log file gets a few lines rather than thousands of redraws.
 */
final class BatchReport implements BatchListener {

    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final boolean updatingLine;
    private final Duration plainInterval;
    private final DoubleSupplier fractionRead;
    private int drawnWidth;
    private Duration lastPlain = Duration.ZERO;

    /**
     * @param updatingLine  redraw one line with {@code \r} (a terminal) rather than print plain lines
     * @param plainInterval time between plain progress lines
     * @param fractionRead  share of the input read so far, 0 to 1, or NaN when its size is unknown
     */
    BatchReport(PrintWriter err, boolean updatingLine, Duration plainInterval, DoubleSupplier fractionRead) {
        this.err = err;
        this.updatingLine = updatingLine;
        this.plainInterval = plainInterval;
        this.fractionRead = fractionRead;
    }

    @Override
    public void rejected(RejectedLine line) {
        clearLine();
        line.messages().forEach(err::println);
    }

    @Override
    public void progress(BatchProgress progress) {
        if (updatingLine) {
            String text = bar() + counts(progress);
            err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
            err.flush();
            drawnWidth = text.length();
        } else if (progress.elapsed().minus(lastPlain).compareTo(plainInterval) >= 0) {
            String read = Double.isNaN(fractionRead.getAsDouble()) ? ""
                    : String.format(Locale.ROOT, ", %.0f%% of the input read", 100 * fractionRead.getAsDouble());
            err.println("assess-batch: " + counts(progress) + read);
            lastPlain = progress.elapsed();
        }
    }

    /** Ends the progress line and prints the summary. */
    void summary(BatchSummary summary) {
        clearLine();
        err.println(String.format(Locale.ROOT, "assess-batch: %,d lines in %.1f s (%,.0f/s): %,d assessed, %,d rejected",
                summary.lines(), summary.elapsed().toMillis() / 1000.0, summary.perSecond(), summary.assessed(),
                summary.rejected()));
        err.println("  type    " + counts(summary.types()));
        err.println("  stage   " + counts(summary.stages()));
        err.println("  safety  " + counts(summary.safety()));
    }

    /** Ends the progress line, so that a message can follow on a line of its own. */
    void clearLine() {
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }

    private String bar() {
        double fraction = fractionRead.getAsDouble();
        if (Double.isNaN(fraction)) {
            return "";
        }
        int filled = (int) Math.round(Math.min(1, Math.max(0, fraction)) * BAR_WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3.0f%%  ", "#".repeat(filled), ".".repeat(BAR_WIDTH - filled),
                100 * fraction);
    }

    private static String counts(BatchProgress progress) {
        return String.format(Locale.ROOT, "%,d lines (%,.0f/s), %,d rejected, %d s", progress.handled(),
                progress.perSecond(), progress.rejected(), progress.elapsed().toSeconds());
    }

    private static String counts(Map<? extends Enum<?>, Long> counts) {
        return counts.entrySet().stream()
                .map(entry -> String.format(Locale.ROOT, "%s %,d", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", "));
    }
}
