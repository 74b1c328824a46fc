package nl.burnoutprofiler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.burnoutprofiler.TestEngine;

/** A knowledge engineer's mistakes in rules/ are refused at load with file, line and reason. */
class RuleSetLoadingTest {

    @TempDir
    Path rules;

    private void copyRules() throws IOException {
        try (Stream<Path> files = Files.walk(TestEngine.RULES)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = rules.resolve(TestEngine.RULES.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** Writes a rule file and names it in ruleset.properties, as a knowledge engineer adds one. */
    private void addRuleFile(String name, String rule) throws IOException {
        nameInManifest(rules, name);
        Files.writeString(rules.resolve(name), """
                package nl.burnoutprofiler.rules;

                import nl.burnoutprofiler.engine.Observation;
                import nl.burnoutprofiler.engine.PresentationType;
                import nl.burnoutprofiler.engine.facts.Observations;
                import nl.burnoutprofiler.engine.facts.TypeEvidence;

                """ + rule);
    }

    /** Adds a file to the {@code files=} list of the folder's ruleset.properties. */
    static void nameInManifest(Path folder, String file) throws IOException {
        Path properties = folder.resolve("ruleset.properties");
        Files.writeString(properties, Files.readString(properties).replaceFirst("(?m)^files=", "files=" + file + ","));
    }

    /** Conditions and consequence shared by most broken-rule examples: sleep problems weigh physiological. */
    private static final String SLEEP_PROBLEMS_PRESENT =
            "$observed : Observations()\n$o : Observation() from $observed.present( \"SLEEP_PROBLEMS\" )";
    private static final String WEIGH_PHYSIOLOGICAL =
            "insert( TypeEvidence.of( PresentationType.PHYSIOLOGICAL, 1.0, $o.code() ) );";

    private static String metadata(String id, String title) {
        return "@id(\"" + id + "\") @title(\"" + title + "\") @titleNl(\"" + title + " (nl)\") @source(\"test\")";
    }

    /** Writes one evidence rule; the rule keyword lands on line 8, its first condition on line 12. */
    private void addRule(String file, String name, String metadata, String when, String then) throws IOException {
        addRuleFile(file, "rule \"" + name + "\"\n"
                + (metadata.isEmpty() ? "" : "    " + metadata + "\n")
                + "    ruleflow-group \"evidence\"\nwhen\n" + indent(when) + "then\n" + indent(then) + "end\n");
    }

    private static String indent(String lines) {
        return lines.lines().map(line -> "    " + line + "\n").collect(java.util.stream.Collectors.joining());
    }

    private static RuleProblem onlyProblem(Path directory) {
        RuleSetException refused = org.junit.jupiter.api.Assertions.assertThrows(RuleSetException.class,
                () -> ProfilerEngine.fromDirectory(directory));
        assertThat(refused.problems()).hasSize(1);
        return refused.problems().get(0);
    }

    @Test
    void theProjectRuleSetLoadsWithEveryRuleDescribed() {
        ProfilerEngine engine = TestEngine.get();
        assertThat(engine.rules()).hasSizeGreaterThan(60);
        assertThat(engine.rules()).allSatisfy(rule -> {
            assertThat(rule.id()).matches("[A-Z]{2,5}-\\d{3}");
            assertThat(rule.title()).isNotBlank();
            assertThat(rule.titleEn()).isNotBlank();
            assertThat(rule.source()).isNotBlank();
            assertThat(rule.file()).endsWith(".drl");
            assertThat(rule.line()).isPositive();
        });
        assertThat(engine.ruleSetVersion()).matches("\\d+\\.\\d+\\.\\d+\\+[0-9a-f]{12}");
    }

    @Test
    void everyObservationCodeOfTheProjectRuleSetIsReadByARule() {
        assertThat(TestEngine.get().unreadCodes()).isEmpty();
        assertThat(TestEngine.compiledAtLoad().unreadCodes()).isEmpty();
    }

    @Test
    void aCatalogueCodeThatNoRuleReadsIsReportedNotRefused() throws IOException {
        copyRules();
        Path observations = rules.resolve("catalogue/observations.json");
        Files.writeString(observations, Files.readString(observations).replaceFirst("\"codes\": \\[", """
                "codes": [
                    {"code": "UNREAD_EXAMPLE", "group": "CONTEXT", "nl": "Voorbeeld", "en": "Example",
                     "explanationNl": "Voorbeeld.", "explanationEn": "Example.", "source": "test"},"""));
        // A code named only in a comment is still read by no rule.
        Path safety = rules.resolve("safety.drl");
        Files.writeString(safety, Files.readString(safety) + "\n// \"UNREAD_EXAMPLE\" is not read here\n");
        ProfilerEngine engine = ProfilerEngine.fromDirectory(rules);
        assertThat(engine.unreadCodes()).containsExactly("UNREAD_EXAMPLE");
    }

    @Test
    void thePackagedRuleSetIsTheSameAsTheRulesFolderAndStartsPrecompiled() {
        ProfilerEngine packaged = ProfilerEngine.packaged();
        assertThat(packaged.ruleSetVersion()).isEqualTo(TestEngine.get().ruleSetVersion());
        assertThat(packaged.usesPrecompiledRules()).isTrue();
        assertThat(TestEngine.compiledAtLoad().usesPrecompiledRules()).isFalse();
    }

    @Test
    void anEditedRuleFolderIsCompiledAtLoadNotServedFromThePrecompiledRules() throws IOException {
        copyRules();
        Path properties = rules.resolve("ruleset.properties");
        Files.writeString(properties, Files.readString(properties) + "\n# edited\n");
        ProfilerEngine edited = ProfilerEngine.fromDirectory(rules);
        assertThat(edited.usesPrecompiledRules()).isFalse();
        assertThat(edited.ruleSetVersion()).isNotEqualTo(TestEngine.get().ruleSetVersion());
    }

    @Test
    void theFilesOfAnEngineBuildTheSameRuleSetWhereverTheyAreKept() {
        ProfilerEngine packaged = ProfilerEngine.packaged();
        Map<String, String> files = packaged.ruleFiles();
        assertThat(files).containsKeys("ruleset.properties", "safety.drl", "catalogue/observations.json");

        ProfilerEngine rebuilt = ProfilerEngine.fromRuleFiles("database", files);

        assertThat(rebuilt.ruleSetVersion()).isEqualTo(packaged.ruleSetVersion());
        assertThat(rebuilt.usesPrecompiledRules()).as("the same files: the precompiled rule base").isTrue();
        assertThat(rebuilt.ruleFiles()).isEqualTo(files);
        assertThat(TestEngine.get().ruleFiles()).isEqualTo(files);
    }

    @Test
    void ruleFilesWithAnErrorAreRefusedNamingFileAndLine() {
        Map<String, String> files = new TreeMap<>(TestEngine.get().ruleFiles());
        files.put("avoid.drl", files.get("avoid.drl").replaceFirst("(?m)^end$", "en d"));

        RuleSetException refused = org.junit.jupiter.api.Assertions.assertThrows(RuleSetException.class,
                () -> ProfilerEngine.fromRuleFiles("database", files));

        assertThat(refused.problems()).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.file()).isEqualTo("avoid.drl"))
                .anySatisfy(problem -> assertThat(problem.line()).isPositive());
    }

    @Test
    void aSyntaxErrorNamesFileAndLine() throws IOException {
        copyRules();
        addRule("zz-broken.drl", "TST-001 Broken", metadata("TST-001", "broken"),
                "Observation( code == \"SLEEP_PROBLEMS\"", "");
        RuleSetException refused = org.junit.jupiter.api.Assertions.assertThrows(RuleSetException.class,
                () -> ProfilerEngine.fromDirectory(rules));
        assertThat(refused.problems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("zz-broken.drl");
            assertThat(problem.line()).as("the open pattern or the line after it").isBetween(12, 13);
        });
    }

