package nl.burnoutprofiler.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import nl.burnoutprofiler.TestEngine;
import nl.burnoutprofiler.engine.IntakeValidator;
import nl.burnoutprofiler.engine.Observer;
import nl.burnoutprofiler.engine.CompactOutcome;
import nl.burnoutprofiler.engine.Outcome;
import nl.burnoutprofiler.engine.Outcome.Recommendation;
import nl.burnoutprofiler.engine.PresentationType;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.json.IntakeJson;
import nl.burnoutprofiler.json.OutcomeJson;

/**
 * Runs every scenario under {@code src/test/resources/scenarios}: intake in, expected type, stage, safety,
 * recommendations, avoid entries, order and questions out.
 */
class ScenarioTest {

    static final Path SCENARIOS = Path.of("src/test/resources/scenarios");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final ProfilerEngine engine = TestEngine.get();
    private final IntakeJson intakes = new IntakeJson(new IntakeValidator(engine.catalogue()),
            Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));

    static List<Path> scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void thereAreEnoughScenariosToCoverTheRuleTopics() throws IOException {
        assertThat(scenarioFiles()).hasSizeGreaterThanOrEqualTo(40);
    }

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException {
        return scenarioFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Scenario scenario = JSON.readValue(file.toFile(), Scenario.class);
            check(scenario, engine.assess(intakes.read(scenario.intake().toString())));
        }));
    }

    /**
     * A coach never sees the knowledge engineer's references: no seed file, no line range, no research-note section
     * in any outcome, sources are works (catalogue/sources.json).
     */
    @TestFactory
    Stream<DynamicTest> noOutcomeShowsInternalReferences() throws IOException {
        Pattern internal = Pattern.compile("seed \\d{3}|\\bL\\d+[–-]\\d+|\\(L\\d+\\)|anchors-mission");
        return scenarioFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Scenario scenario = JSON.readValue(file.toFile(), Scenario.class);
            String outcome = OutcomeJson.writeCompact(engine.assess(intakes.read(scenario.intake().toString())));
            assertThat(internal.matcher(outcome).results().map(MatchResult::group).toList())
                    .as(file.getFileName() + ": internal references in the outcome").isEmpty();
        }));
    }

    /** A machine's compact outcome holds the same decisions as the full outcome a coach reads, by id. */
    @TestFactory
    Stream<DynamicTest> compactOutcomesCarryTheSameDecisions() throws IOException {
        return scenarioFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Scenario scenario = JSON.readValue(file.toFile(), Scenario.class);
            var intake = intakes.read(scenario.intake().toString());
            Outcome full = engine.assess(intake);
            CompactOutcome compact = engine.assessCompact(intake);
            assertThat(compact.presentation().primary()).isEqualTo(full.presentation().primary());
            assertThat(compact.presentation().secondary()).isEqualTo(full.presentation().secondary());
            assertThat(compact.presentation().scores()).isEqualTo(full.presentation().scores());
            assertThat(compact.presentation().confidence()).isEqualTo(full.presentation().confidence());
            assertThat(compact.stage().stage()).isEqualTo(full.stage().stage());
            assertThat(compact.stage().scores()).isEqualTo(full.stage().scores());
            assertThat(compact.safety().status()).isEqualTo(full.safety().status());
            assertThat(compact.safety().flags()).isEqualTo(full.safety().flags());
            assertThat(compact.recommendations()).extracting(CompactOutcome.Recommendation::id)
                    .containsExactlyElementsOf(full.recommendations().stream().map(Recommendation::id).toList());
            assertThat(compact.recommendations()).extracting(CompactOutcome.Recommendation::rules)
                    .containsExactlyElementsOf(full.recommendations().stream().map(Recommendation::rules).toList());
            assertThat(compact.avoid()).containsExactlyElementsOf(full.avoid().stream().map(Outcome.Avoidance::id).toList());
            assertThat(compact.questions()).containsExactlyElementsOf(
                    full.questions().stream().map(Outcome.Question::id).toList());
            assertThat(compact.plan().firstStep()).isEqualTo(full.summary().firstStep() == null ? null
                    : full.summary().firstStep().id());
            assertThat(compact.plan().askNext()).containsExactlyElementsOf(
                    full.summary().askNext().stream().map(Outcome.Item::id).toList());
            assertThat(compact.rules()).containsExactlyElementsOf(
                    full.trace().stream().map(Outcome.TraceEntry::rule).toList());
            assertThat(OutcomeJson.writeCompact(compact)).as("no texts for people in a machine's outcome")
                    .doesNotContain("rationale", "techniques", "\"facts\"");
        }));
    }

    /** The same scenarios on the rules compiled from DRL at load, as a knowledge engineer's edits run. */
    @TestFactory
    Stream<DynamicTest> scenariosWithRulesCompiledAtLoad() throws IOException {
        ProfilerEngine compiled = TestEngine.compiledAtLoad();
        return scenarioFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Scenario scenario = JSON.readValue(file.toFile(), Scenario.class);
            check(scenario, compiled.assess(intakes.read(scenario.intake().toString())));
        }));
    }

    private static void check(Scenario scenario, Outcome outcome) {
        Scenario.Expect expect = scenario.expect();
        String why = scenario.title();
        List<String> recommended = outcome.recommendations().stream().map(Recommendation::id).toList();
        List<String> avoided = outcome.avoid().stream().map(Outcome.Avoidance::id).toList();
        List<String> asked = outcome.questions().stream().map(Outcome.Question::id).toList();
        if (expect.primary() != null) {
            assertThat(outcome.presentation().primary().name()).as(why + ": primary").isEqualTo(expect.primary());
        }
        if (expect.secondary() != null) {
            assertThat(outcome.presentation().secondary()).map(Enum::name).as(why + ": secondary")
                    .containsAll(expect.secondary());
        }
        if (expect.confidence() != null) {
            assertThat(outcome.presentation().confidence().name()).as(why + ": confidence")
                    .isEqualTo(expect.confidence());
        }
        if (expect.stage() != null) {
            assertThat(outcome.stage().stage().name()).as(why + ": stage").isEqualTo(expect.stage());
        }
        if (expect.safety() != null) {
            assertThat(outcome.safety().status().name()).as(why + ": safety").isEqualTo(expect.safety());
        }
        if (expect.flags() != null) {
            assertThat(outcome.safety().flags()).map(Outcome.Flag::code).as(why + ": flags")
                    .containsExactlyInAnyOrderElementsOf(expect.flags());
        }
        if (expect.firstRecommendation() != null) {
            assertThat(recommended).as(why + ": recommendations").isNotEmpty();
            assertThat(recommended.get(0)).as(why + ": first recommendation").isEqualTo(expect.firstRecommendation());
        }
        if (expect.mustRecommend() != null) {
            assertThat(recommended).as(why + ": recommendations").containsAll(expect.mustRecommend());
        }
        if (expect.mustNotRecommend() != null) {
            assertThat(recommended).as(why + ": recommendations").doesNotContainAnyElementsOf(expect.mustNotRecommend());
        }
        if (expect.mustAvoid() != null) {
            assertThat(avoided).as(why + ": avoid").containsAll(expect.mustAvoid());
        }
        if (expect.mustNotAvoid() != null) {
            assertThat(avoided).as(why + ": avoid").doesNotContainAnyElementsOf(expect.mustNotAvoid());
        }
        if (expect.order() != null) {
            for (List<String> pair : expect.order()) {
                assertThat(recommended).as(why + ": recommendations").contains(pair.get(0), pair.get(1));
                assertThat(recommended.indexOf(pair.get(0))).as(why + ": " + pair.get(0) + " before " + pair.get(1))
                        .isLessThan(recommended.indexOf(pair.get(1)));
            }
        }
        if (expect.conflicts() != null) {
            assertThat(outcome.stage().conflicts().isEmpty()).as(why + ": stage conflicts reported")
                    .isEqualTo(!expect.conflicts());
        }
        if (expect.conflictCodes() != null) {
            List<String> inConflicts = outcome.stage().conflicts().stream().flatMap(c -> c.codes().stream()).toList();
            assertThat(inConflicts).as(why + ": codes named in the stage conflicts").containsAll(expect.conflictCodes());
        }
        if (expect.nextQuestionsInclude() != null) {
            assertThat(asked).as(why + ": next questions").containsAll(expect.nextQuestionsInclude());
        }
        if (expect.nextQuestionsExclude() != null) {
            assertThat(asked).as(why + ": next questions").doesNotContainAnyElementsOf(expect.nextQuestionsExclude());
        }
        if (expect.evidenceInclude() != null) {
            expect.evidenceInclude().forEach((type, codes) -> assertThat(evidenceFor(outcome, type))
                    .as(why + ": evidence for " + type).containsAll(codes));
        }
        if (expect.evidenceExclude() != null) {
            expect.evidenceExclude().forEach((type, codes) -> assertThat(evidenceFor(outcome, type))
                    .as(why + ": evidence for " + type).doesNotContainAnyElementsOf(codes));
        }
        // The plan on top is the head of the full lists, whatever the scenario.
        Outcome.Summary plan = outcome.summary();
        if (recommended.isEmpty()) {
            assertThat(plan.firstStep()).as(why + ": plan").isNull();
        } else {
            assertThat(plan.firstStep().id()).as(why + ": plan's first step").isEqualTo(recommended.get(0));
            assertThat(plan.firstStep().reason()).as(why + ": plan's reason").isNotBlank();
        }
        assertThat(plan.avoidNow()).map(Outcome.Item::id).as(why + ": plan's avoid")
                .containsExactlyElementsOf(avoided.subList(0, Math.min(2, avoided.size())));
        assertThat(plan.askNext()).map(Outcome.Item::id).as(why + ": plan's questions")
                .containsExactlyElementsOf(asked.subList(0, Math.min(3, asked.size())));
        if (expect.planReasonRule() != null) {
            assertThat(plan.firstStep().rule()).as(why + ": rule behind the plan's first step")
                    .isEqualTo(expect.planReasonRule());
        }
        if (expect.reportedBy() != null) {
            assertThat(outcome.presentation().reportedBy()).as(why + ": reported by others")
                    .containsExactlyInAnyOrderEntriesOf(expect.reportedBy().entrySet().stream().collect(
                            Collectors.toMap(Map.Entry::getKey, e -> Observer.valueOf(e.getValue()))));
        }
        if (outcome.safety().status() != nl.burnoutprofiler.engine.SafetyStatus.CLEAR) {
            assertThat(outcome.recommendations().get(0).waitsForReferral()).as(why + ": referral first").isFalse();
            assertThat(outcome.recommendations()).filteredOn(r -> !r.waitsForReferral()).map(Recommendation::id)
                    .as(why + ": only referrals go ahead of the professional")
                    .allMatch(id -> id.startsWith("URGENT_REFERRAL") || id.startsWith("REFER_"));
        }
    }

    private static List<String> evidenceFor(Outcome outcome, String type) {
        return outcome.presentation().evidence().getOrDefault(PresentationType.valueOf(type), List.of());
    }
}
