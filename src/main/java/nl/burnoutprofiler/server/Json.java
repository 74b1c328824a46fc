package nl.burnoutprofiler.server;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import nl.burnoutprofiler.json.JsonInput;

/** The server's JSON: no nulls, no indentation; read within the limits of {@link JsonInput}. */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder(JsonInput.constrainedFactory())
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .build();

    private Json() {
    }

    /** A stored JSON text as a tree; stored texts were written by this server, so they are well-formed. */
    static JsonNode tree(String storedJson) {
        try {
            return MAPPER.readTree(storedJson);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON is not readable", e);
        }
    }
}
