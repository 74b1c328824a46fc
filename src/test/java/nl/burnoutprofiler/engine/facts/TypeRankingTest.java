package nl.burnoutprofiler.engine.facts;

import static nl.burnoutprofiler.engine.PresentationType.CONTEXTUAL;
import static nl.burnoutprofiler.engine.PresentationType.IDENTITY;
import static nl.burnoutprofiler.engine.PresentationType.PHYSIOLOGICAL;
import static nl.burnoutprofiler.engine.PresentationType.RELATIONAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.burnoutprofiler.engine.PresentationType;

/** The ranking the classification rules compare with: the leader, its rivals, the candidates. */
class TypeRankingTest {

    private static TypeScore score(PresentationType type, double score) {
        return new TypeScore(type, score, score, List.of(), List.of());
    }

    @Test
    void theHighestScoreLeadsAndEqualScoresFollowTheOrderOfTheTypes() {
        TypeRanking ranking = TypeRanking.of(List.of(score(IDENTITY, 4.0), score(CONTEXTUAL, 1.0),
                score(RELATIONAL, 4.0), score(PHYSIOLOGICAL, 0.0)));

        assertThat(ranking.leaderType()).isEqualTo(RELATIONAL);
        assertThat(ranking.scores()).extracting(TypeScore::type)
                .containsExactly(RELATIONAL, IDENTITY, CONTEXTUAL, PHYSIOLOGICAL);
        assertThat(ranking.rivalAtLeast(0.9)).as("a tie is a rival").isTrue();
    }

    @Test
    void rivalsAndCandidatesAreMeasuredAgainstTheLeader() {
        TypeRanking ranking = TypeRanking.of(List.of(score(CONTEXTUAL, 10.0), score(RELATIONAL, 8.0),
                score(PHYSIOLOGICAL, 4.0), score(IDENTITY, 0.0)));

        assertThat(ranking.rivalAtLeast(0.75)).isTrue();
        assertThat(ranking.rivalAtLeast(0.9)).isFalse();
        assertThat(ranking.within(0.75)).containsExactly(CONTEXTUAL, RELATIONAL);
        assertThat(ranking.othersWithin(0.5, 2.0)).as("secondary types: half the leader and at least 2")
                .containsExactly(RELATIONAL);
        assertThat(ranking.othersWithin(0.4, 2.0)).containsExactly(RELATIONAL, PHYSIOLOGICAL);
        assertThat(ranking.withEvidence()).containsExactly(CONTEXTUAL, RELATIONAL, PHYSIOLOGICAL);
    }

    @Test
    void withoutEvidenceNoTypeHasAny() {
        TypeRanking ranking = TypeRanking.of(List.of(score(CONTEXTUAL, 0.0), score(RELATIONAL, 0.0),
                score(PHYSIOLOGICAL, 0.0), score(IDENTITY, 0.0)));

        assertThat(ranking.leaderType()).isEqualTo(CONTEXTUAL);
        assertThat(ranking.leaderScore()).isZero();
        assertThat(ranking.withEvidence()).isEmpty();
    }
}