    @Test
    void aCodeMissingFromTheCatalogueIsALoadError() throws IOException {
        copyRules();
        addRule("zz-typo.drl", "TST-002 A typo in a code", metadata("TST-002", "typo"),
                SLEEP_PROBLEMS_PRESENT.replace("SLEEP_PROBLEMS", "SLEEP_PROBLEM"), WEIGH_PHYSIOLOGICAL);
        RuleProblem problem = onlyProblem(rules);
        assertThat(problem.file()).isEqualTo("zz-typo.drl");
        assertThat(problem.line()).isEqualTo(13);
        assertThat(problem.reason()).contains("SLEEP_PROBLEM").contains("not in the catalogue");
    }

    @Test
    void aRuleWithoutMetadataIsRefused() throws IOException {
        copyRules();
        addRule("zz-bare.drl", "A rule without id or source", "", SLEEP_PROBLEMS_PRESENT, WEIGH_PHYSIOLOGICAL);
        RuleProblem problem = onlyProblem(rules);
        assertThat(problem.file()).isEqualTo("zz-bare.drl");
        assertThat(problem.line()).isEqualTo(8);
        assertThat(problem.reason()).contains("@id, @title, @titleNl and @source");
    }

    @Test
    void aDuplicateRuleIdIsRefused() throws IOException {
        copyRules();
        addRule("zz-duplicate.drl", "PHY-001 Another rule with a taken id", metadata("PHY-001", "duplicate"),
                SLEEP_PROBLEMS_PRESENT, WEIGH_PHYSIOLOGICAL);
        assertThatThrownBy(() -> ProfilerEngine.fromDirectory(rules))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("PHY-001");
    }

