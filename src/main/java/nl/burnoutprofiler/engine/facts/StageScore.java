package nl.burnoutprofiler.engine.facts;

import java.util.Collection;
import java.util.List;

import nl.burnoutprofiler.engine.Stage;

/** The summed evidence of one stage of change. */
public record StageScore(Stage stage, double score, List<String> codes) {

    public static StageScore of(Stage stage, Collection<StageEvidence> evidence) {
        double sum = evidence.stream().mapToDouble(StageEvidence::weight).sum();
        List<String> codes = evidence.stream().flatMap(e -> e.codes().stream()).distinct().sorted().toList();
        return new StageScore(stage, Math.round(sum * 100.0) / 100.0, codes);
    }

    @Override
    public String toString() {
        return stage + " score " + score;
    }
}
