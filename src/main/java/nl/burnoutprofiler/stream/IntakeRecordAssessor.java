package nl.burnoutprofiler.stream;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import nl.burnoutprofiler.engine.FieldProblem;
import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.IntakeValidator;
import nl.burnoutprofiler.engine.InvalidIntakeException;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.engine.RuleExecutionException;
import nl.burnoutprofiler.json.IntakeJson;
import nl.burnoutprofiler.json.OutcomeJson;

/**
 * Turns the value of one intake record into a {@link Verdict}. Thread-safe: one per instance, shared by its stream
 * threads, like the engine.
 *
 * <p>An intake without a date is dated by its record's timestamp (UTC), not by the clock of whichever instance
 * happens to process it: a record replayed after a failover gives the same outcome.
 */
final class IntakeRecordAssessor {

    private final ProfilerEngine engine;
    private final IntakeValidator validator;
    private final OutcomeForm form;

    IntakeRecordAssessor(ProfilerEngine engine, OutcomeForm form) {
        this.engine = engine;
        this.validator = new IntakeValidator(engine.catalogue());
        this.form = form;
    }

    Verdict assess(byte[] value, long timestamp) {
        if (value == null || value.length == 0) {
            return new Verdict.Refused(Refusal.INVALID_INTAKE,
                    List.of(new FieldProblem("$", null, "is empty; an intake is a JSON object")));
        }
        Intake intake;
        try {
            Clock recordDay = Clock.fixed(Instant.ofEpochMilli(timestamp), ZoneOffset.UTC);
            intake = new IntakeJson(validator, recordDay).read(value);
        } catch (InvalidIntakeException e) {
            return new Verdict.Refused(Refusal.INVALID_INTAKE, e.problems());
        }
        try {
            byte[] outcome = form == OutcomeForm.COMPACT
                    ? OutcomeJson.writeCompactBytes(engine.assessCompact(intake))
                    : OutcomeJson.writeCompactBytes(engine.assess(intake));
            return new Verdict.Assessed(intake.caseId(), outcome);
        } catch (RuleExecutionException e) {
            // Only the rule's name: the exception's message may quote facts of the intake.
            String rule = e.ruleName() == null ? "" : " (rule \"" + e.ruleName() + "\")";
            return new Verdict.Refused(Refusal.RULE_FAILURE, List.of(new FieldProblem("$", null,
                    "the rule set failed on this intake" + rule + "; replay it once the rules are fixed")));
        }
    }
}
