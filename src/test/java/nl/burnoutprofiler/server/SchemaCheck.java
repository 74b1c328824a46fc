package nl.burnoutprofiler.server;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Holds a JSON value against a schema of the OpenAPI document: the part of OpenAPI 3.0 that the document uses
 * ({@code $ref}, {@code allOf}, {@code oneOf}, types, {@code required}, {@code additionalProperties}, {@code enum},
 * {@code pattern}, {@code minimum}/{@code maximum}, {@code nullable}, formats date and date-time).
 */
final class SchemaCheck {

    private final JsonNode document;

    SchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** Every way {@code value} departs from {@code schema}, each with the JSON path where; empty when it fits. */
    List<String> problems(JsonNode schema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        check(schema, value, "$", problems);
        return problems;
    }

    /** The node a local {@code $ref} such as {@code #/components/schemas/Outcome} points at, or missing. */
    JsonNode resolve(String ref) {
        return document.at(ref.substring(1));
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (schema.has("$ref")) {
            JsonNode target = resolve(schema.get("$ref").asText());
            if (target.isMissingNode()) {
                problems.add(at + ": unresolved " + schema.get("$ref").asText());
            } else {
                check(target, value, at, problems);
            }
            return;
        }
        if (value.isNull() && schema.path("nullable").asBoolean(false)) {
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            check(part, value, at, problems);
        }
        if (schema.has("oneOf")) {
            int fitting = 0;
            List<String> misfits = new ArrayList<>();
            for (JsonNode alternative : schema.get("oneOf")) {
                List<String> own = new ArrayList<>();
                check(alternative, value, at, own);
                if (own.isEmpty()) {
                    fitting++;
                } else {
                    misfits.addAll(own);
                }
            }
            if (fitting != 1) {
                problems.add(at + ": fits " + fitting + " of the oneOf alternatives, not exactly one"
                        + (fitting == 0 ? " " + misfits : ""));
            }
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> object(schema, value, at, problems);
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(at + ": expected an array, got " + value);
                } else {
                    for (int i = 0; i < value.size(); i++) {
                        check(schema.get("items"), value.get(i), at + "[" + i + "]", problems);
                    }
                }
            }
            case "string" -> string(schema, value, at, problems);
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(at + ": expected an integer, got " + value);
                } else {
                    range(schema, value, at, problems);
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(at + ": expected a number, got " + value);
                } else {
                    range(schema, value, at, problems);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(at + ": expected true or false, got " + value);
                }
            }
            case "" -> {
                // allOf or enum only
            }
            default -> problems.add(at + ": the schema has an unknown type " + type);
        }
    }

    private void object(JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (!value.isObject()) {
            problems.add(at + ": expected an object, got " + value);
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(at + ": lacks the required " + required.asText());
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String where = at + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), where, problems);
            } else if (additional.isBoolean() && !additional.asBoolean()) {
                problems.add(where + ": is not documented");
            } else if (additional.isObject()) {
                check(additional, field.getValue(), where, problems);
            }
        }
    }

    private static void string(JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (!value.isTextual()) {
            problems.add(at + ": expected a string, got " + value);
            return;
        }
        String text = value.asText();
        if (schema.has("pattern") && !text.matches(schema.get("pattern").asText())) {
            problems.add(at + ": " + text + " does not match " + schema.get("pattern").asText());
        }
        try {
            switch (schema.path("format").asText("")) {
                case "date" -> LocalDate.parse(text);
                case "date-time" -> Instant.parse(text);
                default -> {
                    // no format to check
                }
            }
        } catch (DateTimeParseException e) {
            problems.add(at + ": " + text + " is not a " + schema.get("format").asText());
        }
    }

    private static void range(JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
            problems.add(at + ": " + value + " is below " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
            problems.add(at + ": " + value + " is above " + schema.get("maximum"));
        }
    }
}
