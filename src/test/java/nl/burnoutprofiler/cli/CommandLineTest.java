package nl.burnoutprofiler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** The command line as a coach's tooling or a script uses it: output, exit codes, messages. */
class CommandLineTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void serveListensOnThisMachineOnlyUnlessToldOtherwise() {
        CommandLine.ParseResult defaults = Main.commandLine().parseArgs("serve");
        CommandLine.ParseResult everywhere = Main.commandLine().parseArgs("serve", "--host", "0.0.0.0");

        assertThat(((ServeCommand) defaults.subcommand().commandSpec().userObject()).host).isEqualTo("127.0.0.1");
        assertThat(((ServeCommand) everywhere.subcommand().commandSpec().userObject()).host).isEqualTo("0.0.0.0");
    }

    @Test
    void aTrustedProxyThatIsNoIpAddressIsRefusedBeforeAnythingStarts() {
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("serve", "--port", "0",
                "--data", temp.toString(), "--trusted-proxy", "proxy.example.org"));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("a trusted proxy is an IP address", "proxy.example.org");
    }

    @Test
    void assessPrintsTheOutcomeOfTheShippedExample() throws IOException {
        int exit = run("assess", "examples/intake.json", "--rules", "rules");
        assertThat(exit).as(err.toString()).isZero();
        JsonNode outcome = new ObjectMapper().readTree(out.toString());
        assertThat(outcome.get("caseId").asText()).isEqualTo("c-0042");
        assertThat(outcome.at("/presentation/primary").asText()).isEqualTo("PHYSIOLOGICAL");
        assertThat(outcome.at("/recommendations/0/id").asText()).isEqualTo("REGULATION_BEFORE_INSIGHT");
    }

    @Test
    void badInputExitsWithTwoAndNamesEachFieldAndValue() throws IOException {
        Path intake = temp.resolve("bad.json");
        Files.writeString(intake, """
                {"caseId": "c-1", "observations": [{"code": "SLEEP_PROBLEMS", "intensity": 7}, {"code": "NOPE"}],
                 "rulers": {"readiness": 11}}
                """);
        assertThat(run("assess", intake.toString())).isEqualTo(2);
        assertThat(err.toString())
                .contains("observations[0].intensity = 7")
                .contains("observations[1].code = NOPE")
                .contains("rulers.readiness = 11");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void malformedJsonExitsWithTwo() throws IOException {
        Path intake = temp.resolve("broken.json");
        Files.writeString(intake, "{\"caseId\": ");
        assertThat(run("assess", intake.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not valid JSON");
    }

    @Test
    void aMissingFileExitsWithTwo() {
        assertThat(run("assess", temp.resolve("absent.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Cannot read intake");
    }

    @Test
    void aBrokenRuleFolderExitsWithThreeNamingFileAndLine() throws IOException {
        Path rules = temp.resolve("rules");
        Files.createDirectories(rules.resolve("catalogue"));
        for (String file : new String[] {"catalogue/observations.json", "catalogue/advice.json",
                "catalogue/sources.json"}) {
            Files.copy(Path.of("rules").resolve(file), rules.resolve(file));
        }
        Files.writeString(rules.resolve("ruleset.properties"), "version=1.0.0\nfiles=broken.drl\nphases=broken\n");
        Files.writeString(rules.resolve("broken.drl"), """
                package nl.burnoutprofiler.rules;

                rule "X-1 broken"
                when
                    String( length > )
                then
                end
                """);
        assertThat(run("assess", "examples/intake.json", "--rules", rules.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("broken.drl:5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"assess examples/intake.json", "assess-batch examples/intake.json", "rules", "catalogue",
            "serve --port 0"})
    void aMissingRuleFolderExitsWithThreeAndOneLine(String command) {
        Path missing = temp.resolve("no-rules-here");
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--rules", missing.toString()));
        if (command.startsWith("serve")) {
            args.addAll(List.of("--data", temp.resolve("data").toString()));
        }
        assertThat(run(args.toArray(String[]::new))).as(err.toString()).isEqualTo(3);
        assertThat(err.toString()).isEqualTo("The rule set could not be loaded: " + missing
                + ": rule folder not found" + System.lineSeparator());
    }

    @Test
    void aRuleFolderWithoutANamedFileExitsWithThreeNamingIt() throws IOException {
        Path rules = temp.resolve("rules");
        copyFolder(Path.of("rules"), rules);
        Files.delete(rules.resolve("avoid.drl"));
        assertThat(run("rules", "--rules", rules.toString())).isEqualTo(3);
        assertThat(err.toString()).startsWith("The rule set could not be loaded: avoid.drl: ").contains("missing")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anUnreadableRuleFileExitsWithThreeAndOneLine() throws IOException {
        Path rules = temp.resolve("rules");
        copyFolder(Path.of("rules"), rules);
        Files.write(rules.resolve("avoid.drl"), new byte[] {'r', 'u', 'l', 'e', (byte) 0xC3, (byte) 0x28});
        assertThat(run("assess", "examples/intake.json", "--rules", rules.toString())).isEqualTo(3);
        assertThat(err.toString()).isEqualTo("The rule set could not be loaded: avoid.drl: is not UTF-8 text"
                + System.lineSeparator());
    }

    private static void copyFolder(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }

    @Test
    void catalogueListsEveryCodeWithDutchAndEnglishLabels() {
        assertThat(run("catalogue", "--rules", "rules")).isZero();
        assertThat(out.toString())
                .contains("SLEEP_PROBLEMS")
                .contains("Slaapproblemen")
                .contains("Sleep problems")
                .contains("SUICIDAL_IDEATION");
    }

    @Test
    void rulesListsEachRuleWithFileAndLine() {
        assertThat(run("rules", "--rules", "rules")).isZero();
        assertThat(out.toString()).contains("SAF-001").contains("safety.drl:")
                .contains("organisation rules").contains("ORG-020").contains("organisation/needs.drl:");
    }
}
