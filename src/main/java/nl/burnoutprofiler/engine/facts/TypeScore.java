package nl.burnoutprofiler.engine.facts;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
        TreeSet<String> supporting = new TreeSet<>();
        TreeSet<String> against = new TreeSet<>();
        for (TypeEvidence e : evidence) {
            sum += e.weight();
            List<String> codes = e.codes();
            int seen = 0;
            for (String code : codes) {
                if (!reportedByOthers.contains(code)) {
                    seen++;
                }
            }
            firstHand += codes.isEmpty() ? e.weight() : e.weight() * seen / codes.size();
            (e.supports() ? supporting : against).addAll(codes);
        }
        return new TypeScore(type, Math.max(0.0, round(sum)), Math.max(0.0, round(firstHand)),
                List.copyOf(supporting), List.copyOf(against));
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    @Override
    public String toString() {
        return firstHand == score ? type + " score " + score : type + " score " + score + " (first-hand " + firstHand + ")";
    }
}
