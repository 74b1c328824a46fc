package nl.burnoutprofiler.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import nl.burnoutprofiler.engine.CompactOutcome;
import nl.burnoutprofiler.engine.Outcome;

/**
 * Writes outcomes as the JSON of contract section 2. Field order follows the records, map entries follow the
 * fixed type and stage order, so equal outcomes always give byte-identical text.
 */
public final class OutcomeJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final ObjectMapper COMPACT = JSON.copy().disable(SerializationFeature.INDENT_OUTPUT);

    private OutcomeJson() {
    }

    public static String write(Outcome outcome) {
        return toJson(outcome);
    }

    /** The same JSON without indentation: for HTTP responses and storage. */
    public static String writeCompact(Outcome outcome) {
        return unindented(outcome);
    }

    /** As {@link #writeCompact}, as UTF-8 bytes: what an HTTP response sends, without a String in between. */
    public static byte[] writeCompactBytes(Outcome outcome) {
        return unindentedBytes(outcome);
    }

    /** A compact outcome, for machines, without indentation. */
    public static String writeCompact(CompactOutcome outcome) {
        return unindented(outcome);
    }

    /** As {@link #writeCompact(CompactOutcome)}, as UTF-8 bytes. */
    public static byte[] writeCompactBytes(CompactOutcome outcome) {
        return unindentedBytes(outcome);
    }

    private static String unindented(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static byte[] unindentedBytes(Object value) {
        try {
            return COMPACT.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Any value of the engine's API (catalogue entries, rule descriptions) in the same style. */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
