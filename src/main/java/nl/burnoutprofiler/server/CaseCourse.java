package nl.burnoutprofiler.server;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.burnoutprofiler.engine.PresentationType;
import nl.burnoutprofiler.store.StoredIntake;

/**
 * What changed between two meetings of a case: the classification, the stage, safety, the type scores, and the
 * observations and rulers the coach recorded. A case manager reads this before suggesting next steps.
 */
final class CaseCourse {

    private static final String[] RULERS = {"importance", "confidence", "readiness"};

    private CaseCourse() {
    }

    static ObjectNode changes(StoredIntake before, StoredIntake after) {
        JsonNode outcomeBefore = Json.tree(before.outcomeJson());
        JsonNode outcomeAfter = Json.tree(after.outcomeJson());
        ObjectNode changes = Json.MAPPER.createObjectNode();
        changes.put("from", before.date().toString());
        changes.put("to", after.date().toString());
        beforeAfter(changes, "primary", before.primaryType(), after.primaryType());
        beforeAfter(changes, "stage", before.stage(), after.stage());
        beforeAfter(changes, "safety", before.safetyStatus(), after.safetyStatus());
        ObjectNode scores = changes.putObject("scores");
        for (PresentationType type : PresentationType.TYPES) {
            ObjectNode score = scores.putObject(type.name());
            score.put("before", outcomeBefore.path("presentation").path("scores").path(type.name()).asDouble());
            score.put("after", outcomeAfter.path("presentation").path("scores").path(type.name()).asDouble());
        }
        Map<String, JsonNode> observedBefore = observations(Json.tree(before.intakeJson()));
        Map<String, JsonNode> observedAfter = observations(Json.tree(after.intakeJson()));
        ArrayNode added = changes.putArray("added");
        ArrayNode removed = changes.putArray("removed");
        ArrayNode intensity = changes.putArray("intensity");
        for (Map.Entry<String, JsonNode> entry : observedAfter.entrySet()) {
            JsonNode earlier = observedBefore.get(entry.getKey());
            if (!present(earlier) && present(entry.getValue())) {
                added.add(entry.getKey());
            } else if (present(earlier) && present(entry.getValue())
                    && earlier.path("intensity").asInt() != entry.getValue().path("intensity").asInt()) {
                intensity.addObject().put("code", entry.getKey())
                        .put("before", earlier.path("intensity").asInt())
                        .put("after", entry.getValue().path("intensity").asInt());
            }
        }
        for (Map.Entry<String, JsonNode> entry : observedBefore.entrySet()) {
            if (present(entry.getValue()) && !present(observedAfter.get(entry.getKey()))) {
                removed.add(entry.getKey());
            }
        }
        ObjectNode rulers = changes.putObject("rulers");
        JsonNode rulersBefore = Json.tree(before.intakeJson()).path("rulers");
        JsonNode rulersAfter = Json.tree(after.intakeJson()).path("rulers");
        for (String ruler : RULERS) {
            ObjectNode change = rulers.putObject(ruler);
            change.set("before", rulersBefore.path(ruler).isInt() ? rulersBefore.get(ruler) : null);
            change.set("after", rulersAfter.path(ruler).isInt() ? rulersAfter.get(ruler) : null);
        }
        return changes;
    }

    private static void beforeAfter(ObjectNode changes, String field, String before, String after) {
        changes.putObject(field).put("before", before).put("after", after);
    }

    /** Observations by code, in code order so the lists of changes are stable. */
    private static Map<String, JsonNode> observations(JsonNode intake) {
        Map<String, JsonNode> byCode = new TreeMap<>();
        for (JsonNode observation : intake.path("observations")) {
            byCode.put(observation.path("code").asText(), observation);
        }
        return byCode;
    }

    private static boolean present(JsonNode observation) {
        return observation != null && observation.path("present").asBoolean(true);
    }
}
