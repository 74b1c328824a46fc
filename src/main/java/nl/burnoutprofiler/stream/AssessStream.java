package nl.burnoutprofiler.stream;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.burnoutprofiler.engine.ProfilerEngine;

/**
 * One running instance of the stream: Kafka Streams over {@link IntakeTopology}, exactly once, with one engine for
 * all its threads. Start as many instances (same application id) as there are partitions to share.
 */
public final class AssessStream implements AutoCloseable {

    /** How long {@link #close()} waits for the transaction in progress to commit and the threads to stop. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(AssessStream.class);

    private final KafkaStreams streams;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private AssessStream(ProfilerEngine engine, StreamSettings settings) {
        streams = new KafkaStreams(IntakeTopology.build(engine, settings.topics(), settings.form()),
                settings.kafkaProperties());
        streams.setUncaughtExceptionHandler(e -> {
            failure.compareAndSet(null, e);
            // Every instance would fail on the same record in turn; stopping says so instead of looping.
            LOG.error("A stream thread failed ({}); this instance stops", e.getClass().getSimpleName());
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
    }

    /**
     * Starts an instance; it joins the group of {@code settings.applicationId()} and works in the background.
     *
     * @throws org.apache.kafka.common.KafkaException when the configuration is refused
     */
    public static AssessStream start(ProfilerEngine engine, StreamSettings settings) {
        AssessStream stream = new AssessStream(engine, settings);
        stream.streams.start();
        return stream;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The partitions of the intake topic this instance works on now. */
    public int assignedPartitions() {
        return (int) streams.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .flatMap(task -> task.topicPartitions().stream())
                .distinct()
                .count();
    }

    /** Waits until the instance has stopped: closed, or failed (see {@link #failure()}). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** What stopped a stream thread, when one failed. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    /**
     * Commits the transaction in progress, leaves the group, so that the other instances take over its partitions
     * at once rather than after the session timeout, and stops. Safe to call more than once.
     */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
    }
}
