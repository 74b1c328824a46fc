package nl.burnoutprofiler.stream;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import nl.burnoutprofiler.engine.FieldProblem;

/**
 * The headers a refused record carries on the dead-letter topic, beside its original key, value and headers:
 * <ul>
 *   <li>{@value #REFUSAL}: {@code invalid-intake} or {@code rule-failure};</li>
 *   <li>{@value #PROBLEMS}: a JSON array of {@code {"field", "value", "reason"}}, as the API and
 *       {@code assess-batch} name them ({@code value} absent for a missing field);</li>
 *   <li>{@value #SOURCE}: {@code topic/partition/offset} of the intake record.</li>
 * </ul>
 */
public final class DeadLetterHeaders {

    public static final String REFUSAL = "burnout-profiler.refusal";
    public static final String PROBLEMS = "burnout-profiler.problems";
    public static final String SOURCE = "burnout-profiler.source";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private DeadLetterHeaders() {
    }

    static Headers of(Headers original, Refusal refusal, List<FieldProblem> problems, String source) {
        Headers headers = new RecordHeaders(original.toArray());
        headers.remove(REFUSAL).remove(PROBLEMS).remove(SOURCE); // a record replayed from the dead-letter topic
        headers.add(REFUSAL, utf8(refusal.header()));
        headers.add(PROBLEMS, utf8(problemsJson(problems)));
        if (source != null) {
            headers.add(SOURCE, utf8(source));
        }
        return headers;
    }

    static String problemsJson(List<FieldProblem> problems) {
        try {
            return JSON.writeValueAsString(problems);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
