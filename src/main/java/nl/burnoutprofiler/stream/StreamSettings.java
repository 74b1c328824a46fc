package nl.burnoutprofiler.stream;

import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.streams.StreamsConfig;

/**
 * How one {@code assess-stream} instance connects and what it reads and writes.
 *
 * @param bootstrapServers {@code host:port,...} of the Kafka cluster
 * @param applicationId    shared by every instance of one stream: the consumer group, and the prefix of the
 *                         transactional ids
 * @param topics           intake, outcome and dead-letter topic
 * @param threads          stream threads of this instance (each takes some of the intake topic's partitions)
 * @param form             the full or the compact outcome
 * @param extra            further Kafka properties (security, timeouts), from {@code --config}; never one of
 *                         {@link #FIXED}
 */
public record StreamSettings(String bootstrapServers, String applicationId, StreamTopics topics, int threads,
        OutcomeForm form, Map<String, String> extra) {

    /** Set by the options or fixed by design, so a configuration file may not set them. */
    public static final Set<String> FIXED = Set.of(StreamsConfig.APPLICATION_ID_CONFIG,
            StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
            StreamsConfig.NUM_STREAM_THREADS_CONFIG, StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG,
            StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG);

    public StreamSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(form, "form");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        extra = Map.copyOf(new TreeMap<>(extra));
        for (String key : extra.keySet()) {
            if (FIXED.contains(key)) {
                throw new IllegalArgumentException(key + " is set by assess-stream itself"
                        + (key.equals(StreamsConfig.PROCESSING_GUARANTEE_CONFIG) ? " (always exactly_once_v2)" : ""));
            }
        }
    }

    /** The Kafka Streams configuration: the extra properties, then the fixed ones. */
    public Properties kafkaProperties() {
        Properties properties = new Properties();
        properties.putAll(extra);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        return properties;
    }
}
