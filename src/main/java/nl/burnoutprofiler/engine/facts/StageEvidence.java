package nl.burnoutprofiler.engine.facts;

import java.util.List;
import java.util.TreeSet;

import nl.burnoutprofiler.engine.Stage;

/** Weighted evidence for one stage of change, with the observation codes or rulers it rests on. */
public record StageEvidence(Stage stage, double weight, List<String> codes) {

    public StageEvidence {
        codes = codes.size() == 1 ? List.copyOf(codes) : List.copyOf(new TreeSet<>(codes));
    }

    public static StageEvidence of(Stage stage, double weight, String... codes) {
        return new StageEvidence(stage, weight, List.of(codes));
    }

    @Override
    public String toString() {
        return stage + " " + (weight > 0 ? "+" : "") + weight + " from " + String.join(", ", codes);
    }
}
