package nl.burnoutprofiler.server;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;

/** Reading small JSON request bodies, with errors that name the field. */
final class RequestBodies {

    private RequestBodies() {
    }

    static JsonNode object(Context ctx) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.body());
        } catch (IOException e) {
            throw ApiProblem.badField("$", null, "is not valid JSON").raise();
        }
        if (body == null || !body.isObject()) {
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
