package nl.burnoutprofiler.engine.facts;

import java.util.List;

/**
 * A relapse the intake records as a fact: a fall-back into the old pattern, or a stage that went back since the
 * previous meeting. It brings the relapse guidance whatever stage the markers choose (seed 004: the setback is
 * information, not a failure).
 *
 * @param codes what records it: observation codes, or {@code previousStage}
 */
public record RecordedRelapse(List<String> codes) {

    public RecordedRelapse {
        codes = List.copyOf(codes);
    }

    public static RecordedRelapse of(String... codes) {
        return new RecordedRelapse(List.of(codes));
    }

    @Override
    public String toString() {
        return "recorded relapse (" + String.join(", ", codes) + ")";
    }
}
