-- intakes, outcomes and audit_log are append-only: the database itself refuses to change or remove their rows.
-- Statement-level triggers (no FOR EACH ROW), so even an UPDATE or DELETE that matches no row is refused.
-- The trigger class is part of the store (nl.burnoutprofiler.store.AppendOnlyTrigger).

CREATE TRIGGER intakes_append_only BEFORE UPDATE, DELETE ON intakes
    CALL 'nl.burnoutprofiler.store.AppendOnlyTrigger';
CREATE TRIGGER outcomes_append_only BEFORE UPDATE, DELETE ON outcomes
    CALL 'nl.burnoutprofiler.store.AppendOnlyTrigger';
CREATE TRIGGER audit_log_append_only BEFORE UPDATE, DELETE ON audit_log
    CALL 'nl.burnoutprofiler.store.AppendOnlyTrigger';

-- H2 has no TRUNCATE trigger, but it never truncates a table that a foreign key refers to (intakes already is, by
-- outcomes). This empty table refers to the other two, so TRUNCATE is refused on them as well.
CREATE TABLE append_only_guard (
    outcome_id   BIGINT REFERENCES outcomes (intake_id),
    audit_log_id BIGINT REFERENCES audit_log (id)
);
