package nl.burnoutprofiler.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import nl.burnoutprofiler.engine.team.TeamAdvice;

/**
 * Writes a team's advice as JSON: {@code unit}, {@code ruleSetVersion} and {@code actions}, each with {@code id},
 * {@code priority}, {@code title} and {@code rationale} ({@code nl}, {@code en}), {@code who}, {@code basedOn}
 * ({@code kind}, {@code code}, {@code share}), {@code sources} and {@code rules}. Field order follows the records and
 * the actions keep their order, so equal advice always gives byte-identical text.
 */
public final class TeamAdviceJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final ObjectMapper COMPACT = JSON.copy().disable(SerializationFeature.INDENT_OUTPUT);

    private TeamAdviceJson() {
    }

    /** Indented, for people and files. */
    public static String write(TeamAdvice advice) {
        return write(JSON, advice);
    }

    /** Without indentation: for HTTP responses and storage. */
    public static String writeCompact(TeamAdvice advice) {
        return write(COMPACT, advice);
    }

    /** As a tree, to put into a larger answer. */
    public static JsonNode toJsonNode(TeamAdvice advice) {
        return COMPACT.valueToTree(advice);
    }

    private static String write(ObjectMapper mapper, TeamAdvice advice) {
        try {
            return mapper.writeValueAsString(advice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
