package nl.burnoutprofiler.json;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.burnoutprofiler.engine.FieldProblem;
import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.IntakeValidator;
import nl.burnoutprofiler.engine.InvalidIntakeException;
import nl.burnoutprofiler.engine.Observation;
import nl.burnoutprofiler.engine.Observer;
import nl.burnoutprofiler.engine.Rulers;
import nl.burnoutprofiler.engine.Stage;

/**
 * Reads the intake JSON of contract section 1, reporting every problem at once: malformed JSON, wrong types,
 * unknown fields, and (through {@link IntakeValidator}) unknown or duplicate codes and values out of range.
 */
public final class IntakeJson {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Set<String> INTAKE_FIELDS = Set.of("caseId", "date", "observer", "observations", "rulers",
            "notes", "previousStage");
    private static final Set<String> OBSERVATION_FIELDS = Set.of("code", "intensity", "present", "note", "observer");
    private static final Set<String> RULER_FIELDS = Set.of("importance", "confidence", "readiness");

    private final IntakeValidator validator;
    private final Clock clock;

    /**
     * @param validator checks codes against the catalogue of the engine that will assess the intake
     * @param clock     gives the date of an intake that has none
     */
    public IntakeJson(IntakeValidator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Parses and validates; throws {@link InvalidIntakeException} listing every problem found. The JSON is read
     * within the limits of {@link JsonInput}.
     */
    public Intake read(String json) {
        try {
            return read(JsonInput.read(json));
        } catch (JsonInput.Refused e) {
            throw new InvalidIntakeException(e.problems());
        }
    }

    /** As {@link #read(String)}, from UTF-8 bytes: a byte sequence that is not UTF-8 is refused. */
    public Intake read(byte[] json) {
        try {
            return read(JsonInput.read(json));
        } catch (JsonInput.Refused e) {
            throw new InvalidIntakeException(e.problems());
        }
    }

    /**
     * As {@link #read(String)}, from a tree that {@link JsonInput} has read (a request body already parsed and
     * checked): it is not parsed again.
     */
    public Intake read(JsonNode root) {
        List<FieldProblem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new InvalidIntakeException(List.of(new FieldProblem("$", null, "must be a JSON object (an intake)")));
        }
        unknownFields(root, "", INTAKE_FIELDS, problems);
        String caseId = text(root, "caseId", "caseId", problems);
        LocalDate date = date(root, problems);
        Observer observer = observer(root.get("observer"), "observer", Observer.COACH, problems);
        List<Observation> observations = observations(root.get("observations"), problems);
        Rulers rulers = rulers(root.get("rulers"), problems);
        String notes = text(root, "notes", "notes", problems);
        Stage previousStage = previousStage(root, problems);
        Intake intake = new Intake(caseId, date, observer, observations, rulers, notes, previousStage);
        problems.addAll(validator.problems(intake));
        if (!problems.isEmpty()) {
            throw new InvalidIntakeException(problems);
        }
        return intake;
    }

    /**
     * The intake in its normal form: the contract's fields, defaults filled in ({@code date}, {@code observer}),
     * {@code intensity} only for present observations, empty parts left out. Reading it back gives an equal intake.
     */
    public static String write(Intake intake) {
        ObjectNode root = JSON.createObjectNode();
        root.put("caseId", intake.caseId());
        if (intake.date() != null) {
            root.put("date", intake.date().toString());
        }
        root.put("observer", intake.observer().name());
        ArrayNode observations = root.putArray("observations");
        for (Observation o : intake.observations()) {
            ObjectNode item = observations.addObject();
            item.put("code", o.code());
            if (o.present()) {
                item.put("intensity", o.intensity());
            } else {
                item.put("present", false);
            }
            if (o.note() != null) {
                item.put("note", o.note());
            }
            if (o.observer() != null && o.observer() != intake.observer()) {
                item.put("observer", o.observer().name());
            }
        }
        Rulers rulers = intake.rulers();
        if (!rulers.isEmpty()) {
            ObjectNode node = root.putObject("rulers");
            putIfSet(node, "importance", rulers.importance());
            putIfSet(node, "confidence", rulers.confidence());
            putIfSet(node, "readiness", rulers.readiness());
        }
        if (intake.notes() != null) {
            root.put("notes", intake.notes());
        }
        if (intake.previousStage() != null) {
            root.put("previousStage", intake.previousStage().name());
        }
        return root.toString();
    }

