package nl.burnoutprofiler.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import nl.burnoutprofiler.TestEngine;
import nl.burnoutprofiler.engine.PresentationType;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.engine.Stage;
import nl.burnoutprofiler.engine.catalogue.ObservationCode;
import nl.burnoutprofiler.engine.team.SignalKind;
import nl.burnoutprofiler.engine.team.TeamSignal;
import nl.burnoutprofiler.engine.team.TeamSignals;
import nl.burnoutprofiler.json.TeamAdviceJson;

/**
 * A cell below the unit's minimum count is not published, so it must never lead to an action, hold one back, or show
 * in what an action is based on: the advice is a function of the shown cells alone.
 */
class HiddenCellsTest {

    private final ProfilerEngine engine = TestEngine.get();

    /** Every code a cell can carry: the catalogue's codes, the presentation types and the stages. */
    private List<String> codes() {
        List<String> codes = new ArrayList<>(engine.catalogue().codes().stream().map(ObservationCode::code).toList());
        for (PresentationType type : PresentationType.values()) {
            codes.add(type.name());
        }
        for (Stage stage : Stage.values()) {
            codes.add(stage.name());
        }
        return codes;
    }

    private static TeamSignals withoutHiddenCells(TeamSignals team) {
        return new TeamSignals(team.unit(), team.cases(), team.minimumCount(),
                team.signals().stream().filter(TeamSignal::shown).toList());
    }

    @Test
    void cellsThatWouldCrossEveryThresholdButAreHiddenLeadToNoAction() {
        List<TeamSignal> hidden = new ArrayList<>();
        for (SignalKind kind : SignalKind.values()) {
            codes().forEach(code -> hidden.add(TeamSignal.hidden(kind, code)));
        }
        assertThat(engine.adviseTeam(new TeamSignals("all-hidden", 9, 5, hidden)).actions()).isEmpty();
    }

    @Test
    void addingHiddenCellsToAScenarioChangesNothing() throws IOException {
        for (Path file : TeamScenario.files()) {
            TeamSignals team = TeamScenario.read(file).signals();
            List<TeamSignal> more = new ArrayList<>(team.signals());
            for (SignalKind kind : SignalKind.values()) {
                codes().stream().filter(code -> team.signals().stream().noneMatch(s -> s.kind() == kind
                        && s.code().equals(code))).forEach(code -> more.add(TeamSignal.hidden(kind, code)));
            }
            TeamSignals padded = new TeamSignals(team.unit(), team.cases(), team.minimumCount(), more);
            assertThat(TeamAdviceJson.write(engine.adviseTeam(padded))).as(file.getFileName().toString())
                    .isEqualTo(TeamAdviceJson.write(engine.adviseTeam(team)));
        }
    }

    @Test
    void onGeneratedTeamsTheAdviceDependsOnTheShownCellsAlone() {
        Random random = new Random(14);
        List<String> codes = codes();
        for (int team = 0; team < 300; team++) {
            int minimum = 5 + random.nextInt(6);
            int cases = minimum + random.nextInt(60);
            List<TeamSignal> cells = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                SignalKind kind = SignalKind.values()[random.nextInt(SignalKind.values().length)];
                String code = codes.get(random.nextInt(codes.size()));
                int count = random.nextInt(cases + 1);
                cells.add(count < minimum ? TeamSignal.hidden(kind, code)
                        : new TeamSignal(kind, code, count, (double) count / cases, true));
            }
            TeamSignals generated = new TeamSignals("generated-" + team, cases, minimum, cells);
            var advice = engine.adviseTeam(generated);
            assertThat(TeamAdviceJson.write(advice)).as(generated.unit())
                    .isEqualTo(TeamAdviceJson.write(engine.adviseTeam(withoutHiddenCells(generated))));
            assertThat(advice.actions()).allSatisfy(action -> assertThat(action.basedOn()).allSatisfy(basis ->
                    assertThat(cells).anySatisfy(cell -> {
                        assertThat(cell.shown()).isTrue();
                        assertThat(cell.kind()).isEqualTo(basis.kind());
                        assertThat(cell.code()).isEqualTo(basis.code());
                        assertThat(cell.share()).isEqualTo(basis.share());
                    })));
        }
    }
}
