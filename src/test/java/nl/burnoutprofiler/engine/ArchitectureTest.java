package nl.burnoutprofiler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The engine is a library first: it never depends on the command line, and rules do no I/O. */
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
    void theEngineNeverPrints() throws IOException {
        for (Path file : javaFiles("src/main/java/nl/burnoutprofiler/engine")) {
            assertThat(Files.readString(file)).as(file.toString())
                    .doesNotContain("System.out").doesNotContain("System.err").doesNotContain("printStackTrace");
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
