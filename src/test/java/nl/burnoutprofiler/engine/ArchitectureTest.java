package nl.burnoutprofiler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nl.burnoutprofiler.TestEngine;

/**
 * The engine is a library first: it never depends on the command line, the server or the database, and rules do
 * no I/O. The layers above it depend downwards only.
 */
class ArchitectureTest {

    private static List<Path> javaFiles(String folder) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(folder))) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void theEngineAndJsonPackagesNeverImportTheCommandLine() throws IOException {
        for (String folder : List.of("src/main/java/nl/burnoutprofiler/engine", "src/main/java/nl/burnoutprofiler/json")) {
            for (Path file : javaFiles(folder)) {
                assertThat(Files.readString(file)).as(file.toString())
                        .doesNotContain("nl.burnoutprofiler.cli")
                        .doesNotContain("picocli")
                        .doesNotContain("logback");
            }
        }
    }

    @Test
    void theEngineAndJsonPackagesKnowNothingOfTheServerOrTheDatabase() throws IOException {
        for (String folder : List.of("src/main/java/nl/burnoutprofiler/engine", "src/main/java/nl/burnoutprofiler/json")) {
            for (Path file : javaFiles(folder)) {
                assertThat(Files.readString(file)).as(file.toString())
                        .doesNotContain("nl.burnoutprofiler.server").doesNotContain("nl.burnoutprofiler.store")
                        .doesNotContain("io.javalin").doesNotContain("java.sql");
            }
        }
    }

    @Test
    void theStoreServesTheServerAndTheServerServesTheCommandLine() throws IOException {
        for (Path file : javaFiles("src/main/java/nl/burnoutprofiler/store")) {
            assertThat(Files.readString(file)).as(file.toString())
                    .doesNotContain("nl.burnoutprofiler.server").doesNotContain("nl.burnoutprofiler.cli")
                    .doesNotContain("io.javalin");
        }
        for (Path file : javaFiles("src/main/java/nl/burnoutprofiler/server")) {
            assertThat(Files.readString(file)).as(file.toString())
                    .doesNotContain("nl.burnoutprofiler.cli").doesNotContain("picocli");
        }
    }

    @Test
    void theStreamServesTheCommandLineAndKnowsNothingOfTheServer() throws IOException {
        for (Path file : javaFiles("src/main/java/nl/burnoutprofiler/stream")) {
            assertThat(Files.readString(file)).as(file.toString())
                    .doesNotContain("nl.burnoutprofiler.cli").doesNotContain("picocli")
                    .doesNotContain("nl.burnoutprofiler.server").doesNotContain("nl.burnoutprofiler.store")
                    .doesNotContain("System.out").doesNotContain("System.err");
        }
    }

    @Test
    void theEngineNeverPrints() throws IOException {
        for (Path file : javaFiles("src/main/java/nl/burnoutprofiler/engine")) {
            assertThat(Files.readString(file)).as(file.toString())
                    .doesNotContain("System.out").doesNotContain("System.err").doesNotContain("printStackTrace");
        }
    }

    /**
     * Profiling observations that describe the client for the coach's picture without weighing towards a type or
     * stage (seed 001 names them as things to observe, not as signs of one type).
     */
    private static final Set<String> DESCRIPTIVE_CODES =
            Set.of("INTERNAL_REFERENCE", "TENSION_IN_BODY_LOCATED", "ACTIVE_COPING");

    @Test
    void everyCatalogueCodeIsUsedByARuleOrIsDeliberatelyDescriptive() throws IOException {
        StringBuilder drl = new StringBuilder();
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                drl.append(Files.readString(file));
            }
        }
        for (String code : TestEngine.get().catalogue().codeIds()) {
            assertThat(drl.toString().contains("\"" + code + "\"") || DESCRIPTIVE_CODES.contains(code))
                    .as(code + " is read by a rule or listed as descriptive").isTrue();
        }
    }

    @Test
    void rulesDoNoIoReadNoClockAndUseNoDeprecatedSyntax() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                String drl = Files.readString(file);
                assertThat(drl).as(file.toString())
                        .doesNotContain("System.").doesNotContain("java.io").doesNotContain("java.nio")
                        .doesNotContain("now()").doesNotContain("new Date")
                        .doesNotContain("agenda-group").doesNotContain("dialect \"mvel\"");
                assertThat(drl).as(file + " declares the package of its folder")
                        .startsWith("package nl.burnoutprofiler.rules;");
            }
        }
    }
}
