-- The ids of erased cases: an erased case id is never taken again, by its coach or anyone else, so that what a
-- new intake says is never read as the course of the erased case (and the audit log's entries of that id stay
-- the erased case's). Only the pseudonymous id and when; nothing of the case. Rows are never changed or removed.

CREATE TABLE erased_cases (
    case_id   VARCHAR(100)             NOT NULL PRIMARY KEY,
    erased_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TRIGGER erased_cases_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON erased_cases
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
