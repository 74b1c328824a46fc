-- cds_cards and cds_feedback are append-only like intakes (see V2): UPDATE and DELETE are refused.

CREATE TRIGGER cds_cards_append_only BEFORE UPDATE, DELETE ON cds_cards
    CALL 'nl.burnoutprofiler.store.AppendOnlyTrigger';
CREATE TRIGGER cds_feedback_append_only BEFORE UPDATE, DELETE ON cds_feedback
    CALL 'nl.burnoutprofiler.store.AppendOnlyTrigger';

-- TRUNCATE: cds_cards is referred to by cds_feedback already; this empty table refers to cds_feedback.
CREATE TABLE cds_append_only_guard (
    cds_feedback_id BIGINT REFERENCES cds_feedback (id)
);
