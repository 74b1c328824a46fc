-- CDS Hooks: the cards the service issued and the feedback CDS clients sent about them (common/V3 in SQLite's
-- terms). Both are append-only (V4). Never intake content: a card is known by its uuid, case and recommendation.

-- A card's uuid is derived from the intake and the recommendation, so issuing the same card again adds no row.
CREATE TABLE cds_cards (
    uuid              TEXT NOT NULL PRIMARY KEY CHECK (length(uuid) <= 36),
    service_id        TEXT NOT NULL CHECK (length(service_id) <= 100),
    case_id           TEXT NOT NULL CHECK (length(case_id) <= 100),
    recommendation_id TEXT NOT NULL CHECK (length(recommendation_id) <= 100),
    rule_set_version  TEXT NOT NULL CHECK (length(rule_set_version) <= 200),
    issued_at         TEXT NOT NULL,
    -- The client that received it first (its issuer or token name).
    issued_to         TEXT NOT NULL CHECK (length(issued_to) <= 100)
) STRICT;
CREATE INDEX cds_cards_by_case ON cds_cards (case_id);

-- What the coach did with a card: accepted (a suggestion taken) or overridden (set aside, maybe with a reason).
CREATE TABLE cds_feedback (
    id                      INTEGER PRIMARY KEY AUTOINCREMENT,
    card_uuid               TEXT NOT NULL REFERENCES cds_cards (uuid) CHECK (length(card_uuid) <= 36),
    outcome                 TEXT NOT NULL CHECK (length(outcome) <= 20),
    -- The accepted suggestions' uuids, separated by spaces.
    accepted_suggestions    TEXT CHECK (length(accepted_suggestions) <= 1000),
    override_reason_system  TEXT CHECK (length(override_reason_system) <= 500),
    override_reason_code    TEXT CHECK (length(override_reason_code) <= 200),
    override_reason_display TEXT CHECK (length(override_reason_display) <= 500),
    user_comment            TEXT CHECK (length(user_comment) <= 2000),
    outcome_timestamp       TEXT NOT NULL,
    received_at             TEXT NOT NULL,
    received_from           TEXT NOT NULL CHECK (length(received_from) <= 100),
    CONSTRAINT cds_feedback_outcome_known CHECK (outcome IN ('accepted', 'overridden')),
    -- A client may send the same feedback again; it is kept once.
    CONSTRAINT cds_feedback_once UNIQUE (card_uuid, outcome, outcome_timestamp)
) STRICT;
