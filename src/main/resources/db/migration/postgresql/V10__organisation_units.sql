-- The organisation's view (issue 14). A case may carry an organisational unit: a pseudonymous label such as
-- zorg-team-3, set by its coach or case manager; every change is in the audit log. A user of the new role
-- 'organisation' (an HR or occupational-health lead) is assigned units and sees aggregates of those only.

ALTER TABLE users DROP CONSTRAINT users_role_known;
ALTER TABLE users ADD CONSTRAINT users_role_known
    CHECK (role IN ('coach', 'case-manager', 'admin', 'integrator', 'organisation'));

CREATE TABLE case_units (
    case_id VARCHAR(100)             NOT NULL PRIMARY KEY REFERENCES cases (case_id),
    unit    VARCHAR(60)              NOT NULL,
    set_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    set_by  VARCHAR(100)             NOT NULL
);
CREATE INDEX case_units_by_unit ON case_units (unit);

CREATE TABLE user_units (
    username    VARCHAR(100)             NOT NULL REFERENCES users (username),
    unit        VARCHAR(60)              NOT NULL,
    assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    assigned_by VARCHAR(100)             NOT NULL,
    PRIMARY KEY (username, unit)
);
