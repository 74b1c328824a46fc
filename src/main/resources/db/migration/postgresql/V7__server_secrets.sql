-- Keys the servers share, made once by whichever server needs one first: the key that turns a patient id and a CDS
-- client into a case pseudonym, so that every server derives the same case id and none stores the patient id.
-- A key is never changed or removed (a new key would split every such case in two).

CREATE TABLE server_secrets (
    name       VARCHAR(100) NOT NULL PRIMARY KEY,
    secret     VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TRIGGER server_secrets_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON server_secrets
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
