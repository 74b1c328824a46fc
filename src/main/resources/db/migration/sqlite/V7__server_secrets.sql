-- Keys the servers share, made once by whichever server needs one first (postgresql/V7 in SQLite's terms): the key
-- that turns a patient id and a CDS client into a case pseudonym. A key is never changed or removed.

CREATE TABLE server_secrets (
    name       TEXT NOT NULL PRIMARY KEY CHECK (length(name) <= 100),
    secret     TEXT NOT NULL CHECK (length(secret) <= 200),
    created_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER server_secrets_no_update BEFORE UPDATE ON server_secrets
BEGIN
    SELECT RAISE(ABORT, 'server_secrets is append-only: UPDATE refused');
END;
CREATE TRIGGER server_secrets_no_delete BEFORE DELETE ON server_secrets
BEGIN
    SELECT RAISE(ABORT, 'server_secrets is append-only: DELETE refused');
END;
