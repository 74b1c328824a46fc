-- The ids (jti) of CDS clients' JWTs already accepted, shared by every server so that a token replayed to another
-- server is refused too. Kept as a SHA-256 of issuer and jti, only until the token could no longer be valid.

CREATE TABLE used_token_ids (
    key_hash     VARCHAR(64)              NOT NULL PRIMARY KEY,
    forget_after TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX used_token_ids_by_expiry ON used_token_ids (forget_after);