    @Test
    void aRuleThatFailsOnlyWhenItFiresIsCaughtByTheSmokeAssessment() throws IOException {
        copyRules();
        addRule("zz-runtime.drl", "TST-003 Fails on its first match", metadata("TST-003", "runtime failure"),
                SLEEP_PROBLEMS_PRESENT,
                "insert( TypeEvidence.of( PresentationType.PHYSIOLOGICAL, Double.parseDouble( \"abc\" ), $o.code() ) );");
        RuleProblem problem = onlyProblem(rules);
        assertThat(problem.file()).isEqualTo("zz-runtime.drl");
        assertThat(problem.line()).isEqualTo(8);
        assertThat(problem.reason()).contains("TST-003").contains("NumberFormatException");
    }

    @Test
    void rulesThatFeedEachOtherForeverAreStoppedAndNamed() throws IOException {
        copyRules();
        addRule("zz-loop.drl", "TST-004 Feeds itself", metadata("TST-004", "loop"),
                "$evidence : TypeEvidence( type == PresentationType.IDENTITY )",
                "insert( TypeEvidence.of( PresentationType.IDENTITY, $evidence.weight() + 1.0, \"SLEEP_PROBLEMS\" ) );");
        RuleProblem problem = onlyProblem(rules);
        assertThat(problem.file()).isEqualTo("zz-loop.drl");
        assertThat(problem.reason()).contains("TST-004").contains("did not come to rest");
    }

