package nl.burnoutprofiler.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine is a library: {@link EmbeddingExample} runs in a fresh JVM whose class path is this test's class path
 * without any jar of the web server, the command line, the database, FHIR, JWT or the browser tests. A second run
 * in the same class path shows that those libraries really are missing there.
 */
class LibraryClassPathTest {

    /** Folders of the local Maven repository (group ids) of the libraries an embedding application does not need. */
    private static final List<String> NOT_FOR_THE_ENGINE = List.of(
            "/io/javalin/", "/org/eclipse/jetty/", "/info/picocli/", "/ch/qos/logback/", "/com/h2database/",
            "/org/postgresql/", "/com/zaxxer/", "/org/flywaydb/", "/org/springframework/security/",
            "/org/slf4j/jcl-over-slf4j/", "/ca/uhn/hapi/", "/org/hl7/fhir/", "/com/nimbusds/", "/org/seleniumhq/",
            "/org/apache/kafka/");

    /** One class of each of those libraries. */
    private static final List<String> THEIR_CLASSES = List.of(
            "io.javalin.Javalin", "org.eclipse.jetty.server.Server", "picocli.CommandLine",
            "ch.qos.logback.classic.Logger", "org.h2.Driver", "org.postgresql.Driver",
            "com.zaxxer.hikari.HikariDataSource", "org.flywaydb.core.Flyway",
            "org.springframework.security.crypto.password.PasswordEncoder", "ca.uhn.fhir.context.FhirContext",
            "com.nimbusds.jose.JWSObject", "org.openqa.selenium.WebDriver", "org.apache.kafka.streams.KafkaStreams");

    private static String libraryClassPath;
    private static List<String> removed;

    @TempDir
    Path temp;

    @BeforeAll
    static void libraryClassPath() {
        List<String> kept = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String path = entry.replace('\\', '/');
            if (NOT_FOR_THE_ENGINE.stream().anyMatch(path::contains)) {
                left.add(entry);
            } else {
                kept.add(entry);
            }
        }
        libraryClassPath = String.join(File.pathSeparator, kept);
        removed = left;
    }

    private record Run(int exit, String out, String err) {
    }

    private Run java(Class<?> main, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", libraryClassPath, main.getName()));
        command.addAll(args);
        Path out = temp.resolve(main.getSimpleName() + ".out");
        Path err = temp.resolve(main.getSimpleName() + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(main.getName() + " did not finish in 120 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theTestClassPathHoldsTheLibrariesThatAreLeftOut() {
        assertThat(removed).as("jars left out of the library class path")
                .hasSizeGreaterThanOrEqualTo(THEIR_CLASSES.size());
        for (String name : THEIR_CLASSES) {
            assertThat(Probe.loads(name)).as("%s is on this test's class path", name).isTrue();
        }
    }

    @Test
    void withoutThemTheirClassesCannotBeLoaded() throws Exception {
        Run run = java(Probe.class, THEIR_CLASSES);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactlyElementsOf(
                THEIR_CLASSES.stream().map(name -> "absent " + name).toList());
    }

    @Test
    void theEmbeddingExampleRunsWithTheEngineAlone() throws Exception {
        Run run = java(EmbeddingExample.class, List.of());
        assertThat(run.exit()).as(run.err()).isZero();
        String version = run.out().lines().findFirst().orElseThrow();
        assertThat(version).matches("rule set \\d+\\.\\d+\\.\\d+\\+[0-9a-f]{12}");
        assertThat(run.out())
                .contains("c-1001: type PHYSIOLOGICAL")
                .contains("  do 1. REGULATION_BEFORE_INSIGHT: ")
                .contains("  avoid INSIGHT_WORK_FIRST: ")
                .contains("c-1002: type RELATIONAL")
                .contains("  do 1. SAFETY_BEFORE_PROCESSING: ")
                .contains("safety URGENT")
                .contains("  do 1. URGENT_REFERRAL: ")
                .contains("(after the referral)")
                .contains("c-1004: type ")
                .contains("explanation of c-1001 (" + version.substring("rule set ".length()) + "):")
                .containsPattern("(?m)^  [A-Z]{2,5}-\\d{3} .+ <- \\[.*SLEEP_PROBLEMS")
                .contains("refused: observations[0].intensity = 7")
                .contains("refused: observations[1].code = NOT_A_CODE");
    }

    /** Prints "absent NAME" for each class named in its arguments that cannot be loaded, "present NAME" otherwise. */
    static final class Probe {

        public static void main(String[] args) {
            for (String name : args) {
                System.out.println((loads(name) ? "present " : "absent ") + name);
            }
        }

        static boolean loads(String name) {
            try {
                Class.forName(name, false, Probe.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
    }
}
