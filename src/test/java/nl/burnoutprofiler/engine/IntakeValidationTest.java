package nl.burnoutprofiler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.burnoutprofiler.TestEngine;

/** The library refuses a bad intake with one typed exception that lists every problem. */
class IntakeValidationTest {

    private final ProfilerEngine engine = TestEngine.get();

    @Test
    void everyProblemIsListedNotOnlyTheFirst() {
        Intake intake = Intake.of("Jan Jansen", List.of(
                Observation.present("SLEEP_PROBLEMS", 7),
                Observation.present("NOT_A_CODE", 2),
                Observation.present("SLEEP_PROBLEMS", 2)),
                new Rulers(11, -1, 5));

        InvalidIntakeException refused = assertThrows(InvalidIntakeException.class, () -> engine.assess(intake));

        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly(
                "caseId", "observations[0].intensity", "observations[1].code", "observations[2].code",
                "rulers.importance", "rulers.confidence");
        assertThat(refused.problems()).extracting(FieldProblem::value).containsExactly(
                "Jan Jansen", "7", "NOT_A_CODE", "SLEEP_PROBLEMS", "11", "-1");
        assertThat(refused.problems().get(3).reason()).contains("duplicates observations[0]");
        assertThat(refused.getMessage()).contains("observations[0].intensity = 7");
    }

    @Test
    void aMissingCaseIdIsNamed() {
        InvalidIntakeException refused = assertThrows(InvalidIntakeException.class,
                () -> engine.assess(Intake.of(null, List.of(), Rulers.NONE)));
        assertThat(refused.problems()).containsExactly(new FieldProblem("caseId", null, "is required"));
    }

    @Test
    void aCaseIdLongerThan64CharactersIsRefused() {
        assertThat(engine.validate(Intake.of("c".repeat(65), List.of(), Rulers.NONE)))
                .extracting(FieldProblem::field).containsExactly("caseId");
        assertThat(engine.validate(Intake.of("c".repeat(64), List.of(), Rulers.NONE))).isEmpty();
    }

    @Test
    void theEdgesOfTheRangesAreAccepted() {
        Intake intake = Intake.of("c-1", List.of(Observation.present("SLEEP_PROBLEMS", 1),
                Observation.present("EXHAUSTION", 3)), new Rulers(0, 10, 0));
        assertThat(engine.validate(intake)).isEmpty();
    }

    @Test
    void freeTextHasAMaximumLengthAndNoControlCharacters() {
        Intake atTheLimits = new Intake("c-1", null, Observer.COACH, List.of(new Observation("SLEEP_PROBLEMS", 2, true,
                "n".repeat(IntakeValidator.MAX_NOTE_CHARS))), Rulers.NONE,
                "line\ttab\r\n" + "n".repeat(IntakeValidator.MAX_NOTES_CHARS - 11));
        assertThat(engine.validate(atTheLimits)).isEmpty();

        Intake over = new Intake("c-1", null, Observer.COACH, List.of(new Observation("SLEEP_PROBLEMS", 2, true,
                "n".repeat(IntakeValidator.MAX_NOTE_CHARS + 1))), Rulers.NONE,
                "n".repeat(IntakeValidator.MAX_NOTES_CHARS + 1));
        assertThat(engine.validate(over)).extracting(FieldProblem::field, FieldProblem::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("observations[0].note", "has 1001 characters; at most 1000 are accepted"),
                org.assertj.core.groups.Tuple.tuple("notes", "has 4001 characters; at most 4000 are accepted"));

        Intake control = new Intake("c-1", null, Observer.COACH, List.of(new Observation("SLEEP_PROBLEMS", 2, true,
                "\u001b[31m")), Rulers.NONE, "a\u0000b");
        assertThat(engine.validate(control)).extracting(FieldProblem::field)
                .containsExactly("observations[0].note", "notes");
    }

    @Test
    void moreObservationsThanTheLimitAreOneProblem() {
        List<Observation> many = java.util.Collections.nCopies(IntakeValidator.MAX_OBSERVATIONS + 1,
                Observation.present("SLEEP_PROBLEMS", 2));
        assertThat(engine.validate(Intake.of("c-1", many, Rulers.NONE))).extracting(FieldProblem::field)
                .containsExactly("observations");
    }

    @Test
    void aProblemShowsAtMost200CharactersOfAValue() {
        FieldProblem problem = new FieldProblem("caseId", "x".repeat(10_000), "is too long");
        assertThat(problem.value()).hasSizeLessThan(230).endsWith("… (10000 characters)");
    }
}
