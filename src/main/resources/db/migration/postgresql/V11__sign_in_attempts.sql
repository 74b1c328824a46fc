-- Sign-in throttling shared by every server on the database: per budget key (a keyed hash of the account and/or the
-- client address, never either itself), the attempts counted in the window that began at window_start; and the
-- keyed hashes of account-and-address pairs that signed in before, exempt from the wider budgets until a date.

CREATE TABLE sign_in_attempts (
    key_hash     VARCHAR(64)              NOT NULL PRIMARY KEY,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts     INTEGER                  NOT NULL CHECK (attempts >= 0)
);
CREATE INDEX sign_in_attempts_by_window ON sign_in_attempts (window_start);

CREATE TABLE sign_in_addresses (
    key_hash         VARCHAR(64)              NOT NULL PRIMARY KEY,
    remembered_until TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sign_in_addresses_by_expiry ON sign_in_addresses (remembered_until);
