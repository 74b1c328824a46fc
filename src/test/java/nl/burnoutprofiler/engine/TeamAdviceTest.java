package nl.burnoutprofiler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.burnoutprofiler.TestEngine;
import nl.burnoutprofiler.engine.team.Actor;
import nl.burnoutprofiler.engine.team.OrganisationAction;
import nl.burnoutprofiler.engine.team.ShownSignal;
import nl.burnoutprofiler.engine.team.SignalKind;
import nl.burnoutprofiler.engine.team.TeamAdvice;
import nl.burnoutprofiler.engine.team.TeamSignal;
import nl.burnoutprofiler.engine.team.TeamSignals;
import nl.burnoutprofiler.json.TeamAdviceJson;

/** ProfilerEngine.adviseTeam: what an action carries, its order, and the same answer on every thread. */
class TeamAdviceTest {

    private static TeamSignals team() {
        return new TeamSignals("zorg-team-3", 20, 5, List.of(
                new TeamSignal(SignalKind.BASIC_NEED, "AUTONOMY_FRUSTRATED", 6, 0.3, true),
                new TeamSignal(SignalKind.CONTEXT, "LOW_AUTONOMY", 8, 0.4, true),
                new TeamSignal(SignalKind.CONTEXT, "HIGH_WORKLOAD", 10, 0.5, true),
                TeamSignal.hidden(SignalKind.CONTEXT, "SOCIAL_UNSAFETY"),
                new TeamSignal(SignalKind.EARLY_SIGNAL, "LOW_ENERGY_AFTER_WORK", 5, 0.25, true)));
    }

    @Test
    void anActionNamesItsTextsWhoActsTheCellsItRestsOnItsSourcesAndItsRules() {
        TeamAdvice advice = TestEngine.get().adviseTeam(team());
        assertThat(advice.unit()).isEqualTo("zorg-team-3");
        assertThat(advice.actions()).extracting(OrganisationAction::id).containsExactly(
                "ORG_WORKLOAD", "ORG_ROOM_FOR_PROFESSIONAL_JUDGEMENT", "ORG_SAY_IN_DECISIONS",
                "ORG_FEWER_NEEDLESS_CONTROLS", "ORG_TALK_ABOUT_ENERGY_AND_RECOVERY", "ORG_EARLY_SIGNALLING");
        OrganisationAction say = advice.actions().get(2);
        assertThat(say.title().nl()).isEqualTo("Betrek medewerkers bij besluiten over hun werk");
        assertThat(say.title().en()).isEqualTo("Involve staff in decisions about their work");
        assertThat(say.who()).containsExactly(Actor.LEADERSHIP);
        assertThat(say.rules()).containsExactly("ORG-007", "ORG-020");
        assertThat(say.basedOn()).containsExactly(
                new ShownSignal(SignalKind.CONTEXT, "LOW_AUTONOMY", 0.4),
                new ShownSignal(SignalKind.BASIC_NEED, "AUTONOMY_FRUSTRATED", 0.3));
        assertThat(say.sources()).allSatisfy(source -> assertThat(source).doesNotContainPattern("seed \\d{3}|L\\d+"))
                .anySatisfy(source -> assertThat(source)
                        .startsWith("Waarom bevlogen professionals toch kunnen uitvallen")
                        .endsWith("‘Wat kunnen organisaties doen?’"));
    }

    @Test
    void theSameTeamGivesByteIdenticalAdviceOnEveryThread() throws Exception {
        String expected = TeamAdviceJson.write(TestEngine.get().adviseTeam(team()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                answers.add(pool.submit(() -> TeamAdviceJson.write(TestEngine.get().adviseTeam(team()))));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTeamWithNothingPublishedGetsNoActions() {
        TeamAdvice advice = TestEngine.get().adviseTeam(new TeamSignals("leeg", 7, 5, List.of()));
        assertThat(advice.actions()).isEmpty();
        assertThat(advice.ruleSetVersion()).isEqualTo(TestEngine.get().ruleSetVersion());
    }

    @Test
    void noTeamIsNoAdvice() {
        assertThatThrownBy(() -> TestEngine.get().adviseTeam(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theJsonHoldsWhatThePageShowsAndNoCountOfAHiddenCell() throws Exception {
        TeamAdvice advice = TestEngine.get().adviseTeam(team());
        JsonNode json = new ObjectMapper().readTree(TeamAdviceJson.write(advice));
        assertThat(TeamAdviceJson.toJsonNode(advice)).isEqualTo(json);
        assertThat(TeamAdviceJson.writeCompact(advice)).isEqualTo(json.toString());
        assertThat(json.get("unit").asText()).isEqualTo("zorg-team-3");
        assertThat(json.get("ruleSetVersion").asText()).isEqualTo(TestEngine.get().ruleSetVersion());
        JsonNode first = json.get("actions").get(0);
        assertThat(first.get("id").asText()).isEqualTo("ORG_WORKLOAD");
        assertThat(first.get("priority").asInt()).isEqualTo(13);
        assertThat(first.get("title").get("nl").asText()).isNotBlank();
        assertThat(first.get("rationale").get("en").asText()).isNotBlank();
        assertThat(first.get("who").get(0).asText()).isEqualTo("LEADERSHIP");
        assertThat(first.get("basedOn").get(0).get("kind").asText()).isEqualTo("CONTEXT");
        assertThat(first.get("basedOn").get(0).get("code").asText()).isEqualTo("HIGH_WORKLOAD");
        assertThat(first.get("basedOn").get(0).get("share").asDouble()).isEqualTo(0.5);
        assertThat(first.get("rules").get(0).asText()).isEqualTo("ORG-001");
        assertThat(first.get("sources").size()).isPositive();
        assertThat(json.toString()).doesNotContain("SOCIAL_UNSAFETY").doesNotContain("\"count\"");
    }
}
