package nl.burnoutprofiler.engine.facts;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import nl.burnoutprofiler.engine.PresentationType;

/**
 * The summed evidence of one presentation type, never below zero.
 *
 * @param supporting codes that weighed towards the type
 * @param against    codes that weighed against it (often explicit "not present" checks)
 */
public record TypeScore(PresentationType type, double score, List<String> supporting, List<String> against) {

    /** Sums the evidence records of one type; rules call it from an accumulate. */
    public static TypeScore of(PresentationType type, Collection<TypeEvidence> evidence) {
        double sum = evidence.stream().mapToDouble(TypeEvidence::weight).sum();
        return new TypeScore(type, Math.max(0.0, round(sum)),
                codes(evidence.stream().filter(TypeEvidence::supports)),
                codes(evidence.stream().filter(e -> !e.supports())));
    }

    private static List<String> codes(Stream<TypeEvidence> evidence) {
        return evidence.flatMap(e -> e.codes().stream()).distinct().sorted().toList();
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    @Override
    public String toString() {
        return type + " score " + score;
    }
}
