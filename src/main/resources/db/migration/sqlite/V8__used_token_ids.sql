-- The ids (jti) of CDS clients' JWTs already accepted (postgresql/V8 in SQLite's terms): a SHA-256 of issuer and
-- jti, kept only until the token could no longer be valid.

CREATE TABLE used_token_ids (
    key_hash     TEXT NOT NULL PRIMARY KEY CHECK (length(key_hash) <= 64),
    forget_after TEXT NOT NULL
) STRICT;
CREATE INDEX used_token_ids_by_expiry ON used_token_ids (forget_after);
