package nl.burnoutprofiler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.apache.kafka.common.KafkaException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.stream.AssessStream;
import nl.burnoutprofiler.stream.OutcomeForm;
import nl.burnoutprofiler.stream.StreamSettings;
import nl.burnoutprofiler.stream.StreamTopics;

@Command(name = "assess-stream", mixinStandardHelpOptions = true,
        description = {
                "Assess the intakes of a Kafka topic, exactly once: one outcome JSON per intake on the output topic, "
                        + "keyed by case id; a record that is no valid intake goes unchanged to the dead-letter topic, "
                        + "its reasons (field and reason) in its headers.",
                "Start more instances with the same --application-id to share the partitions of the input topic. "
                        + "Ctrl-C or SIGTERM stops an instance cleanly: it commits what it has done and hands its "
                        + "partitions to the others."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"1:the stream failed (see the log)", "2:bad options, or an unreadable --config file",
                "3:the rule set could not be loaded", "4:Kafka refused the configuration",
                "130:stopped with Ctrl-C", "143:stopped by SIGTERM"})
final class AssessStreamCommand implements Callable<Integer> {

    static final int STREAM_FAILED = 1;
    /** Kafka's rule for topic names, which the application id must follow too (it prefixes the internal names). */
    private static final Pattern KAFKA_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern SERVER = Pattern.compile("[^\\s,:]+:\\d{1,5}|\\[[0-9a-fA-F:.]+\\]:\\d{1,5}");
    /** The settings a --config file may not make, and what to do instead. */
    private static final Map<String, String> SET_BY_ASSESS_STREAM = Map.of(
            "application.id", "use --application-id", "bootstrap.servers", "use --bootstrap-servers",
            "num.stream.threads", "use --threads", "processing.guarantee", "it is always exactly_once_v2",
            "default.key.serde", "the stream reads and writes bytes",
            "default.value.serde", "the stream reads and writes bytes");

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers to connect to first.")
    String bootstrapServers;

    @Option(names = "--input-topic", required = true, paramLabel = "TOPIC",
            description = "Topic of the intakes (intake JSON, as one line of assess-batch), best keyed by case id.")
    String inputTopic;

    @Option(names = "--output-topic", required = true, paramLabel = "TOPIC",
            description = "Topic the outcomes go to, keyed by case id.")
    String outputTopic;

    @Option(names = "--dead-letter-topic", required = true, paramLabel = "TOPIC",
            description = "Topic the refused records go to, as they came, with their reasons in headers.")
    String deadLetterTopic;

    @Option(names = "--application-id", paramLabel = "ID", defaultValue = "burnout-profiler-assess",
            description = "The same for every instance of one stream: its consumer group and transactional ids "
                    + "(default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Stream threads of this instance (default: ${DEFAULT-VALUE}); all threads of all instances "
                    + "share the input topic's partitions.")
    int threads;

    @Option(names = "--compact",
            description = "Write compact outcomes (the decisions by id), as assess-batch --compact does.")
    boolean compact;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Java properties file of further Kafka settings: security (security.protocol, sasl.*, "
                    + "ssl.*), timeouts, replication.factor, producer./consumer. prefixed settings.")
    Path config;

    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        StreamSettings settings = settings();
        ProfilerEngine engine = rules.engine();
        PrintWriter err = spec.commandLine().getErr();
        AssessStream stream;
        try {
            stream = AssessStream.start(engine, settings);
        } catch (KafkaException e) {
            err.println("assess-stream could not start: " + e.getMessage());
            return Main.CANNOT_START;
        }
        Thread stopOnSignal = new Thread(() -> {
            try {
                if (!stream.awaitStopped(Duration.ZERO)) {
                    stream.close();
                    err.println("assess-stream stopped: the work done was committed, the partitions handed over");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "assess-stream-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        err.println("assess-stream: intakes from " + inputTopic + ", outcomes to " + outputTopic
                + ", refused intakes to " + deadLetterTopic + " (application id " + applicationId + ", "
                + threads + " thread" + (threads == 1 ? "" : "s") + ", rule set " + engine.ruleSetVersion() + ")");
        stream.awaitStopped();
        if (stream.failure().isPresent()) {
            stream.close();
            err.println("assess-stream stopped: a stream thread failed ("
                    + stream.failure().get().getClass().getSimpleName() + "); see the log above");
            return STREAM_FAILED;
        }
        return 0;
    }

    private StreamSettings settings() {
        for (String server : bootstrapServers.split(",", -1)) {
            if (!SERVER.matcher(server.strip()).matches()) {
                throw usage("--bootstrap-servers " + bootstrapServers + ": each server is HOST:PORT, separated by "
                        + "commas, not '" + server + "'");
            }
        }
        requireKafkaName("--input-topic", inputTopic);
        requireKafkaName("--output-topic", outputTopic);
        requireKafkaName("--dead-letter-topic", deadLetterTopic);
        requireKafkaName("--application-id", applicationId);
        requireDifferent("--output-topic", outputTopic, "--input-topic", inputTopic);
        requireDifferent("--dead-letter-topic", deadLetterTopic, "--input-topic", inputTopic);
        requireDifferent("--dead-letter-topic", deadLetterTopic, "--output-topic", outputTopic);
        if (threads < 1) {
            throw usage("--threads must be at least 1, not " + threads);
        }
        Map<String, String> extra = config == null ? Map.of() : readConfig();
        for (String key : extra.keySet()) {
            if (StreamSettings.FIXED.contains(key)) {
                throw usage("--config " + config + " sets " + key + ", which assess-stream sets itself ("
                        + SET_BY_ASSESS_STREAM.getOrDefault(key, "leave it out") + ")");
            }
        }
        return new StreamSettings(bootstrapServers, applicationId,
                new StreamTopics(inputTopic, outputTopic, deadLetterTopic), threads,
                compact ? OutcomeForm.COMPACT : OutcomeForm.FULL, extra);
    }

    private Map<String, String> readConfig() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw usage("--config " + config + ": cannot read it as a properties file ("
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()) + ")");
        }
        Map<String, String> extra = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> extra.put(key, properties.getProperty(key)));
        return extra;
    }

    private void requireKafkaName(String option, String name) {
        if (!KAFKA_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw usage(option + " '" + name + "': a Kafka name is 1 to 249 characters of a-z, A-Z, 0-9, '.', '_' "
                    + "and '-'");
        }
    }

    private void requireDifferent(String option, String value, String otherOption, String other) {
        if (value.equals(other)) {
            throw usage(option + " must name another topic than " + otherOption + " (both are " + value + ")");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
