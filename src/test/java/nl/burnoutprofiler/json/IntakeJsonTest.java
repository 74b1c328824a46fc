package nl.burnoutprofiler.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import nl.burnoutprofiler.TestEngine;
import nl.burnoutprofiler.engine.FieldProblem;
import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.IntakeValidator;
import nl.burnoutprofiler.engine.InvalidIntakeException;
import nl.burnoutprofiler.engine.Observer;
import nl.burnoutprofiler.engine.Stage;

class IntakeJsonTest {

    private final IntakeJson reader = new IntakeJson(new IntakeValidator(TestEngine.get().catalogue()),
            Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void theContractExampleReadsWithItsDefaults() {
        Intake intake = reader.read("""
                {"caseId": "c-0042",
                 "observations": [
                   {"code": "SLEEP_PROBLEMS", "intensity": 3},
                   {"code": "SOCIAL_UNSAFETY", "present": false},
                   {"code": "AMBIVALENCE", "note": "wil minder werken, maar team laat ik niet vallen"}],
                 "rulers": {"importance": 7, "confidence": 3, "readiness": 5},
                 "notes": "vrije tekst"}
                """);
        assertThat(intake.date()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(intake.observer()).isEqualTo(Observer.COACH);
        assertThat(intake.observations()).hasSize(3);
        assertThat(intake.observations().get(1).present()).isFalse();
        assertThat(intake.observations().get(2).intensity()).isEqualTo(2);
        assertThat(intake.rulers().importance()).isEqualTo(7);
    }

    @Test
    void theNormalFormReadsBackAsTheSameIntakeWithItsDefaultsFilledIn() {
        Intake intake = reader.read("""
                {"caseId": "c-0042",
                 "observations": [
                   {"code": "SLEEP_PROBLEMS", "intensity": 3},
                   {"code": "SOCIAL_UNSAFETY", "present": false},
                   {"code": "AMBIVALENCE", "note": "wil minder werken"}],
                 "rulers": {"importance": 7, "readiness": 5}}
                """);
        String normal = IntakeJson.write(intake);
        assertThat(normal).contains("\"date\":\"2026-11-22\"", "\"observer\":\"COACH\"")
                .doesNotContain("confidence").doesNotContain("notes");
        assertThat(reader.read(normal)).isEqualTo(intake);
    }

    @Test
    void thePreviousStageIsReadAndWrittenBack() {
        Intake intake = reader.read("""
                {"caseId": "c-0042", "previousStage": "ACTION", "observations": [{"code": "AMBIVALENCE"}]}
                """);
        assertThat(intake.previousStage()).isEqualTo(Stage.ACTION);
        assertThat(IntakeJson.write(intake)).contains("\"previousStage\":\"ACTION\"");
        assertThat(reader.read(IntakeJson.write(intake))).isEqualTo(intake);
    }

    @Test
    void aPreviousStageMustBeOneOfTheSixRealStages() {
        for (String wrong : new String[] {"\"UNDETERMINED\"", "\"action\"", "3"}) {
            InvalidIntakeException refused = assertThrows(InvalidIntakeException.class,
                    () -> reader.read("{\"caseId\": \"c-1\", \"previousStage\": " + wrong + "}"));
            assertThat(refused.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.field()).isEqualTo("previousStage");
                assertThat(problem.reason()).contains("PRECONTEMPLATION", "RELAPSE");
            });
        }
    }

    @Test
    void numbersTooLargeForTheirFieldAreRefusedNotWrappedAround() {
        InvalidIntakeException refused = assertThrows(InvalidIntakeException.class, () -> reader.read("""
                {"caseId": "c-1", "observations": [{"code": "SLEEP_PROBLEMS", "intensity": 4294967298}],
                 "rulers": {"importance": 4294967301}}
                """));
        assertThat(refused.problems()).extracting(FieldProblem::field)
                .containsExactly("observations[0].intensity", "rulers.importance");
    }

    @Test
    void malformedJsonSaysWhere() {
        InvalidIntakeException refused = assertThrows(InvalidIntakeException.class,
                () -> reader.read("{\"caseId\": \"c-1\",\n \"observations\": [ {\"code\": } ]}"));
        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("$");
            assertThat(problem.reason()).contains("not valid JSON").contains("line 2");
        });
    }

    @Test
    void everyWrongTypeAndValueIsReportedTogether() {
        InvalidIntakeException refused = assertThrows(InvalidIntakeException.class, () -> reader.read("""
                {"caseId": "c 1", "date": "20-11-2026", "observer": "BOSS", "colour": "red",
                 "observations": [
                   {"code": "SLEEP_PROBLEMS", "intensity": "high"},
                   {"code": "NOT_A_CODE"},
                   {"code": "EXHAUSTION", "intensity": 7, "present": "yes"}],
                 "rulers": {"importance": 11, "confidence": "low"}}
                """));
        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                "colour", "date", "observer", "observations[0].intensity", "observations[2].present",
                "caseId", "observations[1].code", "observations[2].intensity", "rulers.confidence",
                "rulers.importance");
    }

    @Test
    void aDuplicateCodeIsNamedWithBothPlaces() {
        InvalidIntakeException refused = assertThrows(InvalidIntakeException.class, () -> reader.read("""
                {"caseId": "c-1", "observations": [{"code": "EXHAUSTION"}, {"code": "EXHAUSTION", "intensity": 1}]}
                """));
        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("observations[1].code");
            assertThat(problem.reason()).contains("duplicates observations[0]");
        });
    }

    @Test
    void aMissingCaseIdIsNamed() {
        InvalidIntakeException refused = assertThrows(InvalidIntakeException.class,
                () -> reader.read("{\"observations\": []}"));
        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("caseId");
    }

    @Test
    void anIntakeMustBeAnObject() {
        InvalidIntakeException refused = assertThrows(InvalidIntakeException.class, () -> reader.read("[1, 2]"));
        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("$");
    }
}
