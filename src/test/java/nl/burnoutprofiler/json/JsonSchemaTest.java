package nl.burnoutprofiler.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import nl.burnoutprofiler.TestEngine;
import nl.burnoutprofiler.engine.Confidence;
import nl.burnoutprofiler.engine.FieldProblem;
import nl.burnoutprofiler.engine.IntakeValidator;
import nl.burnoutprofiler.engine.InvalidIntakeException;
import nl.burnoutprofiler.engine.Observer;
import nl.burnoutprofiler.engine.PresentationType;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.engine.SafetyStatus;
import nl.burnoutprofiler.engine.Stage;

/**
 * The published JSON Schemas (draft 2020-12, shipped in the jar under nl/burnoutprofiler/schema/) tell the truth:
 * every example and every scenario intake fits the intake schema, every scenario's outcome fits the outcome schema,
 * and the intake schema refuses what {@link IntakeJson} refuses and accepts what it accepts.
 */
class JsonSchemaTest {

    private static final String BASE = "https://burnout-profiler.nl/schema/";
    private static final Path SCENARIOS = Path.of("src/test/resources/scenarios");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The schemas by their $id, read from the class path as an integrator would map them. */
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers ->
                    mappers.mapPrefix(BASE, "classpath:nl/burnoutprofiler/schema/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final JsonSchema INTAKE =
            FACTORY.getSchema(SchemaLocation.of(BASE + "intake.schema.json"), CONFIG);
    private static final JsonSchema OUTCOME =
            FACTORY.getSchema(SchemaLocation.of(BASE + "outcome.schema.json"), CONFIG);

    private final ProfilerEngine engine = TestEngine.get();
    private final IntakeJson intakes = new IntakeJson(new IntakeValidator(engine.catalogue()),
            Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));

