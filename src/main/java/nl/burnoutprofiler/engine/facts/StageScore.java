package nl.burnoutprofiler.engine.facts;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import nl.burnoutprofiler.engine.Stage;

/** The summed evidence of one stage of change. */
public record StageScore(Stage stage, double score, List<String> codes) {

    public static StageScore of(Stage stage, Collection<StageEvidence> evidence) {
        double sum = 0.0;
        TreeSet<String> codes = new TreeSet<>();
        for (StageEvidence e : evidence) {
            sum += e.weight();
            codes.addAll(e.codes());
        }
        return new StageScore(stage, Math.round(sum * 100.0) / 100.0, List.copyOf(codes));
    }

    @Override
    public String toString() {
        return stage + " score " + score;
    }
}
