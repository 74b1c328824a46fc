package nl.burnoutprofiler.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import nl.burnoutprofiler.batch.GeneratedIntakes;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.stream.AssessStream;
import nl.burnoutprofiler.stream.OutcomeForm;
import nl.burnoutprofiler.stream.StreamSettings;
import nl.burnoutprofiler.stream.StreamTopics;
import nl.burnoutprofiler.stream.TestKafka;

/**
 * Benchmark of {@code assess-stream} end to end through a broker: a backlog of generated intakes on a topic of
 * four partitions, assessed by 1 and then 2 instances (each with its own engine, as separate processes would have),
 * exactly once, until a read_committed consumer has every outcome. A plain {@code main}; surefire skips it. It needs
 * the test class path (Kafka's broker), so from the project folder:
 *
 * <pre>
 * mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * java -cp target/classes:target/test-classes:$(cat target/test.classpath) nl.burnoutprofiler.bench.StreamBenchmark
 * </pre>
 *
 * <p>By default the broker runs in this JVM (KRaft, from Kafka's test kit), sharing the machine with the instances:
 * on a small machine that is the figure of the whole pipeline on one box, not of an instance alone.
 * {@code -Dbench.bootstrap=host:port} uses a running cluster instead (topics of a fresh name are created there).
 *
 * <p>Printed per run: the intakes/s from the first outcome to the last (the steady rate), and the whole run from
 * the instances' start (joining the group included). System properties (defaults in brackets): {@code bench.intakes}
 * [40000], {@code bench.instances} [1,2], {@code bench.threads} per instance [1], {@code bench.partitions} [4],
 * {@code bench.compact} compact outcomes [false], {@code bench.rules} [rules], {@code bench.kafka} Kafka settings as
 * a {@code --config} file gives them, {@code key=value;key=value} [none], e.g. {@code commit.interval.ms=1000}.
 */
public final class StreamBenchmark {

    static final int INTAKES = Integer.getInteger("bench.intakes", 40_000);
    static final int THREADS = Integer.getInteger("bench.threads", 1);
    static final int PARTITIONS = Integer.getInteger("bench.partitions", 4);
    static final boolean COMPACT = Boolean.parseBoolean(System.getProperty("bench.compact", "false"));
    /** Kafka settings as a --config file would give them, {@code key=value;key=value} [none]. */
    static final Map<String, String> KAFKA_SETTINGS = kafkaSettings(System.getProperty("bench.kafka", ""));
    static final long SEED = 20261206L;

    private StreamBenchmark() {
    }

    private record Result(int instances, double steadyPerSecond, double wholeSeconds, double firstOutcomeSeconds,
            long outcomeBytes) {
    }

    public static void main(String[] args) throws Exception {
        Path rules = Path.of(System.getProperty("bench.rules", "rules"));
        List<Integer> instanceCounts = new ArrayList<>();
        for (String count : System.getProperty("bench.instances", "1,2").split(",")) {
            instanceCounts.add(Integer.parseInt(count.strip()));
        }
        String external = System.getProperty("bench.bootstrap");
        try (TestKafka local = external == null ? TestKafka.start() : null) {
            String bootstrap = external == null ? local.bootstrapServers() : external;
            System.out.printf(Locale.ROOT, "%nassess-stream: %,d intakes, %d partitions, %s outcomes, %d thread(s) per "
                            + "instance, broker %s, %d processors%n", INTAKES, PARTITIONS, COMPACT ? "compact" : "full",
                    THREADS, external == null ? "in this JVM" : external, Runtime.getRuntime().availableProcessors());
            System.out.println("Kafka settings: " + (KAFKA_SETTINGS.isEmpty() ? "defaults" : KAFKA_SETTINGS));
            List<Result> results = new ArrayList<>();
            for (int instances : instanceCounts) {
                results.add(run(rules, bootstrap, local, instances));
            }
            System.out.println();
            System.out.println("=== Results ===");
            for (Result result : results) {
                System.out.printf(Locale.ROOT, "%d instance(s): %,.0f intakes/s steady (first to last outcome); "
                                + "whole run %.1f s (%,.0f/s), first outcome after %.1f s; %.1f kB per outcome%n",
                        result.instances(), result.steadyPerSecond(), result.wholeSeconds(),
                        INTAKES / result.wholeSeconds(), result.firstOutcomeSeconds(),
                        result.outcomeBytes() / 1024.0 / INTAKES);
            }
        }
    }

