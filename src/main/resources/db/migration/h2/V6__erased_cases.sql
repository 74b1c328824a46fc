-- The ids of erased cases: an erased case id is never taken again, by its coach or anyone else, so that what a
-- new intake says is never read as the course of the erased case (and the audit log's entries of that id stay
-- the erased case's). Only the pseudonymous id and when; nothing of the case. Rows are never changed or removed.

CREATE TABLE erased_cases (
    case_id   VARCHAR(100)             NOT NULL PRIMARY KEY,
    erased_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TRIGGER erased_cases_append_only BEFORE UPDATE, DELETE ON erased_cases
    CALL 'nl.burnoutprofiler.store.AppendOnlyTrigger';

-- H2 has no TRUNCATE trigger, but never truncates a table that a foreign key refers to (as V2's guard does).
CREATE TABLE erased_cases_guard (
    case_id VARCHAR(100) REFERENCES erased_cases (case_id)
);
