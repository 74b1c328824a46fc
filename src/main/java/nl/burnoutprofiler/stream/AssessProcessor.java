package nl.burnoutprofiler.stream;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assesses each intake record and forwards the outcome, keyed by case id, to the outcome sink, or the original
 * record with its reasons to the dead-letter sink.
 */
final class AssessProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(AssessProcessor.class);

    private final IntakeRecordAssessor assessor;
    private ProcessorContext<byte[], byte[]> context;

    AssessProcessor(IntakeRecordAssessor assessor) {
        this.assessor = assessor;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> intake) {
        Verdict verdict = assessor.assess(intake.value(), intake.timestamp());
        if (verdict instanceof Verdict.Assessed assessed) {
            context.forward(intake.withKey(assessed.caseId().getBytes(StandardCharsets.UTF_8))
                    .withValue(assessed.outcome()), IntakeTopology.OUTCOMES);
        } else if (verdict instanceof Verdict.Refused refused) {
            String source = context.recordMetadata().map(AssessProcessor::source).orElse(null);
            if (refused.kind() == Refusal.RULE_FAILURE) {
                // Where, never what: the record's coordinates, not its content or case id.
                LOG.warn("The rule set failed on the intake at {}; it went to the dead-letter topic", source);
            }
            context.forward(intake.withHeaders(DeadLetterHeaders.of(intake.headers(), refused.kind(),
                    refused.problems(), source)), IntakeTopology.DEAD_LETTERS);
        }
    }

    private static String source(RecordMetadata metadata) {
        return metadata.topic() + "/" + metadata.partition() + "/" + metadata.offset();
    }
}