    @Test
    void aBrokenCatalogueNamesFileAndLine() throws IOException {
        copyRules();
        Path observations = rules.resolve("catalogue/observations.json");
        Files.writeString(observations, Files.readString(observations).replaceFirst("\"codes\"", "\"codes\" ,"));
        RuleSetException refused = org.junit.jupiter.api.Assertions.assertThrows(RuleSetException.class,
                () -> ProfilerEngine.fromDirectory(rules));
        assertThat(refused.problems()).first().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("catalogue/observations.json");
            assertThat(problem.line()).isPositive();
        });
    }

    @Test
    void anAdviceSourceThatCitesNoWorkOfTheBibliographyIsRefusedNamingIt() throws IOException {
        copyRules();
        Path advice = rules.resolve("catalogue/advice.json");
        Files.writeString(advice, Files.readString(advice).replaceFirst("\"seed 002 \\(", "\"seed 009 ("));
        RuleProblem problem = onlyProblem(rules);
        assertThat(problem.file()).isEqualTo("catalogue/advice.json");
        assertThat(problem.reason()).contains("seed 009").contains("catalogue/sources.json");
    }

    @Test
    void aQuestionWhoseAnswerGoesToAnUnknownObservationIsRefusedNamingBoth() throws IOException {
        copyRules();
        Path advice = rules.resolve("catalogue/advice.json");
        Files.writeString(advice, Files.readString(advice).replaceFirst("\"observations\": \\[\"ALERT_EVEN_AT_HOME\"\\]",
                "\"observations\": [\"ALERT_AT_HOME\"]"));
        RuleProblem problem = onlyProblem(rules);
        assertThat(problem.file()).isEqualTo("catalogue/advice.json");
        assertThat(problem.reason()).contains("ASK_ALERT_AT_HOME", "ALERT_AT_HOME", "not an observation code");
    }

    @Test
    void aMissingRuleFolderIsAClearError() {
        RuleProblem problem = onlyProblem(rules.resolve("nowhere"));
        assertThat(problem.file()).endsWith("nowhere");
        assertThat(problem.reason()).isEqualTo("rule folder not found");
    }

    @Test
    void aFileInsteadOfAFolderIsAClearError() throws IOException {
        Path file = Files.writeString(rules.resolve("rules.txt"), "not a folder");
        assertThat(onlyProblem(file).reason()).contains("is not a folder");
    }

    @Test
    void theProjectRuleSetHasRulesInEveryFileItNames() throws IOException {
        Properties manifest = new Properties();
        try (var in = Files.newBufferedReader(TestEngine.RULES.resolve("ruleset.properties"))) {
            manifest.load(in);
        }
        Set<String> named = Set.of(manifest.getProperty("files").split("\\s*,\\s*"));
        assertThat(named).hasSizeGreaterThanOrEqualTo(10).contains("safety.drl", "avoid.drl");
        assertThat(TestEngine.compiledAtLoad().rules()).extracting(RuleInfo::file).containsOnlyElementsOf(named)
                .containsAll(named);
    }

    @Test
    void aFolderWithoutANamedRuleFileIsRefusedNamingIt() throws IOException {
        copyRules();
        Files.delete(rules.resolve("avoid.drl"));
        RuleProblem problem = onlyProblem(rules);
        assertThat(problem.file()).isEqualTo("avoid.drl");
        assertThat(problem.reason()).contains("ruleset.properties").contains("missing");
    }

    @Test
    void aRuleFileNotNamedInTheManifestIsRefused() throws IOException {
        copyRules();
        Files.copy(rules.resolve("avoid.drl"), rules.resolve("avoid-copy.drl"));
        RuleSetException refused = org.junit.jupiter.api.Assertions.assertThrows(RuleSetException.class,
                () -> ProfilerEngine.fromDirectory(rules));
        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("avoid-copy.drl");
            assertThat(problem.reason()).contains("not named in ruleset.properties");
        });
    }

    @Test
    void aManifestWithoutFilesOrPhasesIsRefused() throws IOException {
        copyRules();
        Files.writeString(rules.resolve("ruleset.properties"), "version=1.0.0\n");
        RuleSetException refused = org.junit.jupiter.api.Assertions.assertThrows(RuleSetException.class,
                () -> ProfilerEngine.fromDirectory(rules));
        assertThat(refused.problems()).extracting(RuleProblem::reason)
                .anySatisfy(reason -> assertThat(reason).startsWith("files= must name"))
                .anySatisfy(reason -> assertThat(reason).startsWith("phases= must name"));
    }

    @Test
    void aPhaseWithoutItsFileAmongTheNamedFilesIsRefused() throws IOException {
        copyRules();
        Path properties = rules.resolve("ruleset.properties");
        Files.writeString(properties, Files.readString(properties).replaceFirst("(?m)^phases=", "phases=aftercare,"));
        RuleProblem problem = onlyProblem(rules);
        assertThat(problem.file()).isEqualTo("ruleset.properties");
        assertThat(problem.reason()).contains("aftercare").contains("aftercare.drl");
    }

    @Test
    void aRequiredPhaseWithoutRulesIsRefused() throws IOException {
        copyRules();
        Files.writeString(rules.resolve("avoid.drl"), "package nl.burnoutprofiler.rules;\n");
        RuleProblem problem = onlyProblem(rules);
        assertThat(problem.file()).isEqualTo("avoid.drl");
        assertThat(problem.reason()).isEqualTo("required phase avoid has no rules");
    }

    @Test
    void aRequiredPhaseWhoseRulesNeverFireIsRefused() throws IOException {
        copyRules();
        Files.delete(rules.resolve("avoid.drl"));
        addRule("avoid.drl", "AVD-001 Waits for a fact that never comes", metadata("AVD-001", "never fires"),
                "$never : String( this == \"never inserted\" )", "");
        RuleProblem problem = onlyProblem(rules);
        assertThat(problem.file()).isEqualTo("avoid.drl");
        assertThat(problem.reason()).isEqualTo(
                "required phase avoid: its one rule did not fire on any intake of the smoke assessment");
    }
}
