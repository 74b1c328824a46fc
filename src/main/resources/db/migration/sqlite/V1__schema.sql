-- The store of burnout-profiler on SQLite, the embedded database: the tables of common/V1 (PostgreSQL), in SQLite's
-- terms. Strict tables and length checks, so a value of the wrong type or length is refused as on PostgreSQL. Timestamps are UTC text of a
-- fixed width (2025-02-10T09:30:00.000000Z), so that their text order is their time order; dates are 2025-02-10.
-- intakes, outcomes and audit_log are append-only: V2 makes the database refuse UPDATE and DELETE on them.

CREATE TABLE users (
    username      TEXT NOT NULL PRIMARY KEY CHECK (length(username) <= 100),
    display_name  TEXT NOT NULL CHECK (length(display_name) <= 200),
    role          TEXT NOT NULL CHECK (length(role) <= 20),
    password_hash TEXT CHECK (length(password_hash) <= 500),
    -- The case manager a coach reports to.
    manager       TEXT REFERENCES users (username) CHECK (length(manager) <= 100),
    created_at    TEXT NOT NULL,
    CONSTRAINT users_role_known CHECK (role IN ('coach', 'case-manager', 'admin', 'integrator')),
    CONSTRAINT users_only_coaches_have_a_manager CHECK (manager IS NULL OR role = 'coach')
) STRICT;
CREATE INDEX users_by_manager ON users (manager);

-- Only a hash of each token is kept; the token itself is shown once, at creation.
CREATE TABLE api_tokens (
    name       TEXT NOT NULL PRIMARY KEY CHECK (length(name) <= 100),
    token_hash TEXT NOT NULL CHECK (length(token_hash) <= 500),
    role       TEXT NOT NULL CHECK (length(role) <= 20),
    -- The user a coach or case-manager token acts as.
    username   TEXT REFERENCES users (username) CHECK (length(username) <= 100),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL CHECK (length(created_by) <= 100),
    revoked_at TEXT,
    CONSTRAINT api_tokens_hash_unique UNIQUE (token_hash),
    CONSTRAINT api_tokens_role_known CHECK (role IN ('coach', 'case-manager', 'admin', 'integrator'))
) STRICT;

-- Only a hash of each session id is kept.
CREATE TABLE sessions (
    id_hash    TEXT NOT NULL PRIMARY KEY CHECK (length(id_hash) <= 500),
    username   TEXT NOT NULL REFERENCES users (username) CHECK (length(username) <= 100),
    csrf_token TEXT NOT NULL CHECK (length(csrf_token) <= 500),
    expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
CREATE INDEX sessions_by_user ON sessions (username);

CREATE TABLE cases (
    case_id    TEXT NOT NULL PRIMARY KEY CHECK (length(case_id) <= 100),
    coach      TEXT NOT NULL REFERENCES users (username) CHECK (length(coach) <= 100),
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX cases_by_coach ON cases (coach);

-- SQLite has no sequences: a counter per sequence, taken with UPDATE ... RETURNING inside the storing transaction.
-- Intake ids come from one rather than from the rowid: a new meeting's id is the id of its first intake, known
-- before the (never updated) row is written.
CREATE TABLE id_sequences (
    name       TEXT    NOT NULL PRIMARY KEY,
    last_value INTEGER NOT NULL
) STRICT;
INSERT INTO id_sequences (name, last_value) VALUES ('intake_ids', 0);

CREATE TABLE intakes (
    intake_id    INTEGER NOT NULL PRIMARY KEY,
    case_id      TEXT    NOT NULL REFERENCES cases (case_id) CHECK (length(case_id) <= 100),
    -- The intake_id of the meeting's first version.
    meeting      INTEGER NOT NULL,
    version      INTEGER NOT NULL,
    meeting_date TEXT    NOT NULL,
    observer     TEXT CHECK (length(observer) <= 200),
    intake_json  TEXT    NOT NULL,
    stored_by    TEXT    NOT NULL CHECK (length(stored_by) <= 100),
    stored_at    TEXT    NOT NULL,
    CONSTRAINT intakes_one_row_per_version UNIQUE (meeting, version),
    CONSTRAINT intakes_version_positive CHECK (version >= 1),
    CONSTRAINT intakes_first_version_is_the_meeting CHECK ((version = 1) = (meeting = intake_id))
) STRICT;
CREATE INDEX intakes_by_case ON intakes (case_id, meeting, version);

-- What the engine made of each intake. The columns beside the JSON are what the case lists filter on.
CREATE TABLE outcomes (
    intake_id        INTEGER NOT NULL PRIMARY KEY REFERENCES intakes (intake_id),
    outcome_json     TEXT    NOT NULL,
    rule_set_version TEXT    NOT NULL CHECK (length(rule_set_version) <= 200),
    primary_type     TEXT CHECK (length(primary_type) <= 100),
    stage            TEXT CHECK (length(stage) <= 100),
    safety_status    TEXT CHECK (length(safety_status) <= 100)
) STRICT;
CREATE INDEX outcomes_by_primary_type ON outcomes (primary_type);
CREATE INDEX outcomes_by_stage ON outcomes (stage);
CREATE INDEX outcomes_by_safety_status ON outcomes (safety_status);

-- Who read or wrote which case, and when. Never intake content: detail is a short note.
-- AUTOINCREMENT: an id is never given out twice, not even after the newest row is gone.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    recorded_at TEXT NOT NULL,
    actor       TEXT NOT NULL CHECK (length(actor) <= 100),
    action      TEXT NOT NULL CHECK (length(action) <= 100),
    case_id     TEXT CHECK (length(case_id) <= 100),
    detail      TEXT CHECK (length(detail) <= 500)
) STRICT;
CREATE INDEX audit_log_by_case ON audit_log (case_id, recorded_at);
CREATE INDEX audit_log_by_time ON audit_log (recorded_at);
