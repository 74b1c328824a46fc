-- The ids of erased cases: an erased case id is never taken again, by its coach or anyone else, so that what a
-- new intake says is never read as the course of the erased case (and the audit log's entries of that id stay
-- the erased case's). Only the pseudonymous id and when; nothing of the case. Rows are never changed or removed.

CREATE TABLE erased_cases (
    case_id   TEXT NOT NULL PRIMARY KEY CHECK (length(case_id) <= 100),
    erased_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER erased_cases_no_update BEFORE UPDATE ON erased_cases
BEGIN
    SELECT RAISE(ABORT, 'erased_cases is append-only: UPDATE refused');
END;
CREATE TRIGGER erased_cases_no_delete BEFORE DELETE ON erased_cases
BEGIN
    SELECT RAISE(ABORT, 'erased_cases is append-only: DELETE refused');
END;
