package nl.burnoutprofiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** {@code assess-batch} as a script uses it: NDJSON in and out, rejects and summary on standard error, exit codes. */
class AssessBatchCommandTest {

    private static final String GOOD = """
            {"caseId":"c-1","date":"2026-11-20","observations":[{"code":"SLEEP_PROBLEMS","intensity":3},\
            {"code":"EXHAUSTION","intensity":2},{"code":"IMPROVES_WITH_REST_AND_DISTANCE","intensity":2}]}""";

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path ndjson(String... lines) throws IOException {
        Path file = temp.resolve("intakes.ndjson");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> caseIds(String ndjson) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            ids.add(new ObjectMapper().readTree(line).get("caseId").asText());
        }
        return ids;
    }

    @Test
    void everyLineAssessedWritesOneOutcomePerLineInOrderAndExitsWithZero() throws IOException {
        Path input = ndjson(GOOD, GOOD.replace("c-1", "c-2"), "", GOOD.replace("c-1", "c-3"));
        Path outcomes = temp.resolve("outcomes.ndjson");

        int exit = run("assess-batch", input.toString(), "--out", outcomes.toString(), "--threads", "2",
                "--rules", "rules");

        assertThat(exit).as(err.toString()).isZero();
        String written = Files.readString(outcomes);
        assertThat(caseIds(written)).containsExactly("c-1", "c-2", "c-3");
        assertThat(new ObjectMapper().readTree(written.lines().findFirst().orElseThrow())
                .at("/presentation/primary").asText()).isEqualTo("PHYSIOLOGICAL");
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString())
                .contains("assess-batch: 3 lines in")
                .contains("3 assessed, 0 rejected")
                .contains("type    CONTEXTUAL 0, RELATIONAL 0, PHYSIOLOGICAL 3, IDENTITY 0, UNDETERMINED 0")
                .contains("safety  CLEAR 3, REFER 0, URGENT 0");
    }

    @Test
    void compactWritesTheDecisionsByIdWithoutTexts() throws IOException {
        Path input = ndjson(GOOD, GOOD.replace("c-1", "c-2"));
        Path outcomes = temp.resolve("compact.ndjson");

        int exit = run("assess-batch", input.toString(), "--out", outcomes.toString(), "--compact", "--rules", "rules");

        assertThat(exit).as(err.toString()).isZero();
        String written = Files.readString(outcomes);
        assertThat(caseIds(written)).containsExactly("c-1", "c-2");
        var first = new ObjectMapper().readTree(written.lines().findFirst().orElseThrow());
        assertThat(first.at("/presentation/primary").asText()).isEqualTo("PHYSIOLOGICAL");
        assertThat(first.at("/plan/firstStep").asText()).isNotBlank();
        assertThat(first.path("rules")).isNotEmpty();
        assertThat(written).doesNotContain("rationale", "\"trace\"");
        assertThat(err.toString()).contains("2 assessed, 0 rejected");
    }

    @Test
    void rejectedLinesAreNamedOnStandardErrorSkippedAndGiveExitTwo() throws IOException {
        Path input = ndjson(GOOD,
                "{\"caseId\":\"c-2\",\"observations\":[{\"code\":\"SLEEP_PROBLEMS\"},{\"code\":\"NOPE\"},"
                        + "{\"code\":\"EXHAUSTION\",\"intensity\":7}]}",
                "not json",
                GOOD.replace("c-1", "c-4"));

        int exit = run("assess-batch", input.toString(), "--rules", "rules");

        assertThat(exit).isEqualTo(2);
        assertThat(caseIds(out.toString())).containsExactly("c-1", "c-4");
        assertThat(err.toString())
                .contains("line 2: observations[1].code = NOPE: is not a code of the catalogue\n")
                .contains("line 2: observations[2].intensity = 7: must be 1 (slight), 2 (clear) or 3 (strong)\n")
                .contains("line 3: $: is not valid JSON")
                .contains("4 lines in")
                .contains("2 assessed, 2 rejected");
    }

    @Test
    void anEmptyInputIsNotAnError() throws IOException {
        assertThat(run("assess-batch", ndjson().toString(), "--rules", "rules")).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("0 lines in").contains("0 assessed, 0 rejected");
    }

    @Test
    void aMissingInputFileExitsWithTwo() {
        assertThat(run("assess-batch", temp.resolve("absent.ndjson").toString(), "--rules", "rules")).isEqualTo(2);
        assertThat(err.toString()).contains("Cannot read intakes");
    }

    @Test
    void theOutputMayNotOverwriteTheInput() throws IOException {
        Path input = ndjson(GOOD);

        assertThat(run("assess-batch", input.toString(), "--out", input.toString(), "--rules", "rules")).isEqualTo(2);
        assertThat(err.toString()).contains("is the input file");
        assertThat(Files.readString(input)).isEqualTo(GOOD + "\n");
    }

    @Test
    void lessThanOneThreadIsAUsageError() throws IOException {
        assertThat(run("assess-batch", ndjson(GOOD).toString(), "--threads", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--threads must be at least 1");
    }

    @Test
    void theHelpDocumentsTheExitCodes() {
        assertThat(run("assess-batch", "--help")).isZero();
        assertThat(out.toString())
                .contains("assess-batch [-hV]")
                .contains("0   every line was assessed")
                .contains("2   some lines were rejected");
    }
}
