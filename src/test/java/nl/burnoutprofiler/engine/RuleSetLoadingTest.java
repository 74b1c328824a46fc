package nl.burnoutprofiler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private void addRuleFile(String name, String rule) throws IOException {
        Files.writeString(rules.resolve(name), """
                package nl.burnoutprofiler.rules;

                import nl.burnoutprofiler.engine.Observation;
                import nl.burnoutprofiler.engine.PresentationType;
                import nl.burnoutprofiler.engine.facts.Observations;
                import nl.burnoutprofiler.engine.facts.TypeEvidence;

                """ + rule);
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
    void aSyntaxErrorNamesFileAndLine() throws IOException {
        copyRules();
        addRuleFile("zz-broken.drl", """
                rule "TST-001 Broken"
                    @id("TST-001") @title("broken") @titleNl("broken (nl)") @source("test")
                    ruleflow-group "evidence"
                when
                    Observation( code == "SLEEP_PROBLEMS"
                then
                end
                """);
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
        addRuleFile("zz-typo.drl", """
                rule "TST-002 A typo in a code"
                    @id("TST-002") @title("typo") @titleNl("typo (nl)") @source("test")
                    ruleflow-group "evidence"
                when
                    $observed : Observations()
                    $o : Observation() from $observed.present( "SLEEP_PROBLEM" )
                then
                    insert( TypeEvidence.of( PresentationType.PHYSIOLOGICAL, 1.0, $o.code() ) );
                end
                """);
        RuleProblem problem = onlyProblem(rules);
        assertThat(problem.file()).isEqualTo("zz-typo.drl");
        assertThat(problem.line()).isEqualTo(13);
        assertThat(problem.reason()).contains("SLEEP_PROBLEM").contains("not in the catalogue");
    }

    @Test
    void aRuleWithoutMetadataIsRefused() throws IOException {
        copyRules();
        addRuleFile("zz-bare.drl", """
                rule "A rule without id or source"
                    ruleflow-group "evidence"
                when
                    $observed : Observations()
                    $o : Observation() from $observed.present( "SLEEP_PROBLEMS" )
                then
                    insert( TypeEvidence.of( PresentationType.PHYSIOLOGICAL, 1.0, $o.code() ) );
                end
                """);
        RuleProblem problem = onlyProblem(rules);
        assertThat(problem.file()).isEqualTo("zz-bare.drl");
        assertThat(problem.line()).isEqualTo(8);
        assertThat(problem.reason()).contains("@id, @title, @titleNl and @source");
    }

    @Test
    void aDuplicateRuleIdIsRefused() throws IOException {
        copyRules();
        addRuleFile("zz-duplicate.drl", """
                rule "PHY-001 Another rule with a taken id"
                    @id("PHY-001") @title("duplicate") @titleNl("duplicate (nl)") @source("test")
                    ruleflow-group "evidence"
                when
                    $observed : Observations()
                    $o : Observation() from $observed.present( "SLEEP_PROBLEMS" )
                then
                    insert( TypeEvidence.of( PresentationType.PHYSIOLOGICAL, 1.0, $o.code() ) );
                end
                """);
        assertThatThrownBy(() -> ProfilerEngine.fromDirectory(rules))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("PHY-001");
    }

    @Test
    void aRuleThatFailsOnlyWhenItFiresIsCaughtByTheSmokeAssessment() throws IOException {
        copyRules();
        addRuleFile("zz-runtime.drl", """
                rule "TST-003 Fails on its first match"
                    @id("TST-003") @title("runtime failure") @titleNl("runtime failure (nl)") @source("test")
                    ruleflow-group "evidence"
                when
                    $observed : Observations()
                    $o : Observation() from $observed.present( "SLEEP_PROBLEMS" )
                then
                    insert( TypeEvidence.of( PresentationType.PHYSIOLOGICAL, Double.parseDouble( "abc" ), $o.code() ) );
                end
                """);
        RuleProblem problem = onlyProblem(rules);
        assertThat(problem.file()).isEqualTo("zz-runtime.drl");
        assertThat(problem.line()).isEqualTo(8);
        assertThat(problem.reason()).contains("TST-003").contains("NumberFormatException");
    }

    @Test
    void rulesThatFeedEachOtherForeverAreStoppedAndNamed() throws IOException {
        copyRules();
        addRuleFile("zz-loop.drl", """
                rule "TST-004 Feeds itself"
                    @id("TST-004") @title("loop") @titleNl("loop (nl)") @source("test")
                    ruleflow-group "evidence"
                when
                    $evidence : TypeEvidence( type == PresentationType.IDENTITY )
                then
                    insert( TypeEvidence.of( PresentationType.IDENTITY, $evidence.weight() + 1.0, "SLEEP_PROBLEMS" ) );
                end
                """);
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
    void aMissingRuleFolderIsAClearError() {
        assertThatThrownBy(() -> ProfilerEngine.fromDirectory(rules.resolve("nowhere")))
                .hasMessageContaining("rule folder not found");
    }
}
