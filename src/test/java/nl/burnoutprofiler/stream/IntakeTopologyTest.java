package nl.burnoutprofiler.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.burnoutprofiler.TestEngine;
import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.IntakeValidator;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.json.IntakeJson;
import nl.burnoutprofiler.json.OutcomeJson;

/** The topology of {@code assess-stream} without a broker: what comes out for each kind of record that goes in. */
class IntakeTopologyTest {

    private static final StreamTopics TOPICS = new StreamTopics("intakes", "outcomes", "refused");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant MEETING_DAY = Instant.parse("2026-11-20T09:30:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> intakes;
    private TestOutputTopic<byte[], byte[]> outcomes;
    private TestOutputTopic<byte[], byte[]> refused;

    private void start(ProfilerEngine engine, OutcomeForm form) {
        Properties properties = new StreamSettings("unused:9092", "topology-test", TOPICS, 1, form, Map.of())
                .kafkaProperties();
        driver = new TopologyTestDriver(IntakeTopology.build(engine, TOPICS, form), properties);
        intakes = driver.createInputTopic(TOPICS.intakes(), new ByteArraySerializer(), new ByteArraySerializer());
        outcomes = driver.createOutputTopic(TOPICS.outcomes(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        refused = driver.createOutputTopic(TOPICS.deadLetters(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private static byte[] exampleIntake() throws Exception {
        return Files.readAllBytes(Path.of("examples/intake.json"));
    }

    private static Intake read(ProfilerEngine engine, byte[] json) {
        return new IntakeJson(new IntakeValidator(engine.catalogue()), Clock.systemUTC()).read(json);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : utf8(header.value());
    }

    @Test
    void anIntakeGivesItsOutcomeKeyedByItsCaseIdWhateverTheRecordsKey() throws Exception {
        start(TestEngine.get(), OutcomeForm.FULL);

        intakes.pipeInput("some-producer-key".getBytes(StandardCharsets.UTF_8), exampleIntake(), MEETING_DAY);

        TestRecord<byte[], byte[]> outcome = outcomes.readRecord();
        assertThat(utf8(outcome.key())).isEqualTo("c-0042");
        assertThat(outcome.value()).as("the outcome assess-batch writes for this intake, byte for byte")
                .isEqualTo(OutcomeJson.writeCompactBytes(TestEngine.get().assess(
                        read(TestEngine.get(), exampleIntake()))));
        assertThat(JSON.readTree(outcome.value()).at("/presentation/primary").asText()).isEqualTo("PHYSIOLOGICAL");
        assertThat(outcomes.isEmpty()).isTrue();
        assertThat(refused.isEmpty()).isTrue();
    }

    @Test
    void compactWritesTheDecisionsByIdAsAssessBatchCompactDoes() throws Exception {
        start(TestEngine.get(), OutcomeForm.COMPACT);

        intakes.pipeInput("c-0042".getBytes(StandardCharsets.UTF_8), exampleIntake(), MEETING_DAY);

        TestRecord<byte[], byte[]> outcome = outcomes.readRecord();
        assertThat(utf8(outcome.key())).isEqualTo("c-0042");
        assertThat(outcome.value()).isEqualTo(
                OutcomeJson.writeCompactBytes(TestEngine.get().assessCompact(read(TestEngine.get(), exampleIntake()))));
        JsonNode compact = JSON.readTree(outcome.value());
        assertThat(compact.at("/presentation/primary").asText()).isEqualTo("PHYSIOLOGICAL");
        assertThat(utf8(outcome.value())).doesNotContain("\"rationale\"");
    }

    @Test
    void theSameRecordAlwaysGivesTheSameOutcome() throws Exception {
        start(TestEngine.get(), OutcomeForm.FULL);
        byte[] undated = JSON.writeValueAsBytes(((ObjectNode)
                JSON.readTree(exampleIntake())).without("date"));

        intakes.pipeInput("c-0042".getBytes(StandardCharsets.UTF_8), undated, MEETING_DAY);
        intakes.pipeInput("c-0042".getBytes(StandardCharsets.UTF_8), undated, MEETING_DAY);

        assertThat(outcomes.readRecord().value()).isEqualTo(outcomes.readRecord().value());
    }

    @Test
    void malformedJsonGoesToTheDeadLetterTopicAsItCameWithTheReason() {
        start(TestEngine.get(), OutcomeForm.FULL);
        byte[] key = "k-1".getBytes(StandardCharsets.UTF_8);
        byte[] value = "{\"caseId\": \"c-1\", \"observations\": [".getBytes(StandardCharsets.UTF_8);
        RecordHeaders producerHeaders = new RecordHeaders();
        producerHeaders.add("trace-id", "abc".getBytes(StandardCharsets.UTF_8));

        intakes.pipeInput(new TestRecord<>(key, value, producerHeaders, MEETING_DAY));

        assertThat(outcomes.isEmpty()).isTrue();
        TestRecord<byte[], byte[]> dead = refused.readRecord();
        assertThat(dead.key()).isEqualTo(key);
        assertThat(dead.value()).as("the original bytes").isEqualTo(value);
        assertThat(header(dead, DeadLetterHeaders.REFUSAL)).isEqualTo("invalid-intake");
        assertThat(header(dead, DeadLetterHeaders.SOURCE)).isEqualTo("intakes/0/0");
        assertThat(header(dead, "trace-id")).as("the producer's own headers stay").isEqualTo("abc");
        assertThat(header(dead, DeadLetterHeaders.PROBLEMS)).contains("\"field\":\"$\"", "is not valid JSON");
    }

    @Test
    void anInvalidIntakeGoesToTheDeadLetterTopicNamingEachFieldAndReason() throws Exception {
        start(TestEngine.get(), OutcomeForm.FULL);
        byte[] value = """
                {"caseId": "c-1", "observations": [{"code": "SLEEP_PROBLEMS", "intensity": 7}, {"code": "NOPE"}],
                 "rulers": {"readiness": 11}}""".getBytes(StandardCharsets.UTF_8);

        intakes.pipeInput(null, value, MEETING_DAY);
        intakes.pipeInput("c-2".getBytes(StandardCharsets.UTF_8), exampleIntake(), MEETING_DAY);

        TestRecord<byte[], byte[]> dead = refused.readRecord();
        assertThat(dead.key()).isNull();
        assertThat(dead.value()).isEqualTo(value);
        JsonNode problems = JSON.readTree(header(dead, DeadLetterHeaders.PROBLEMS));
        Map<String, String> reasons = new TreeMap<>();
        problems.forEach(problem -> reasons.put(problem.get("field").asText(), problem.get("reason").asText()));
        assertThat(reasons).containsOnlyKeys("observations[0].intensity", "observations[1].code", "rulers.readiness");
        assertThat(reasons.values()).allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(problems.get(0).get("value").asText()).isEqualTo("7");
        assertThat(refused.isEmpty()).isTrue();
        assertThat(utf8(outcomes.readRecord().key())).as("the next intake is assessed").isEqualTo("c-0042");
    }

    @Test
    void anEmptyRecordIsRefused() {
        start(TestEngine.get(), OutcomeForm.FULL);

        intakes.pipeInput("c-1".getBytes(StandardCharsets.UTF_8), null, MEETING_DAY);

        TestRecord<byte[], byte[]> dead = refused.readRecord();
        assertThat(dead.value()).isNull();
        assertThat(header(dead, DeadLetterHeaders.PROBLEMS)).contains("is empty");
        assertThat(outcomes.isEmpty()).isTrue();
    }

    @Test
    void anIntakeOnWhichARuleFailsGoesToTheDeadLetterTopicNamingTheRule() throws Exception {
        Map<String, String> files = new TreeMap<>(TestEngine.get().ruleFiles());
        files.put("ruleset.properties",
                files.get("ruleset.properties").replaceFirst("(?m)^files=", "files=zz-fails.drl,"));
        files.put("zz-fails.drl", """
                package nl.burnoutprofiler.rules;

                import nl.burnoutprofiler.engine.Observation;
                import nl.burnoutprofiler.engine.facts.Observations;

                rule "TST-001 Fails on one note"
                    @id("TST-001") @title("fails") @titleNl("faalt") @source("test")
                    ruleflow-group "evidence"
                when
                    $observed : Observations()
                    $o : Observation( note == "trips the test rule" ) from $observed.present( "AMBIVALENCE" )
                then
                    throw new IllegalStateException("a broken rule");
                end
                """);
        start(ProfilerEngine.fromRuleFiles("test", files), OutcomeForm.FULL);

        byte[] tripping = utf8(exampleIntake()).replace("wil minder werken, maar het team laat ik niet vallen",
                "trips the test rule").getBytes(StandardCharsets.UTF_8);

        intakes.pipeInput("c-0042".getBytes(StandardCharsets.UTF_8), tripping, MEETING_DAY);
        intakes.pipeInput("c-0042".getBytes(StandardCharsets.UTF_8), exampleIntake(), MEETING_DAY);

        TestRecord<byte[], byte[]> dead = refused.readRecord();
        assertThat(dead.value()).isEqualTo(tripping);
        assertThat(header(dead, DeadLetterHeaders.REFUSAL)).isEqualTo("rule-failure");
        assertThat(header(dead, DeadLetterHeaders.PROBLEMS)).contains("TST-001 Fails on one note")
                .doesNotContain("trips the test rule");
        assertThat(utf8(outcomes.readRecord().key())).as("the stream goes on").isEqualTo("c-0042");
    }
}
