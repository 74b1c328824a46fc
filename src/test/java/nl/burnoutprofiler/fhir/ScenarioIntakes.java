package nl.burnoutprofiler.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.IntakeValidator;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.json.IntakeJson;

/** The intakes of the scenarios in src/test/resources/scenarios, by file name, read as the contract JSON is. */
public final class ScenarioIntakes {

    public static final Path SCENARIOS = Path.of("src/test/resources/scenarios");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioIntakes() {
    }

    /** Every scenario's intake in file-name order; intakes without a date get 2026-11-20. */
    public static Map<String, Intake> all(ProfilerEngine engine) {
        IntakeJson reader = new IntakeJson(new IntakeValidator(engine.catalogue()),
                Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));
        Map<String, Intake> intakes = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String intake = JSON.readTree(file.toFile()).get("intake").toString();
                intakes.put(file.getFileName().toString(), reader.read(intake));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return intakes;
    }

    /** One scenario's intake, by the start of its file name (such as "001-"). */
    public static Intake named(ProfilerEngine engine, String prefix) {
        return all(engine).entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario " + prefix)).getValue();
    }
}
