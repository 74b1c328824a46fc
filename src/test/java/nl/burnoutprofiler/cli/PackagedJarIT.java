package nl.burnoutprofiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The runnable jar exactly as the README runs it: a fresh JVM, the packaged (precompiled) rules. */
class PackagedJarIT {

    private static final Path JAR = Path.of(System.getProperty("packaged.jar", "target/burnout-profiler.jar"));

    @TempDir
    Path temp;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finishes").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void assessesTheShippedExampleIntake() throws Exception {
        Run run = run("assess", "examples/intake.json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode outcome = new ObjectMapper().readTree(run.out());
        assertThat(outcome.at("/presentation/primary").asText()).isEqualTo("PHYSIOLOGICAL");
        assertThat(outcome.at("/stage/stage").asText()).isEqualTo("CONTEMPLATION");
        assertThat(outcome.get("ruleSetVersion").asText()).matches("\\d+\\.\\d+\\.\\d+\\+[0-9a-f]{12}");
    }

    @Test
    void readsTheIntakeFromStandardInput() throws Exception {
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                JAR.toString(), "assess", "-");
        Process process = new ProcessBuilder(command).redirectInput(Path.of("examples/intake.json").toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        assertThat(out).contains("\"caseId\" : \"c-0042\"");
    }

    @Test
    void refusesBadInputWithExitTwo() throws Exception {
        Path intake = temp.resolve("bad.json");
        Files.writeString(intake, "{\"caseId\": \"c-1\", \"observations\": [{\"code\": \"EXHAUSTION\", \"intensity\": 9}]}");
        Run run = run("assess", intake.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("observations[0].intensity = 9");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void startsFromThePrecompiledRulesAndPrintsBothVersions() throws Exception {
        Run rules = run("rules");
        assertThat(rules.exit()).isZero();
        assertThat(rules.out()).contains("precompiled at build time");
        Run version = run("--version");
        assertThat(version.out()).contains("burnout-profiler 0.1.0").contains("rule set 0.4.0+");
    }
}
