package nl.burnoutprofiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code assess-stream}'s options: each mistake is refused before anything connects, naming the option. The stream
 * itself runs against a broker in {@code AssessStreamIT}.
 */
class AssessStreamCommandTest {

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

    /** assess-stream with good options, but for the option-value pairs given. */
    private int stream(String... changes) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--bootstrap-servers", "localhost:9092",
                "--input-topic", "intakes", "--output-topic", "outcomes", "--dead-letter-topic", "refused"));
        for (int i = 0; i < changes.length; i += 2) {
            options.put(changes[i], changes[i + 1]);
        }
        List<String> args = new ArrayList<>(List.of("assess-stream"));
        options.forEach((option, value) -> args.addAll(List.of(option, value)));
        return run(args.toArray(String[]::new));
    }

    @Test
    void aMissingTopicIsNamed() {
        assertThat(run("assess-stream", "--bootstrap-servers", "localhost:9092", "--input-topic", "intakes",
                "--output-topic", "outcomes")).isEqualTo(2);
        assertThat(err.toString()).contains("--dead-letter-topic");
    }

    @Test
    void theOutputMayNotBeTheInput() {
        assertThat(stream("--output-topic", "intakes")).isEqualTo(2);
        assertThat(err.toString()).contains("--output-topic must name another topic than --input-topic");
    }

    @Test
    void theDeadLettersMayNotGoToTheOutcomes() {
        assertThat(stream("--dead-letter-topic", "outcomes")).isEqualTo(2);
        assertThat(err.toString()).contains("--dead-letter-topic must name another topic than --output-topic");
    }

    @Test
    void aTopicNameKafkaWouldRefuseIsNamed() {
        assertThat(stream("--input-topic", "intakes of today")).isEqualTo(2);
        assertThat(err.toString()).contains("--input-topic 'intakes of today'", "a Kafka name is");
    }

    @Test
    void aServerWithoutPortIsNamed() {
        assertThat(stream("--bootstrap-servers", "kafka-1:9092,kafka-2")).isEqualTo(2);
        assertThat(err.toString()).contains("--bootstrap-servers", "HOST:PORT", "'kafka-2'");
    }

    @Test
    void lessThanOneThreadIsAUsageError() {
        assertThat(stream("--threads", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--threads must be at least 1");
    }

    @Test
    void aConfigFileMayNotWeakenExactlyOnce() throws IOException {
        Path config = Files.writeString(temp.resolve("kafka.properties"),
                "security.protocol=SASL_SSL\nprocessing.guarantee=at_least_once\n");
        assertThat(stream("--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--config", "processing.guarantee", "always exactly_once_v2");
    }

    @Test
    void aConfigFileMayNotSetWhatAnOptionSets() throws IOException {
        Path config = Files.writeString(temp.resolve("kafka.properties"), "application.id=other\n");
        assertThat(stream("--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("sets application.id", "use --application-id");
    }

    @Test
    void aMissingConfigFileIsNamed() {
        assertThat(stream("--config", temp.resolve("nope.properties").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--config", "nope.properties", "no such file");
    }

    @Test
    void aSettingKafkaRefusesStopsTheStartWithKafkasReason() throws IOException {
        Path config = Files.writeString(temp.resolve("kafka.properties"), "security.protocol=CARRIER_PIGEON\n");
        assertThat(stream("--config", config.toString(), "--rules", "rules")).isEqualTo(Main.CANNOT_START);
        assertThat(err.toString()).contains("assess-stream could not start", "security.protocol");
    }

    @Test
    void theHelpDocumentsTheOptionsAndExitCodes() {
        assertThat(run("assess-stream", "--help")).isZero();
        assertThat(out.toString()).contains("--bootstrap-servers", "--application-id", "--threads", "--compact",
                "--config", "--rules", "Exit codes", "143");
    }
}
