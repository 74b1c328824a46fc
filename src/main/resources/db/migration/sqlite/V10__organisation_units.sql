-- The organisation's view (postgresql/V10 in SQLite's terms). SQLite cannot change a CHECK constraint in place, so
-- users is rebuilt with 'organisation' among its roles, the way SQLite's documentation prescribes: with foreign
-- keys off (outside a transaction, hence the .conf beside this file), copy, drop, rename, commit.

PRAGMA foreign_keys = OFF;
-- A savepoint outside a transaction begins one (Flyway's parser would read BEGIN as the start of a block).
SAVEPOINT rebuild_users;

CREATE TABLE users_with_organisation_role (
    username      TEXT NOT NULL PRIMARY KEY CHECK (length(username) <= 100),
    display_name  TEXT NOT NULL CHECK (length(display_name) <= 200),
    role          TEXT NOT NULL CHECK (length(role) <= 20),
    password_hash TEXT CHECK (length(password_hash) <= 500),
    -- The case manager a coach reports to.
    manager       TEXT REFERENCES users (username) CHECK (length(manager) <= 100),
    created_at    TEXT NOT NULL,
    CONSTRAINT users_role_known CHECK (role IN ('coach', 'case-manager', 'admin', 'integrator', 'organisation')),
    CONSTRAINT users_only_coaches_have_a_manager CHECK (manager IS NULL OR role = 'coach')
) STRICT;
INSERT INTO users_with_organisation_role (username, display_name, role, password_hash, manager, created_at)
    SELECT username, display_name, role, password_hash, manager, created_at FROM users;
DROP TABLE users;
ALTER TABLE users_with_organisation_role RENAME TO users;
CREATE INDEX users_by_manager ON users (manager);

CREATE TABLE case_units (
    case_id TEXT NOT NULL PRIMARY KEY REFERENCES cases (case_id) CHECK (length(case_id) <= 100),
    unit    TEXT NOT NULL CHECK (length(unit) <= 60),
    set_at  TEXT NOT NULL,
    set_by  TEXT NOT NULL CHECK (length(set_by) <= 100)
) STRICT;
CREATE INDEX case_units_by_unit ON case_units (unit);

CREATE TABLE user_units (
    username    TEXT NOT NULL REFERENCES users (username) CHECK (length(username) <= 100),
    unit        TEXT NOT NULL CHECK (length(unit) <= 60),
    assigned_at TEXT NOT NULL,
    assigned_by TEXT NOT NULL CHECK (length(assigned_by) <= 100),
    PRIMARY KEY (username, unit)
) STRICT;

RELEASE rebuild_users;
PRAGMA foreign_keys = ON;
