package nl.burnoutprofiler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.burnoutprofiler.TestEngine;
import nl.burnoutprofiler.engine.team.SignalKind;
import nl.burnoutprofiler.engine.team.TeamSignal;
import nl.burnoutprofiler.engine.team.TeamSignals;

/** The organisation rules are part of the rule set: their mistakes refuse the whole set, with file, line and reason. */
class OrganisationRuleLoadingTest {

    private static final String ORGANISATION_RULE = "organisation/zz-test.drl";
    private static final String ACTIONS = "organisation/actions.json";

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

    /** Writes an organisation rule file whose rule keyword is on line 6 and whose condition is on line 12. */
    private void addOrganisationRule(String id, String when, String then) throws IOException {
        Path properties = rules.resolve("ruleset.properties");
        Files.writeString(properties, Files.readString(properties)
                .replaceFirst("(?m)^organisation.files=", "organisation.files=" + ORGANISATION_RULE + ","));
        Files.writeString(rules.resolve(ORGANISATION_RULE), """
                package nl.burnoutprofiler.rules.organisation;
                import nl.burnoutprofiler.engine.team.SignalKind;
                import nl.burnoutprofiler.engine.team.TeamSignal;
                import nl.burnoutprofiler.engine.facts.Propose;

                rule "%s A test rule"
                    @id("%s")
                    @title("test")
                    @titleNl("test (nl)")
                    @source("test")
                when
                    %s
                then
                    %s
                end
                """.formatted(id, id, when, then));
    }

    private static final String WORKLOAD_RECURS =
            "$s : TeamSignal( kind == SignalKind.CONTEXT, code == \"HIGH_WORKLOAD\", share >= 0.25 )";

    private RuleSetException refused() {
        return assertThrows(RuleSetException.class, () -> ProfilerEngine.fromDirectory(rules));
    }

