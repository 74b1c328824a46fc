package nl.burnoutprofiler.engine.facts;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import nl.burnoutprofiler.engine.PresentationType;

/**
 * The summed evidence of one presentation type, never below zero.
 *
 * @param firstHand  the part of the score that rests on what the coach, the client or a physician saw; a type
 *                   can only be named on first-hand evidence (seed 003: a report by others stays a signal)
 * @param supporting codes that weighed towards the type
 * @param against    codes that weighed against it (often explicit "not present" checks)
 */
public record TypeScore(PresentationType type, double score, double firstHand, List<String> supporting,
                        List<String> against) {

    /**
     * Sums the evidence records of one type; rules call it from an accumulate. Each record counts towards the
     * first-hand score in the share of its codes that {@code reportedByOthers} does not hold.
     */
    public static TypeScore of(PresentationType type, Collection<TypeEvidence> evidence,
                               Set<String> reportedByOthers) {
        double sum = 0.0;
        double firstHand = 0.0;
        for (TypeEvidence e : evidence) {
            sum += e.weight();
            long seen = e.codes().stream().filter(code -> !reportedByOthers.contains(code)).count();
            firstHand += e.codes().isEmpty() ? e.weight() : e.weight() * seen / e.codes().size();
        }
        return new TypeScore(type, Math.max(0.0, round(sum)), Math.max(0.0, round(firstHand)),
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
        return firstHand == score ? type + " score " + score : type + " score " + score + " (first-hand " + firstHand + ")";
    }
}
