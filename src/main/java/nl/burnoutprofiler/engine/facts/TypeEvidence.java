package nl.burnoutprofiler.engine.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import nl.burnoutprofiler.engine.PresentationType;

/**
 * Weighted evidence for (positive weight) or against (negative weight) one presentation type.
 *
 * @param codes the observation codes the evidence rests on, sorted
 */
public record TypeEvidence(PresentationType type, double weight, List<String> codes) {

    public TypeEvidence {
        codes = Codes.sortedOnce(codes);
    }

    public static TypeEvidence of(PresentationType type, double weight, String... codes) {
        return new TypeEvidence(type, weight, List.of(codes));
    }

    /** Evidence resting on the codes an accumulate collected plus the ones named. */
    public static TypeEvidence of(PresentationType type, double weight, Collection<String> collected,
                                  String... codes) {
        List<String> all = new ArrayList<>(collected);
        all.addAll(List.of(codes));
        return new TypeEvidence(type, weight, all);
    }

    public boolean supports() {
        return weight > 0;
    }

    @Override
    public String toString() {
        return type + " " + (weight > 0 ? "+" : "") + weight + " from " + String.join(", ", codes);
    }
}
