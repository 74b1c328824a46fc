package nl.burnoutprofiler.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import nl.burnoutprofiler.batch.GeneratedIntakes;
import nl.burnoutprofiler.engine.IntakeValidator;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.json.IntakeJson;
import nl.burnoutprofiler.json.OutcomeJson;

/**
 * {@code assess-stream} against a real KRaft broker: two instances share a topic of four partitions, one in this JVM
 * and one the packaged jar as the README starts it. The jar is stopped with SIGTERM while intakes still arrive; the
 * other takes its partitions over. A read_committed consumer then finds exactly one outcome per intake, the one the
 * engine gives, and each refused record once on the dead-letter topic.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class AssessStreamIT {

    private static final Path JAR = Path.of(System.getProperty("packaged.jar", "target/burnout-profiler.jar"))
            .toAbsolutePath();
    private static final StreamTopics TOPICS = new StreamTopics("intakes", "outcomes", "refused");
    private static final String APPLICATION_ID = "assess-stream-it";
    private static final int PARTITIONS = 4;
    private static final int BEFORE_THE_STOP = 300;
    private static final int AFTER_THE_STOP = 1_200;
    private static final List<String> REFUSED = List.of("{\"caseId\": \"bad-1\", \"observations\": [",
            "{\"caseId\": \"bad-2\", \"observations\": [{\"code\": \"SLEEP_PROBLEMS\", \"intensity\": 7}]}",
            "{\"caseId\": \"bad 3\"}", "not json at all", "{\"caseId\": \"bad-5\", \"rulers\": {\"readiness\": 11}}");
    /** A member that leaves is replaced at once; one that does not, after this. */
    private static final Map<String, String> KAFKA_SETTINGS = Map.of("consumer.session.timeout.ms", "10000",
            "consumer.heartbeat.interval.ms", "1000");

    @TempDir
    Path temp;

    private TestKafka kafka;
    private AssessStream inThisJvm;
    private Process packagedJar;

    @BeforeEach
    void startKafka() throws Exception {
        kafka = TestKafka.start();
        kafka.createTopic(TOPICS.intakes(), PARTITIONS);
        kafka.createTopic(TOPICS.outcomes(), PARTITIONS);
        kafka.createTopic(TOPICS.deadLetters(), 1);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (packagedJar != null) {
            packagedJar.destroyForcibly().waitFor();
        }
        if (inThisJvm != null) {
            inThisJvm.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void everyIntakeGivesExactlyOneOutcomeWhileAnInstanceStopsMidRun() throws Exception {
        ProfilerEngine engine = ProfilerEngine.packaged();
        GeneratedIntakes generated = new GeneratedIntakes(engine.catalogue(), 20261206L);
        Path log = temp.resolve("assess-stream.log");
        packagedJar = startPackagedJar(log);
        inThisJvm = AssessStream.start(engine, new StreamSettings(kafka.bootstrapServers(), APPLICATION_ID, TOPICS,
                1, OutcomeForm.FULL, KAFKA_SETTINGS));
        // Two partitions each: the outcomes awaited below before the stop come from both instances.
        awaitUntil(Duration.ofSeconds(60), "the partitions shared by both instances, log: " + log,
                () -> inThisJvm.state() == KafkaStreams.State.RUNNING
                        && inThisJvm.assignedPartitions() == PARTITIONS / 2);

        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int n = 0; n < BEFORE_THE_STOP; n++) {
                send(producer, "gen-" + n, generated.line(n));
            }
            send(producer, "bad-1", REFUSED.get(0));
            send(producer, "bad-2", REFUSED.get(1));
            producer.flush();
            try (OutcomeReader outcomes = new OutcomeReader(TOPICS.outcomes())) {
                awaitUntil(Duration.ofSeconds(60), "the outcomes before the stop",
                        () -> outcomes.readAvailable() >= BEFORE_THE_STOP);
            }

            int stopAt = AFTER_THE_STOP / 4;
            for (int n = BEFORE_THE_STOP; n < BEFORE_THE_STOP + AFTER_THE_STOP; n++) {
                send(producer, "gen-" + n, generated.line(n));
                if (n == BEFORE_THE_STOP + stopAt) {
                    producer.flush();
                    packagedJar.destroy(); // SIGTERM, while intakes keep coming
                    send(producer, "bad-3", REFUSED.get(2));
                }
            }
            send(producer, "bad-4", REFUSED.get(3));
            send(producer, "bad-5", REFUSED.get(4));
        }

        assertThat(packagedJar.waitFor(60, TimeUnit.SECONDS)).as("the jar stops on SIGTERM").isTrue();
        assertThat(packagedJar.exitValue()).as(Files.readString(log)).isEqualTo(143);
        assertThat(Files.readString(log)).contains("assess-stream: intakes from intakes, outcomes to outcomes",
                "assess-stream stopped: the work done was committed");
        awaitUntil(Duration.ofSeconds(30), "the partitions taken over",
                () -> inThisJvm.assignedPartitions() == PARTITIONS);

        int intakes = BEFORE_THE_STOP + AFTER_THE_STOP;
        Map<String, byte[]> outcomes = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        try (OutcomeReader reader = new OutcomeReader(TOPICS.outcomes())) {
            awaitUntil(Duration.ofSeconds(60), "every outcome", () -> reader.readAvailable() >= intakes);
            reader.readToTheEnd();
            for (ConsumerRecord<byte[], byte[]> record : reader.records) {
                if (outcomes.put(new String(record.key(), StandardCharsets.UTF_8), record.value()) != null) {
                    duplicates.add(new String(record.key(), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(duplicates).as("outcomes written twice").isEmpty();
        assertThat(outcomes).hasSize(intakes);
        assertThat(outcomes.keySet()).as("one outcome for each intake").containsAll(
                IntStream.range(0, intakes).mapToObj(n -> "gen-" + n).toList());
        // Every seventh, byte for byte (all of them would take seconds of a small machine's build).
        IntakeJson intakeJson = new IntakeJson(new IntakeValidator(engine.catalogue()), Clock.systemUTC());
        for (int n = 0; n < intakes; n += 7) {
            assertThat(outcomes.get("gen-" + n)).as("the outcome of gen-" + n)
                    .isEqualTo(OutcomeJson.writeCompactBytes(engine.assess(intakeJson.read(generated.line(n)))));
        }

        try (OutcomeReader reader = new OutcomeReader(TOPICS.deadLetters())) {
            awaitUntil(Duration.ofSeconds(30), "the refused records", () -> reader.readAvailable() >= REFUSED.size());
            reader.readToTheEnd();
            assertThat(reader.records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .containsExactlyInAnyOrderElementsOf(REFUSED);
            assertThat(reader.records).allSatisfy(record -> {
                assertThat(new String(record.headers().lastHeader(DeadLetterHeaders.REFUSAL).value(),
                        StandardCharsets.UTF_8)).isEqualTo("invalid-intake");
                assertThat(new String(record.headers().lastHeader(DeadLetterHeaders.PROBLEMS).value(),
                        StandardCharsets.UTF_8)).contains("\"field\"", "\"reason\"");
            });
        }
    }

    private Process startPackagedJar(Path log) throws Exception {
        Path config = Files.writeString(temp.resolve("kafka.properties"), "# as a cluster's security settings would\n"
                + String.join("\n", KAFKA_SETTINGS.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toList()) + "\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-jar", JAR.toString(), "assess-stream",
                "--bootstrap-servers", kafka.bootstrapServers(), "--input-topic", TOPICS.intakes(),
                "--output-topic", TOPICS.outcomes(), "--dead-letter-topic", TOPICS.deadLetters(),
                "--application-id", APPLICATION_ID, "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String caseId, String intake) {
        producer.send(new ProducerRecord<>(TOPICS.intakes(), caseId.getBytes(StandardCharsets.UTF_8),
                intake.getBytes(StandardCharsets.UTF_8)));
    }

    private static void awaitUntil(Duration timeout, String what, BooleanSupplier condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Reads a whole topic as a consumer of the outcomes would: committed transactions only. */
    private final class OutcomeReader implements AutoCloseable {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final List<TopicPartition> partitions;
        final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();

        OutcomeReader(String topic) {
            Properties properties = new Properties();
            properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        int readAvailable() {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return records.size();
        }

        /** Up to the last stable offset of every partition: nothing committed is left unread. */
        void readToTheEnd() throws InterruptedException {
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            awaitUntil(Duration.ofSeconds(30), "the end of " + partitions, () -> {
                readAvailable();
                return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
            });
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