    private static Result run(Path rules, String bootstrap, TestKafka local, int instances) throws Exception {
        String suffix = "-" + instances + "-" + UUID.randomUUID().toString().substring(0, 8);
        StreamTopics topics = new StreamTopics("intakes" + suffix, "outcomes" + suffix, "refused" + suffix);
        if (local != null) {
            local.createTopic(topics.intakes(), PARTITIONS);
            local.createTopic(topics.outcomes(), PARTITIONS);
            local.createTopic(topics.deadLetters(), 1);
        } else {
            createTopics(bootstrap, topics);
        }
        List<ProfilerEngine> engines = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            engines.add(ProfilerEngine.fromDirectory(rules));
        }
        fill(bootstrap, topics.intakes(), new GeneratedIntakes(engines.get(0).catalogue(), SEED));
        System.out.printf(Locale.ROOT, "%d instance(s): %,d intakes on %s, assessing ...%n", instances, INTAKES,
                topics.intakes());

        List<AssessStream> streams = new ArrayList<>();
        long started = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> outcomes = committedReader(bootstrap, topics.outcomes())) {
            for (ProfilerEngine engine : engines) {
                streams.add(AssessStream.start(engine, new StreamSettings(bootstrap, "bench" + suffix, topics,
                        THREADS, COMPACT ? OutcomeForm.COMPACT : OutcomeForm.FULL, KAFKA_SETTINGS)));
            }
            long seen = 0;
            long bytes = 0;
            long first = 0;
            long last = 0;
            long deadline = started + Duration.ofMinutes(10).toNanos();
            while (seen < INTAKES) {
                for (ConsumerRecord<byte[], byte[]> record : outcomes.poll(Duration.ofMillis(100))) {
                    seen++;
                    bytes += record.value().length;
                }
                long now = System.nanoTime();
                if (seen > 0 && first == 0) {
                    first = now;
                }
                last = now;
                if (now - deadline > 0) {
                    throw new IllegalStateException("only " + seen + " outcomes in 10 minutes");
                }
            }
            return new Result(instances, INTAKES / ((last - first) / 1e9), (last - started) / 1e9,
                    (first - started) / 1e9, bytes);
        } finally {
            streams.forEach(AssessStream::close);
        }
    }

    private static Map<String, String> kafkaSettings(String pairs) {
        Map<String, String> settings = new TreeMap<>();
        for (String pair : pairs.split(";")) {
            if (!pair.isBlank()) {
                String[] keyAndValue = pair.split("=", 2);
                settings.put(keyAndValue[0].strip(), keyAndValue[1].strip());
            }
        }
        return settings;
    }

    private static void fill(String bootstrap, String topic, GeneratedIntakes generated) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int n = 0; n < INTAKES; n++) {
                producer.send(new ProducerRecord<>(topic, ("gen-" + n).getBytes(StandardCharsets.UTF_8),
                        generated.line(n).getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    private static KafkaConsumer<byte[], byte[]> committedReader(String bootstrap, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.add(new TopicPartition(topic, p));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static void createTopics(String bootstrap, StreamTopics topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topics.intakes(), Optional.of(PARTITIONS), Optional.empty()),
                    new NewTopic(topics.outcomes(), Optional.of(PARTITIONS), Optional.empty()),
                    new NewTopic(topics.deadLetters(), Optional.of(1), Optional.empty()))).all().get();
        }
    }
}
