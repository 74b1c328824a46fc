-- intakes, outcomes and audit_log are append-only: the database itself refuses to change or remove their rows.
-- SQLite has only row triggers, so a statement that matches no row changes nothing and is let be; SQLite has no
-- TRUNCATE, and its DELETE without WHERE fires these triggers like any other.

CREATE TRIGGER intakes_no_update BEFORE UPDATE ON intakes
BEGIN
    SELECT RAISE(ABORT, 'intakes is append-only: UPDATE refused');
END;
CREATE TRIGGER intakes_no_delete BEFORE DELETE ON intakes
BEGIN
    SELECT RAISE(ABORT, 'intakes is append-only: DELETE refused');
END;

CREATE TRIGGER outcomes_no_update BEFORE UPDATE ON outcomes
BEGIN
    SELECT RAISE(ABORT, 'outcomes is append-only: UPDATE refused');
END;
CREATE TRIGGER outcomes_no_delete BEFORE DELETE ON outcomes
BEGIN
    SELECT RAISE(ABORT, 'outcomes is append-only: DELETE refused');
END;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused');
END;
