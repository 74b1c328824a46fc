-- cds_cards and cds_feedback are append-only like intakes (see V2): UPDATE and DELETE are refused.

CREATE TRIGGER cds_cards_no_update BEFORE UPDATE ON cds_cards
BEGIN
    SELECT RAISE(ABORT, 'cds_cards is append-only: UPDATE refused');
END;
CREATE TRIGGER cds_cards_no_delete BEFORE DELETE ON cds_cards
BEGIN
    SELECT RAISE(ABORT, 'cds_cards is append-only: DELETE refused');
END;

CREATE TRIGGER cds_feedback_no_update BEFORE UPDATE ON cds_feedback
BEGIN
    SELECT RAISE(ABORT, 'cds_feedback is append-only: UPDATE refused');
END;
CREATE TRIGGER cds_feedback_no_delete BEFORE DELETE ON cds_feedback
BEGIN
    SELECT RAISE(ABORT, 'cds_feedback is append-only: DELETE refused');
END;
