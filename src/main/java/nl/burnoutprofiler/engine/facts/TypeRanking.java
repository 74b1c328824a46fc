package nl.burnoutprofiler.engine.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import nl.burnoutprofiler.engine.PresentationType;

/**
 * The four type scores in order, highest first (equal scores in the order of {@link PresentationType#TYPES}), so
 * that classification rules compare each type with the leader once instead of every score with every other.
 *
 * @param scores one score per type, ranked
 */
public record TypeRanking(List<TypeScore> scores) {

    private static final Comparator<TypeScore> RANK = Comparator.comparingDouble(TypeScore::score).reversed()
            .thenComparing(score -> score.type().ordinal());

    public TypeRanking {
        scores = List.copyOf(scores);
    }

    /** Ranks the scores an accumulate collected. */
    public static TypeRanking of(Collection<TypeScore> scores) {
        List<TypeScore> ranked = new ArrayList<>(scores);
        ranked.sort(RANK);
        return new TypeRanking(ranked);
    }

    /** The highest score; of equal ones, the first type. */
    public TypeScore leader() {
        return scores.get(0);
    }

    public PresentationType leaderType() {
        return leader().type();
    }

    public double leaderScore() {
        return leader().score();
    }

    public double leaderFirstHand() {
        return leader().firstHand();
    }

    /** Whether another type scores at least this share of the leader's score. */
    public boolean rivalAtLeast(double share) {
        return scores.size() > 1 && scores.get(1).score() >= leaderScore() * share;
    }

    /** The leader and every type scoring at least this share of its score, in rank order. */
    public List<PresentationType> within(double share) {
        List<PresentationType> close = new ArrayList<>();
        for (TypeScore score : scores) {
            if (score.score() >= leaderScore() * share) {
                close.add(score.type());
            }
        }
        return close;
    }

    /** The types other than the leader scoring at least {@code least} and this share of the leader's score. */
    public List<PresentationType> othersWithin(double share, double least) {
        List<PresentationType> others = new ArrayList<>();
        for (TypeScore score : scores.subList(1, scores.size())) {
            if (score.score() >= least && score.score() >= leaderScore() * share) {
                others.add(score.type());
            }
        }
        return others;
    }

    /** The types with any evidence for them, in rank order. */
    public List<PresentationType> withEvidence() {
        List<PresentationType> some = new ArrayList<>();
        for (TypeScore score : scores) {
            if (score.score() > 0) {
                some.add(score.type());
            }
        }
        return some;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ranking");
        for (TypeScore score : scores) {
            text.append(' ').append(score.type()).append(' ').append(score.score());
        }
        return text.toString();
    }
}
