-- cds_cards and cds_feedback are append-only like intakes (see V2): UPDATE, DELETE and TRUNCATE are refused.

CREATE TRIGGER cds_cards_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON cds_cards
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER cds_feedback_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON cds_feedback
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
