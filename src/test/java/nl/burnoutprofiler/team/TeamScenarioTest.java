package nl.burnoutprofiler.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import nl.burnoutprofiler.TestEngine;
import nl.burnoutprofiler.engine.RuleInfo;
import nl.burnoutprofiler.engine.catalogue.ActionText;
import nl.burnoutprofiler.engine.team.OrganisationAction;
import nl.burnoutprofiler.engine.team.ShownSignal;
import nl.burnoutprofiler.engine.team.TeamAdvice;
import nl.burnoutprofiler.json.TeamAdviceJson;

/** Runs every team scenario: a unit's published aggregate in, the organisation's actions out. */
class TeamScenarioTest {

    static Stream<Named<Path>> scenarios() throws IOException {
        return TeamScenario.files().stream().map(file -> Named.of(file.getFileName().toString(), file));
    }

    private static TeamAdvice advise(TeamScenario scenario) {
        return TestEngine.get().adviseTeam(scenario.signals());
    }

    private static List<String> ids(TeamAdvice advice) {
        return advice.actions().stream().map(OrganisationAction::id).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theAdviceIsWhatTheScenarioExpects(Path file) throws IOException {
        TeamScenario scenario = TeamScenario.read(file);
        TeamScenario.Expect expect = scenario.expect();
        List<String> advised = ids(advise(scenario));
        String why = scenario.title();
        if (expect.present() != null) {
            assertThat(advised).as(why + ": present").containsAll(expect.present());
        }
        if (expect.absent() != null) {
            assertThat(advised).as(why + ": absent").doesNotContainAnyElementsOf(expect.absent());
        }
        if (expect.exactly() != null) {
            assertThat(advised).as(why + ": exactly").containsExactlyInAnyOrderElementsOf(expect.exactly());
        }
        if (expect.order() != null) {
            for (List<String> pair : expect.order()) {
                assertThat(advised).as(why).contains(pair.get(0), pair.get(1));
                assertThat(advised.indexOf(pair.get(0))).as(why + ": " + pair.get(0) + " before " + pair.get(1))
                        .isLessThan(advised.indexOf(pair.get(1)));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyActionSaysWhyWhoActsWhereItComesFromAndOnWhichShownCells(Path file) throws IOException {
        TeamScenario scenario = TeamScenario.read(file);
        TeamAdvice advice = advise(scenario);
        Set<ShownSignal> shown = new HashSet<>();
        scenario.signals().signals().stream().filter(s -> s.shown())
                .forEach(s -> shown.add(new ShownSignal(s.kind(), s.code(), s.share())));
        assertThat(advice.unit()).isEqualTo(scenario.unit());
        assertThat(advice.ruleSetVersion()).isEqualTo(TestEngine.get().ruleSetVersion());
        assertThat(advice.actions()).allSatisfy(action -> {
            assertThat(action.title().nl()).isNotBlank();
            assertThat(action.title().en()).isNotBlank();
            assertThat(action.rationale().nl()).isNotBlank();
            assertThat(action.rationale().en()).isNotBlank();
            assertThat(action.who()).isNotEmpty();
            assertThat(action.sources()).isNotEmpty();
            assertThat(action.rules()).isNotEmpty().allSatisfy(rule -> assertThat(rule).matches("ORG-\\d{3}"));
            assertThat(action.basedOn()).isNotEmpty();
            assertThat(shown).as(action.id() + " rests on shown cells only").containsAll(action.basedOn());
        });
        assertThat(advice.actions()).as("priority, then id").isSortedAccordingTo(
                java.util.Comparator.comparingInt(OrganisationAction::priority).thenComparing(OrganisationAction::id));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void rulesCompiledAtLoadGiveTheSameAdvice(Path file) throws IOException {
        TeamScenario scenario = TeamScenario.read(file);
        assertThat(TeamAdviceJson.write(TestEngine.compiledAtLoad().adviseTeam(scenario.signals())))
                .isEqualTo(TeamAdviceJson.write(advise(scenario)));
    }

    /** An organisation reads works, never seed file numbers or line ranges; only the rule ids say which rule. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void noAdviceShowsInternalReferences(Path file) throws IOException {
        Pattern internal = Pattern.compile("seed \\d{3}|\\bL\\d+[–-]\\d+|\\(L\\d+\\)|\\bL\\d+\\b|anchors-mission");
        String json = TeamAdviceJson.writeCompact(advise(TeamScenario.read(file)));
        assertThat(internal.matcher(json).results().map(MatchResult::group).toList()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void aShownCellInAScenarioReachesTheMinimumCount(Path file) throws IOException {
        TeamScenario scenario = TeamScenario.read(file);
        assertThat(scenario.description().nl()).isNotBlank();
        assertThat(scenario.description().en()).isNotBlank();
        assertThat(scenario.cells()).allSatisfy(cell -> {
            if (!cell.hidden()) {
                assertThat(cell.count()).as(cell.code()).isNotNull().isBetween(scenario.minimumCount(), scenario.cases());
            }
        });
    }

    @Test
    void everyActionOfTheCatalogueIsExpectedInAScenario() throws IOException {
        Set<String> expected = new HashSet<>();
        for (Path file : TeamScenario.files()) {
            TeamScenario.Expect expect = TeamScenario.read(file).expect();
            if (expect.present() != null) {
                expected.addAll(expect.present());
            }
        }
        assertThat(expected).containsAll(
                TestEngine.get().organisationActions().stream().map(ActionText::id).toList());
    }

    @Test
    void everyOrganisationRuleFiresInAScenario() throws IOException {
        Set<String> fired = new HashSet<>();
        for (Path file : TeamScenario.files()) {
            advise(TeamScenario.read(file)).actions().forEach(action -> fired.addAll(action.rules()));
        }
        assertThat(fired).containsAll(TestEngine.get().organisationRules().stream().map(RuleInfo::id).toList());
    }
}