    private void editActions(String from, String to) throws IOException {
        Path actions = rules.resolve(ACTIONS);
        String text = Files.readString(actions);
        assertThat(text).contains(from);
        Files.writeString(actions, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    }

    @Test
    void theProjectRuleSetHasOrganisationRulesInARuleBaseOfTheirOwn() {
        ProfilerEngine engine = TestEngine.get();
        assertThat(engine.advisesTeams()).isTrue();
        assertThat(engine.organisationRules()).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.id()).matches("ORG-\\d{3}");
            assertThat(rule.file()).startsWith("organisation/").endsWith(".drl");
            assertThat(rule.line()).isPositive();
            assertThat(rule.title()).isNotBlank();
            assertThat(rule.titleEn()).isNotBlank();
        });
        assertThat(engine.rules()).as("the client's rules").noneSatisfy(rule ->
                assertThat(rule.file()).startsWith("organisation/"));
    }

    @Test
    void thePackagedRuleSetStartsWithBothRuleBasesPrecompiled() {
        ProfilerEngine packaged = ProfilerEngine.packaged();
        assertThat(packaged.usesPrecompiledRules()).isTrue();
        assertThat(packaged.usesPrecompiledOrganisationRules()).isTrue();
        assertThat(TestEngine.compiledAtLoad().usesPrecompiledOrganisationRules()).isFalse();
    }

    @Test
    void aSyntaxErrorInAnOrganisationRuleNamesFileAndLine() throws IOException {
        copyRules();
        addOrganisationRule("ORG-901", "TeamSignal( kind == SignalKind.CONTEXT", "");
        assertThat(refused().problems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(ORGANISATION_RULE);
            assertThat(problem.line()).as("the open pattern or the line after it").isBetween(12, 13);
        });
    }

    @Test
    void aBrokenOrganisationRuleInFilesKeptElsewhereIsRefusedToo() {
        Map<String, String> files = new TreeMap<>(TestEngine.get().ruleFiles());
        files.put("organisation/needs.drl", files.get("organisation/needs.drl").replaceFirst("(?m)^end$", "en d"));
        RuleSetException refused = assertThrows(RuleSetException.class,
                () -> ProfilerEngine.fromRuleFiles("database", files));
        assertThat(refused.problems()).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.file()).isEqualTo("organisation/needs.drl"))
                .anySatisfy(problem -> assertThat(problem.line()).isPositive());
    }

    @Test
    void anUnknownActionInARuleIsRefusedWithFileLineAndColumn() throws IOException {
        copyRules();
        addOrganisationRule("ORG-902", WORKLOAD_RECURS, "insert( Propose.of( \"ORG_WORKLOADS\" ) );");
        assertThat(refused().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(ORGANISATION_RULE);
            assertThat(problem.line()).isEqualTo(14);
            assertThat(problem.column()).isPositive();
            assertThat(problem.reason()).contains("ORG_WORKLOADS").contains(ACTIONS);
        });
    }

    @Test
    void aMistypedCodeInAnOrganisationRuleIsRefused() throws IOException {
        copyRules();
        addOrganisationRule("ORG-903", WORKLOAD_RECURS.replace("HIGH_WORKLOAD", "HIGH_WORK_LOAD"),
                "insert( Propose.of( \"ORG_WORKLOAD\" ) );");
        assertThat(refused().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(ORGANISATION_RULE);
            assertThat(problem.line()).isEqualTo(12);
            assertThat(problem.reason()).contains("HIGH_WORK_LOAD");
        });
    }

    @Test
    void anOrganisationRuleThatFailsOnlyWhenItFiresIsCaughtAtLoad() throws IOException {
        copyRules();
        // An action id put together at run time escapes the check of quoted ids; the smoke advice catches it.
        addOrganisationRule("ORG-904", WORKLOAD_RECURS, "insert( Propose.of( \"ORG\" + \"_\" + $s.code() ) );");
        assertThat(refused().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(ORGANISATION_RULE);
            assertThat(problem.line()).isEqualTo(6);
            assertThat(problem.reason()).contains("ORG-904").contains("ORG_HIGH_WORKLOAD");
        });
    }

    @Test
    void anOrganisationRuleWithTheIdOfAClientRuleIsRefused() throws IOException {
        copyRules();
        addOrganisationRule("REC-070", WORKLOAD_RECURS, "insert( Propose.of( \"ORG_WORKLOAD\" ) );");
        assertThat(refused().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(ORGANISATION_RULE);
            assertThat(problem.reason()).contains("REC-070");
        });
    }

    @Test
    void anOrganisationRuleFileNotNamedInTheManifestIsRefused() throws IOException {
        copyRules();
        Files.writeString(rules.resolve("organisation/stray.drl"), "package nl.burnoutprofiler.rules.organisation;\n");
        assertThat(refused().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("organisation/stray.drl");
            assertThat(problem.reason()).contains("organisation.files=");
        });
    }

    @Test
    void aNamedOrganisationRuleFileThatIsMissingIsRefused() throws IOException {
        copyRules();
        Files.delete(rules.resolve("organisation/pictures.drl"));
        assertThat(refused().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("organisation/pictures.drl");
            assertThat(problem.reason()).contains("missing");
        });
    }

    @Test
    void anActionWithoutItsEnglishTitleIsRefused() throws IOException {
        copyRules();
        editActions("\"en\": \"Take structural measures against the workload\",", "");
        assertThat(refused().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(ACTIONS);
            assertThat(problem.reason()).contains("ORG_WORKLOAD").contains("English title");
        });
    }

    @Test
    void anActionWhoseSourceCitesNoWorkIsRefused() throws IOException {
        copyRules();
        editActions("\"seed 002 (organisational risk factors, L148-153)\"", "\"seed 009 (unknown)\"");
        assertThat(refused().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(ACTIONS);
            assertThat(problem.reason()).contains("seed 009").contains("ORG_WORKLOAD");
        });
    }

    @Test
    void anUnknownActorIsRefusedNamingFileAndLine() throws IOException {
        copyRules();
        editActions("\"LEADERSHIP\"", "\"THE_BOARD\"");
        assertThat(refused().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(ACTIONS);
            assertThat(problem.line()).isPositive();
            assertThat(problem.reason()).contains("THE_BOARD");
        });
    }

    @Test
    void aRuleSetWithoutOrganisationRulesStillAssessesButAdvisesNoTeam() throws IOException {
        copyRules();
        removeOrganisationRules(rules);
        ProfilerEngine engine = ProfilerEngine.fromDirectory(rules);
        assertThat(engine.advisesTeams()).isFalse();
        assertThat(engine.organisationRules()).isEmpty();
        assertThatThrownBy(() -> engine.adviseTeam(new TeamSignals("u", 5, 5,
                List.of(new TeamSignal(SignalKind.CONTEXT, "HIGH_WORKLOAD", 5, 1.0, true)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no organisation rules");
    }

    /** What a rule set made before the organisation rules looks like. */
    static void removeOrganisationRules(Path folder) throws IOException {
        Path properties = folder.resolve("ruleset.properties");
        Files.writeString(properties, Files.readString(properties)
                .replaceAll("(?m)^organisation\\.files=(.*\\\\\\R)*.*\\R", ""));
        try (Stream<Path> files = Files.list(folder.resolve("organisation"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder.resolve("organisation"));
    }
}
