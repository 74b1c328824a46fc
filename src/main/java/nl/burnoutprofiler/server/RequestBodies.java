package nl.burnoutprofiler.server;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;

import nl.burnoutprofiler.engine.InvalidIntakeException;
import nl.burnoutprofiler.json.JsonInput;

/**
 * Reading JSON request bodies within the limits of {@link JsonInput} (the size is bounded before, by
 * {@link BodySizeLimit}), with errors that name the field.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    /** The body as JSON, read from its bytes as UTF-8 whatever charset the request claims (RFC 8259). */
    static JsonNode json(Context ctx) {
        return JsonInput.read(ctx.bodyAsBytes());
    }

    /** As {@link #json}, refusing as an intake that cannot be assessed. */
    static JsonNode intake(Context ctx) {
        try {
            return json(ctx);
        } catch (JsonInput.Refused e) {
            throw new InvalidIntakeException(e.problems());
        }
    }

    static JsonNode object(Context ctx) {
        JsonNode body = json(ctx);
        if (!body.isObject()) {
            throw ApiProblem.badField("$", null, "must be a JSON object").raise();
        }
        return body;
    }

    static String requiredText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw ApiProblem.badField(field, node == null ? null : node.toString(), "is required text").raise();
        }
        return node.asText();
    }

    static String optionalText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiProblem.badField(field, node.toString(), "must be text").raise();
        }
        return node.asText();
    }
}
