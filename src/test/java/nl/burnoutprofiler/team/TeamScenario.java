package nl.burnoutprofiler.team;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import nl.burnoutprofiler.engine.catalogue.Text;
import nl.burnoutprofiler.engine.team.SignalKind;
import nl.burnoutprofiler.engine.team.TeamSignal;
import nl.burnoutprofiler.engine.team.TeamSignals;

/**
 * A team aggregate as a domain expert writes it (src/test/resources/team-scenarios): the unit, its number of cases
 * and minimum count, its cells (a count for a shown cell, {@code "hidden": true} for one below the minimum), and the
 * actions expected present, absent, in order, or exactly.
 */
record TeamScenario(String title, Text description, String unit, int cases, int minimumCount, List<Cell> cells,
                    Expect expect) {

    static final Path FOLDER = Path.of("src/test/resources/team-scenarios");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    record Cell(SignalKind kind, String code, Integer count, boolean hidden) {
    }

    record Expect(List<String> present, List<String> absent, List<List<String>> order, List<String> exactly) {
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    static TeamScenario read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), TeamScenario.class);
    }

    /** The cells as the aggregation publishes them: a shown cell's share is its count over the unit's cases. */
    TeamSignals signals() {
        List<TeamSignal> signals = cells.stream().map(cell -> cell.hidden()
                ? TeamSignal.hidden(cell.kind(), cell.code())
                : new TeamSignal(cell.kind(), cell.code(), cell.count(), (double) cell.count() / cases, true)).toList();
        return new TeamSignals(unit, cases, minimumCount, signals);
    }
}
