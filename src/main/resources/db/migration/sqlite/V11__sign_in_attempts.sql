-- Sign-in throttling kept in the database (postgresql/V11 in SQLite's terms), so that a server and the command line
-- beside it, and every restart, count the same attempts.

CREATE TABLE sign_in_attempts (
    key_hash     TEXT    NOT NULL PRIMARY KEY CHECK (length(key_hash) <= 64),
    window_start TEXT    NOT NULL,
    attempts     INTEGER NOT NULL CHECK (attempts >= 0)
) STRICT;
CREATE INDEX sign_in_attempts_by_window ON sign_in_attempts (window_start);

CREATE TABLE sign_in_addresses (
    key_hash         TEXT NOT NULL PRIMARY KEY CHECK (length(key_hash) <= 64),
    remembered_until TEXT NOT NULL
) STRICT;
CREATE INDEX sign_in_addresses_by_expiry ON sign_in_addresses (remembered_until);
