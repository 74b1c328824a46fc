package nl.burnoutprofiler.engine.facts;

import java.util.List;

import nl.burnoutprofiler.engine.Stage;

/** Weighted evidence for one stage of change, with the observation codes or rulers it rests on. */
public record StageEvidence(Stage stage, double weight, List<String> codes) {

    public StageEvidence {
        codes = Codes.sortedOnce(codes);
    }

    public static StageEvidence of(Stage stage, double weight, String... codes) {
        return new StageEvidence(stage, weight, List.of(codes));
    }

    @Override
    public String toString() {
        return stage + " " + (weight > 0 ? "+" : "") + weight + " from " + String.join(", ", codes);
    }
}
