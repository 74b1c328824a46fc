-- The rule sets the servers run, and which one is active (postgresql/V9 in SQLite's terms): every server on this
-- database runs the rule set of the newest activation. Both tables are append-only.

CREATE TABLE rule_sets (
    version    TEXT NOT NULL PRIMARY KEY CHECK (length(version) <= 200),
    -- Every file of the set, as one JSON object of relative path to text.
    files      TEXT NOT NULL CHECK (length(files) <= 20000000),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL CHECK (length(created_by) <= 100)
) STRICT;

-- The newest row (highest id) is the active rule set. AUTOINCREMENT: an id is never given out twice.
CREATE TABLE rule_set_activations (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    version      TEXT NOT NULL REFERENCES rule_sets (version) CHECK (length(version) <= 200),
    activated_at TEXT NOT NULL,
    activated_by TEXT NOT NULL CHECK (length(activated_by) <= 100),
    why          TEXT NOT NULL CHECK (length(why) <= 20),
    CONSTRAINT rule_set_activations_why_known CHECK (why IN ('start', 'reload'))
) STRICT;
CREATE INDEX rule_set_activations_by_version ON rule_set_activations (version);

CREATE TRIGGER rule_sets_no_update BEFORE UPDATE ON rule_sets
BEGIN
    SELECT RAISE(ABORT, 'rule_sets is append-only: UPDATE refused');
END;
CREATE TRIGGER rule_sets_no_delete BEFORE DELETE ON rule_sets
BEGIN
    SELECT RAISE(ABORT, 'rule_sets is append-only: DELETE refused');
END;
CREATE TRIGGER rule_set_activations_no_update BEFORE UPDATE ON rule_set_activations
BEGIN
    SELECT RAISE(ABORT, 'rule_set_activations is append-only: UPDATE refused');
END;
CREATE TRIGGER rule_set_activations_no_delete BEFORE DELETE ON rule_set_activations
BEGIN
    SELECT RAISE(ABORT, 'rule_set_activations is append-only: DELETE refused');
END;
