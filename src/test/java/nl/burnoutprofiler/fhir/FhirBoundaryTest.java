package nl.burnoutprofiler.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * FHIR is a translation layer beside the JSON contract: it builds on the engine only, and the engine and the
 * contract JSON know nothing of it (HAPI FHIR is an optional dependency).
 */
class FhirBoundaryTest {

    private static List<Path> javaFiles(String folder) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(folder))) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void theFhirPackageNeverImportsTheServerTheStoreOrTheCommandLine() throws IOException {
        assertThat(javaFiles("src/main/java/nl/burnoutprofiler/fhir")).isNotEmpty().allSatisfy(file ->
                assertThat(Files.readString(file)).as(file.toString())
                        .doesNotContain("nl.burnoutprofiler.server").doesNotContain("nl.burnoutprofiler.store")
                        .doesNotContain("nl.burnoutprofiler.cli").doesNotContain("io.javalin"));
    }

    @Test
    void theEngineAndTheContractJsonKnowNothingOfFhir() throws IOException {
        for (String folder : List.of("src/main/java/nl/burnoutprofiler/engine",
                "src/main/java/nl/burnoutprofiler/json")) {
            assertThat(javaFiles(folder)).allSatisfy(file -> assertThat(Files.readString(file)).as(file.toString())
                    .doesNotContain("nl.burnoutprofiler.fhir").doesNotContain("ca.uhn.fhir")
                    .doesNotContain("org.hl7.fhir"));
        }
    }
}