    private static void putIfSet(ObjectNode node, String name, Integer value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private LocalDate date(JsonNode root, List<FieldProblem> problems) {
        JsonNode node = root.get("date");
        if (node == null || node.isNull()) {
            return LocalDate.now(clock);
        }
        if (node.isTextual()) {
            try {
                return LocalDate.parse(node.asText());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        problems.add(new FieldProblem("date", node.toString(), "must be an ISO date such as 2026-11-20"));
        return LocalDate.now(clock);
    }

    /** The observer named in {@code node}, or {@code otherwise} when there is none (or it is not one). */
    private static Observer observer(JsonNode node, String field, Observer otherwise, List<FieldProblem> problems) {
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (node.isTextual()) {
            for (Observer o : Observer.values()) {
                if (o.name().equals(node.asText())) {
                    return o;
                }
            }
        }
        problems.add(new FieldProblem(field, node.toString(),
                "must be one of COACH, CLIENT, COLLEAGUE, MANAGER, PHYSICIAN"));
        return otherwise;
    }

    private static Stage previousStage(JsonNode root, List<FieldProblem> problems) {
        JsonNode node = root.get("previousStage");
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            for (Stage stage : Stage.STAGES) {
                if (stage.name().equals(node.asText())) {
                    return stage;
                }
            }
        }
        problems.add(new FieldProblem("previousStage", node.toString(), IntakeValidator.PREVIOUS_STAGE_RULE));
        return null;
    }

    private static List<Observation> observations(JsonNode node, List<FieldProblem> problems) {
        List<Observation> observations = new ArrayList<>();
        if (node == null || node.isNull()) {
            return observations;
        }
        if (!node.isArray()) {
            problems.add(new FieldProblem("observations", node.toString(), "must be a list of observations"));
            return observations;
        }
        if (node.size() > IntakeValidator.MAX_OBSERVATIONS) {
            problems.add(IntakeValidator.tooManyObservations(node.size()));
            return observations;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String field = "observations[" + i + "]";
            if (!item.isObject()) {
                problems.add(new FieldProblem(field, item.toString(), "must be an object with a code"));
                continue;
            }
            unknownFields(item, field + ".", OBSERVATION_FIELDS, problems);
            String code = text(item, "code", field + ".code", problems);
            int intensity = Observation.DEFAULT_INTENSITY;
            JsonNode intensityNode = item.get("intensity");
            if (intensityNode != null && !intensityNode.isNull()) {
                if (intensityNode.isIntegralNumber() && intensityNode.canConvertToInt()) {
                    intensity = intensityNode.asInt();
                } else {
                    problems.add(new FieldProblem(field + ".intensity", intensityNode.toString(),
                            "must be 1 (slight), 2 (clear) or 3 (strong)"));
                }
            }
            boolean present = true;
            JsonNode presentNode = item.get("present");
            if (presentNode != null && !presentNode.isNull()) {
                if (presentNode.isBoolean()) {
                    present = presentNode.asBoolean();
                } else {
                    problems.add(new FieldProblem(field + ".present", presentNode.toString(),
                            "must be true or false"));
                }
            }
            String note = text(item, "note", field + ".note", problems);
            // Null: seen by the intake's own observer, which the intake fills in.
            Observer seenBy = observer(item.get("observer"), field + ".observer", null, problems);
            observations.add(new Observation(code, intensity, present, note, seenBy));
        }
        return observations;
    }

    private static Rulers rulers(JsonNode node, List<FieldProblem> problems) {
        if (node == null || node.isNull()) {
            return Rulers.NONE;
        }
        if (!node.isObject()) {
            problems.add(new FieldProblem("rulers", node.toString(),
                    "must be an object with importance, confidence and readiness"));
            return Rulers.NONE;
        }
        unknownFields(node, "rulers.", RULER_FIELDS, problems);
        return new Rulers(ruler(node, "importance", problems), ruler(node, "confidence", problems),
                ruler(node, "readiness", problems));
    }

    private static Integer ruler(JsonNode rulers, String name, List<FieldProblem> problems) {
        JsonNode node = rulers.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.asInt();
        }
        problems.add(new FieldProblem("rulers." + name, node.toString(), "must be a whole number from 0 to 10"));
        return null;
    }

    private static String text(JsonNode parent, String name, String field, List<FieldProblem> problems) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new FieldProblem(field, node.toString(), "must be text"));
            return null;
        }
        return node.asText();
    }

    private static void unknownFields(JsonNode node, String prefix, Set<String> known, List<FieldProblem> problems) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            if (!known.contains(name)) {
                problems.add(new FieldProblem(prefix + name, null, "is not a field of the intake"));
            }
        }
    }
}
