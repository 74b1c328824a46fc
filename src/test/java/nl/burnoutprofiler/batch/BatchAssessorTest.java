package nl.burnoutprofiler.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.burnoutprofiler.TestEngine;
import nl.burnoutprofiler.engine.IntakeValidator;
import nl.burnoutprofiler.engine.Outcome;
import nl.burnoutprofiler.engine.PresentationType;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.engine.SafetyStatus;
import nl.burnoutprofiler.engine.Stage;
import nl.burnoutprofiler.json.IntakeJson;
import nl.burnoutprofiler.json.OutcomeJson;

/** The streaming batch: order, rejected lines, the summary, odd inputs. */
class BatchAssessorTest {

    private static final ProfilerEngine ENGINE = TestEngine.get();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC);
    private static final GeneratedIntakes GENERATED = new GeneratedIntakes(ENGINE.catalogue(), 7);

    /** Records what the listener hears. */
    private static final class Recorder implements BatchListener {
        final List<RejectedLine> rejected = new ArrayList<>();
        final List<BatchProgress> progress = new ArrayList<>();

        @Override
        public void rejected(RejectedLine line) {
            rejected.add(line);
        }

        @Override
        public void progress(BatchProgress update) {
            progress.add(update);
        }
    }

    private final Recorder listener = new Recorder();
    private final StringWriter out = new StringWriter();

    private BatchSummary run(String input, int workers, int window) throws IOException {
        return run(new StringReader(input), workers, window, BatchAssessor.DEFAULT_MAX_LINE_CHARS);
    }

    private BatchSummary run(Reader input, int workers, int window, int maxLineChars) throws IOException {
        return new BatchAssessor(ENGINE, workers, window, maxLineChars, CLOCK).run(input, out, listener);
    }

    private static List<String> generatedLines(int count) {
        return LongStream.range(0, count).mapToObj(GENERATED::line).toList();
    }

    /** What assessing each line on its own gives, in the batch's output form. */
    private static String expectedOutput(List<String> lines) {
        IntakeJson json = new IntakeJson(new IntakeValidator(ENGINE.catalogue()), CLOCK);
        StringBuilder expected = new StringBuilder();
        for (String line : lines) {
            expected.append(OutcomeJson.writeCompact(ENGINE.assess(json.read(line)))).append('\n');
        }
        return expected.toString();
    }

    private List<String> outputCaseIds() throws IOException {
        List<String> ids = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : out.toString().split("\n")) {
            if (!line.isEmpty()) {
                ids.add(mapper.readTree(line).get("caseId").asText());
            }
        }
        return ids;
    }

    @Test
    void outcomesComeOutInInputOrderWhateverOrderTheWorkersFinishIn() throws IOException {
        // Intakes of 0 to 40 observations take very different times, and 4 workers with a window of 8 lines
        // finish them out of order all the time.
        List<String> lines = generatedLines(150);

        BatchSummary summary = run(String.join("\n", lines) + "\n", 4, 8);

        assertThat(out.toString()).isEqualTo(expectedOutput(lines));
        assertThat(summary.lines()).isEqualTo(150);
        assertThat(summary.assessed()).isEqualTo(150);
        assertThat(listener.rejected).isEmpty();
    }

    @Test
    void badLinesAreReportedWithTheirNumberAndEveryReasonAndTheRunGoesOn() throws IOException {
        String input = String.join("\n",
                GENERATED.line(1),
                "{\"caseId\": ",
                GENERATED.line(2),
                "{\"caseId\":\"c-4\",\"observations\":[{\"code\":\"SLEEP_PROBLEMS\"},{\"code\":\"NOPE\"},"
                        + "{\"code\":\"EXHAUSTION\",\"intensity\":7}]}",
                "",
                "   ",
                "[1, 2]",
                GENERATED.line(3));

        BatchSummary summary = run(input, 2, 4);

        assertThat(listener.rejected).extracting(RejectedLine::lineNumber).containsExactly(2L, 4L, 7L);
        assertThat(listener.rejected.get(0).messages()).singleElement().asString()
                .startsWith("line 2: $: is not valid JSON");
        assertThat(listener.rejected.get(1).messages()).containsExactly(
                "line 4: observations[1].code = NOPE: is not a code of the catalogue",
                "line 4: observations[2].intensity = 7: must be 1 (slight), 2 (clear) or 3 (strong)");
        assertThat(listener.rejected.get(2).messages()).containsExactly("line 7: $: must be a JSON object (an intake)");
        assertThat(outputCaseIds()).containsExactly("gen-1", "gen-2", "gen-3");
        assertThat(summary.lines()).isEqualTo(6); // the two blank lines are skipped, not rejected
        assertThat(summary.assessed()).isEqualTo(3);
        assertThat(summary.rejected()).isEqualTo(3);
        assertThat(summary.allAssessed()).isFalse();
    }

    @Test
    void theSummaryCountsEveryAssessedOutcomeByTypeStageAndSafety() throws IOException {
        List<String> lines = generatedLines(120);
        IntakeJson json = new IntakeJson(new IntakeValidator(ENGINE.catalogue()), CLOCK);
        Map<PresentationType, Long> types = new EnumMap<>(PresentationType.class);
        Map<Stage, Long> stages = new EnumMap<>(Stage.class);
        Map<SafetyStatus, Long> safety = new EnumMap<>(SafetyStatus.class);
        for (PresentationType type : PresentationType.values()) {
            types.put(type, 0L);
        }
        for (Stage stage : Stage.values()) {
            stages.put(stage, 0L);
        }
        for (SafetyStatus status : SafetyStatus.values()) {
            safety.put(status, 0L);
        }
        for (String line : lines) {
            Outcome outcome = ENGINE.assess(json.read(line));
            types.merge(outcome.presentation().primary(), 1L, Long::sum);
            stages.merge(outcome.stage().stage(), 1L, Long::sum);
            safety.merge(outcome.safety().status(), 1L, Long::sum);
        }

        BatchSummary summary = run(String.join("\n", lines) + "\n" + "{}\n", 2, 16);

        assertThat(summary.types()).containsExactlyEntriesOf(types);
        assertThat(summary.stages()).containsExactlyEntriesOf(stages);
        assertThat(summary.safety()).containsExactlyEntriesOf(safety);
        assertThat(summary.safety().get(SafetyStatus.CLEAR)).as("the generated intakes are varied")
                .isBetween(1L, 119L);
        assertThat(summary.assessed()).isEqualTo(120);
        assertThat(summary.rejected()).isEqualTo(1); // {} has no caseId
        assertThat(listener.progress).last()
                .satisfies(last -> assertThat(last.handled()).isEqualTo(121))
                .satisfies(last -> assertThat(last.rejected()).isEqualTo(1));
    }

    @Test
    void anEmptyInputGivesAnEmptyOutputAndAZeroSummary() throws IOException {
        for (String input : List.of("", "\n", "\n  \n\r\n")) {
            BatchSummary summary = run(input, 2, 4);

            assertThat(summary.lines()).isZero();
            assertThat(summary.assessed()).isZero();
            assertThat(summary.rejected()).isZero();
            assertThat(summary.types().values()).containsOnly(0L);
            assertThat(summary.types()).hasSize(PresentationType.values().length);
        }
        assertThat(out.toString()).isEmpty();
        assertThat(listener.rejected).isEmpty();
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkAreRead() throws IOException {
        BatchSummary summary = run("\uFEFF" + GENERATED.line(1) + "\r\n" + GENERATED.line(2) + "\r\n", 1, 1);

        assertThat(summary.assessed()).isEqualTo(2);
        assertThat(outputCaseIds()).containsExactly("gen-1", "gen-2");
    }

    @Test
    void aLineLongerThanTheLimitIsRejectedWithoutBeingKept() throws IOException {
        String shortLine = "{\"caseId\":\"c-%d\",\"observations\":[{\"code\":\"SLEEP_PROBLEMS\",\"intensity\":3}]}";
        String longLine = "{\"caseId\":\"c-long\",\"notes\":\"" + "x".repeat(500) + "\"}";
        String input = String.format(shortLine, 1) + "\n" + longLine + "\n" + String.format(shortLine, 3);

        BatchSummary summary = run(new StringReader(input), 2, 4, 400);

        assertThat(listener.rejected).singleElement().satisfies(line -> assertThat(line.messages())
                .containsExactly("line 2: $: is longer than 400 characters; one intake is far shorter"));
        assertThat(outputCaseIds()).containsExactly("c-1", "c-3");
        assertThat(summary.rejected()).isEqualTo(1);
    }

    @Test
    void aFailingInputStopsTheRunAfterWritingTheOutcomesReadBeforeIt() {
        String firstLines = GENERATED.line(1) + "\n" + GENERATED.line(2) + "\n" + GENERATED.line(3) + "\n";
        Reader failing = new Reader() {
            private final StringReader start = new StringReader(firstLines);

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                int read = start.read(buffer, offset, length);
                if (read < 0) {
                    throw new IOException("disk gone");
                }
                return read;
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> run(failing, 2, 4, BatchAssessor.DEFAULT_MAX_LINE_CHARS))
                .isInstanceOf(IOException.class)
                .hasMessage("reading the input failed after line 3: disk gone");
        assertThat(out.toString().lines()).hasSize(3);
    }

    @Test
    void theReaderNeverRunsMoreThanTheWindowAheadOfTheWriter() throws IOException {
        // Not a memory measurement (the benchmark does that): the reader may not run ahead of the writer by more
        // than the window, whatever the size of the input.
        int window = 4;
        long[] maxAhead = {0};
        GeneratedIntakes generated = new GeneratedIntakes(ENGINE.catalogue(), 11);
        Reader counting = new Reader() {
            private final Reader lines = generated.reader(60);
            long read;

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                // One character at a time, so that the line count read is exact.
                int n = lines.read(buffer, offset, Math.min(length, 1));
                if (n > 0 && buffer[offset] == '\n') {
                    read++;
                    maxAhead[0] = Math.max(maxAhead[0], read - written());
                }
                return n;
            }

            @Override
            public void close() {
            }
        };

        run(counting, 2, window, 100_000);

        // window lines in flight, the one the reader holds while it waits for a place, the one being written
        assertThat(maxAhead[0]).isLessThanOrEqualTo(window + 2);
    }

    @Test
    void theBatchIsALibraryThatKnowsNothingOfTheCommandLineServerOrDatabase() throws IOException {
        try (var files = Files.list(Path.of("src/main/java/nl/burnoutprofiler/batch"))) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).as(file.toString())
                        .doesNotContain("nl.burnoutprofiler.cli").doesNotContain("nl.burnoutprofiler.server")
                        .doesNotContain("nl.burnoutprofiler.store").doesNotContain("picocli")
                        .doesNotContain("System.out").doesNotContain("System.err");
            }
        }
    }

    private long written() {
        synchronized (out.getBuffer()) {
            return out.getBuffer().chars().filter(c -> c == '\n').count();
        }
    }
}