    private static List<Path> scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    private static JsonNode resource(String name) throws IOException {
        try (var in = JsonSchemaTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name + " on the class path").isNotNull();
            return JSON.readTree(in);
        }
    }

    /** An intake of case c-1 with one SLEEP_PROBLEMS observation that has these further fields. */
    private static String withObservation(String fields) {
        return "{\"caseId\": \"c-1\", \"observations\": [{\"code\": \"SLEEP_PROBLEMS\", " + fields + "}]}";
    }

    private static Set<ValidationMessage> intakeProblems(String json) {
        return INTAKE.validate(json, InputFormat.JSON);
    }

    @Test
    void bothAreValidDraft202012SchemasWithTheirPublishedIds() throws IOException {
        JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        for (String name : List.of("intake", "outcome")) {
            JsonNode schema = resource("/nl/burnoutprofiler/schema/" + name + ".schema.json");
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("$id").asText()).isEqualTo(BASE + name + ".schema.json");
            assertThat(metaSchema.validate(schema)).as(name + " against the draft 2020-12 meta-schema").isEmpty();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioIntakeFitsTheIntakeSchema() throws IOException {
        return scenarioFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () ->
                assertThat(INTAKE.validate(read(file).path("intake"))).isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> theOutcomeOfEveryScenarioFitsTheOutcomeSchema() throws IOException {
        return scenarioFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String outcome = OutcomeJson.write(engine.assess(intakes.read(read(file).path("intake").toString())));
            assertThat(OUTCOME.validate(outcome, InputFormat.JSON)).isEmpty();
        }));
    }

    @Test
    void theShippedExampleAndItsOutcomeFitTheSchemas() throws IOException {
        String example = Files.readString(Path.of("examples/intake.json"));
        assertThat(intakeProblems(example)).isEmpty();
        assertThat(OUTCOME.validate(OutcomeJson.writeCompact(engine.assess(intakes.read(example))), InputFormat.JSON))
                .isEmpty();
    }

    @Test
    void theExamplesInsideTheSchemaAndTheOpenApiDocumentFitTheIntakeSchema() throws IOException {
        JsonNode examples = resource("/nl/burnoutprofiler/schema/intake.schema.json").path("examples");
        assertThat(examples).isNotEmpty();
        examples.forEach(example -> {
            assertThat(INTAKE.validate(example)).isEmpty();
            intakes.read(example.toString());
        });
        JsonNode openApiExample = resource("/nl/burnoutprofiler/server/openapi.json")
                .at("/components/schemas/Intake/example");
        assertThat(openApiExample.isObject()).isTrue();
        assertThat(INTAKE.validate(openApiExample)).isEmpty();
    }

    /** Intakes that {@link IntakeJson} accepts, including its edge cases: nulls, defaults, the longest caseId. */
    @Test
    void whatIntakeJsonAcceptsTheSchemaAccepts() {
        List<String> accepted = List.of(
                "{\"caseId\": \"c\"}",
                "{\"caseId\": \"" + "a".repeat(64) + "\", \"observations\": []}",
                "{\"caseId\": \"A-z_0.9\", \"date\": null, \"observer\": null, \"observations\": null,"
                        + " \"rulers\": null, \"notes\": null}",
                "{\"caseId\": \"c-1\", \"observer\": \"PHYSICIAN\", \"observations\": [{\"code\": \"SLEEP_PROBLEMS\","
                        + " \"intensity\": null, \"present\": null, \"note\": null}], \"rulers\": {}}",
                withObservation("\"present\": false, \"intensity\": 1"),
                "{\"caseId\": \"c-1\", \"rulers\": {\"importance\": 0, \"confidence\": 10, \"readiness\": null}}",
                "{\"caseId\": \"c-1\", \"notes\": \"" + "n".repeat(3_990) + "\\t\\r\\n\"}",
                withObservation("\"note\": \"" + "n".repeat(1_000) + "\""));
        for (String json : accepted) {
            intakes.read(json);
            assertThat(intakeProblems(json)).as(json).isEmpty();
        }
    }

    /**
     * Intakes that {@link IntakeJson} refuses and the schema refuses too, each for the field {@code IntakeJson}
     * names. (Unknown and duplicate codes depend on the rule set's catalogue: only the engine refuses those.)
     */
    @Test
    void whatTheSchemaRefusesIntakeJsonRefusesForTheSameField() {
        record Bad(String json, String field) {
        }
        List<Bad> refused = List.of(
                new Bad(withObservation("\"intensity\": 7"), "observations[0].intensity"),
                new Bad(withObservation("\"intensity\": 0"), "observations[0].intensity"),
                new Bad(withObservation("\"intensity\": \"3\""), "observations[0].intensity"),
                new Bad(withObservation("\"intensity\": 2.5"), "observations[0].intensity"),
                new Bad(withObservation("\"present\": \"no\""), "observations[0].present"),
                new Bad(withObservation("\"level\": 3"), "observations[0].level"),
                new Bad("{\"caseId\": \"c-1\", \"observations\": [{\"intensity\": 3}]}", "observations[0].code"),
                new Bad("{\"caseId\": \"c-1\", \"observations\": [\"SLEEP_PROBLEMS\"]}", "observations[0]"),
                new Bad("{\"caseId\": \"c-1\", \"observations\": {\"code\": \"SLEEP_PROBLEMS\"}}", "observations"),
                new Bad("{\"caseId\": \"c-1\", \"name\": \"Jan Jansen\"}", "name"),
                new Bad("{\"caseId\": \"Jan Jansen\"}", "caseId"),
                new Bad("{\"caseId\": \"" + "a".repeat(65) + "\"}", "caseId"),
                new Bad("{\"caseId\": \"\"}", "caseId"),
                new Bad("{\"caseId\": 42}", "caseId"),
                new Bad("{\"observations\": []}", "caseId"),
                new Bad("{\"caseId\": \"c-1\", \"observer\": \"BOSS\"}", "observer"),
                new Bad("{\"caseId\": \"c-1\", \"date\": \"20-11-2026\"}", "date"),
                new Bad("{\"caseId\": \"c-1\", \"date\": \"2026-02-30\"}", "date"),
                new Bad("{\"caseId\": \"c-1\", \"rulers\": {\"readiness\": 11}}", "rulers.readiness"),
                new Bad("{\"caseId\": \"c-1\", \"rulers\": {\"importance\": -1}}", "rulers.importance"),
                new Bad("{\"caseId\": \"c-1\", \"rulers\": {\"confidence\": 5.5}}", "rulers.confidence"),
                new Bad("{\"caseId\": \"c-1\", \"rulers\": {\"motivation\": 5}}", "rulers.motivation"),
                new Bad("{\"caseId\": \"c-1\", \"rulers\": [7, 3, 5]}", "rulers"),
                new Bad("{\"caseId\": \"c-1\", \"notes\": 12}", "notes"),
                new Bad("{\"caseId\": \"c-1\", \"notes\": \"" + "n".repeat(4_001) + "\"}", "notes"),
                new Bad("{\"caseId\": \"c-1\", \"notes\": \"a\\u0000b\"}", "notes"),
                new Bad("{\"caseId\": \"c-1\", \"notes\": \"bell \\u0007\"}", "notes"),
                new Bad(withObservation("\"note\": \"" + "n".repeat(1_001) + "\""), "observations[0].note"),
                new Bad(withObservation("\"note\": \"\\u001b[31m\""), "observations[0].note"),
                new Bad("{\"caseId\": \"c-1\", \"observations\": ["
                        + String.join(",", java.util.Collections.nCopies(201, "{\"code\": \"SLEEP_PROBLEMS\"}"))
                        + "]}", "observations"),
                new Bad("[]", "$"));
        for (Bad bad : refused) {
            assertThat(intakeProblems(bad.json())).as("the schema refuses %s", bad.json()).isNotEmpty();
            assertThatThrownBy(() -> intakes.read(bad.json())).as("IntakeJson refuses %s", bad.json())
                    .isInstanceOfSatisfying(InvalidIntakeException.class, e ->
                            assertThat(e.problems()).extracting(FieldProblem::field).contains(bad.field()));
        }
    }

    @Test
    void theSchemasListTheEnginesEnumsExactly() throws IOException {
        JsonNode intake = resource("/nl/burnoutprofiler/schema/intake.schema.json");
        JsonNode outcome = resource("/nl/burnoutprofiler/schema/outcome.schema.json");
        assertThat(names(intake.at("/properties/observer/enum"))).isEqualTo(names(Observer.values()));
        assertThat(names(outcome.at("/$defs/presentationType/enum"))).isEqualTo(names(PresentationType.values()));
        assertThat(names(outcome.at("/$defs/type/enum")))
                .isEqualTo(new TreeSet<>(PresentationType.TYPES.stream().map(Enum::name).toList()));
        assertThat(names(outcome.at("/$defs/stage/enum"))).isEqualTo(names(Stage.values()));
        assertThat(names(outcome.at("/$defs/stageScores/required")))
                .isEqualTo(new TreeSet<>(Stage.STAGES.stream().map(Enum::name).toList()));
        assertThat(names(outcome.at("/$defs/safetyStatus/enum"))).isEqualTo(names(SafetyStatus.values()));
        assertThat(names(outcome.at("/properties/presentation/properties/confidence/enum")))
                .isEqualTo(names(Confidence.values()));
    }

    @Test
    void aRuleSetVersionWithoutItsContentHashDoesNotFit() throws IOException {
        JsonNode outcome = JSON.readTree(OutcomeJson.writeCompact(engine.assess(intakes.read(
                Files.readString(Path.of("examples/intake.json"))))));
        ((ObjectNode) outcome).put("ruleSetVersion", "0.1.0");
        assertThat(OUTCOME.validate(outcome)).isNotEmpty();
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new TreeSet<>();
        array.forEach(value -> {
            if (!value.isNull()) {
                names.add(value.asText());
            }
        });
        return names;
    }

    private static Set<String> names(Enum<?>[] values) {
        return new TreeSet<>(Arrays.stream(values).map(Enum::name).toList());
    }
}
