package nl.burnoutprofiler.stream;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.Topology;

import nl.burnoutprofiler.engine.ProfilerEngine;

/**
 * The topology of {@code assess-stream}: intake records in, outcome records keyed by case id out, refused records
 * to the dead-letter topic. Stateless: no store, no internal topic.
 *
 * <p>An outcome is keyed by its intake's case id, whatever the intake record's key, so all outcomes of a case land in
 * one partition of the outcome topic. A repartition before assessing would add a round trip through the broker and
 * buy nothing, as nothing downstream keeps state per case; intakes of one case stay in order when they are produced
 * keyed by case id, which the README asks of producers.
 */
public final class IntakeTopology {

    static final String INTAKES = "intakes";
    static final String ASSESS = "assess";
    static final String OUTCOMES = "outcomes";
    static final String DEAD_LETTERS = "dead-letters";

    private IntakeTopology() {
    }

    /** @param engine shared by every task of the instance; it is thread-safe */
    public static Topology build(ProfilerEngine engine, StreamTopics topics, OutcomeForm form) {
        IntakeRecordAssessor assessor = new IntakeRecordAssessor(engine, form);
        ByteArraySerializer bytes = new ByteArraySerializer();
        return new Topology()
                .addSource(INTAKES, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.intakes())
                .addProcessor(ASSESS, () -> new AssessProcessor(assessor), INTAKES)
                .addSink(OUTCOMES, topics.outcomes(), bytes, bytes, ASSESS)
                .addSink(DEAD_LETTERS, topics.deadLetters(), bytes, bytes, ASSESS);
    }
}
