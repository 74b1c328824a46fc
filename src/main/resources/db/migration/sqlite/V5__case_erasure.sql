-- Erasing a case (the right to erasure, AVG/GDPR art. 17): its intakes, outcomes, CDS cards and feedback may be
-- deleted, but only by the erasure itself. The erasure marks the case in case_erasure_pending, deletes its rows and
-- removes the mark, all in one transaction; outside it, a DELETE is refused as before. UPDATE stays refused always,
-- and the audit log stays append-only: it keeps the pseudonymous case id and who erased it.

CREATE TABLE case_erasure_pending (
    case_id TEXT NOT NULL PRIMARY KEY CHECK (length(case_id) <= 100)
) STRICT;

DROP TRIGGER intakes_no_delete;
CREATE TRIGGER intakes_delete_only_while_erasing BEFORE DELETE ON intakes
WHEN NOT EXISTS (SELECT 1 FROM case_erasure_pending p WHERE p.case_id = OLD.case_id)
BEGIN
    SELECT RAISE(ABORT, 'intakes is append-only: DELETE refused outside the erasure of its case');
END;

DROP TRIGGER outcomes_no_delete;
CREATE TRIGGER outcomes_delete_only_while_erasing BEFORE DELETE ON outcomes
WHEN NOT EXISTS (SELECT 1 FROM intakes i JOIN case_erasure_pending p ON p.case_id = i.case_id
                 WHERE i.intake_id = OLD.intake_id)
BEGIN
    SELECT RAISE(ABORT, 'outcomes is append-only: DELETE refused outside the erasure of its case');
END;

DROP TRIGGER cds_cards_no_delete;
CREATE TRIGGER cds_cards_delete_only_while_erasing BEFORE DELETE ON cds_cards
WHEN NOT EXISTS (SELECT 1 FROM case_erasure_pending p WHERE p.case_id = OLD.case_id)
BEGIN
    SELECT RAISE(ABORT, 'cds_cards is append-only: DELETE refused outside the erasure of its case');
END;

DROP TRIGGER cds_feedback_no_delete;
CREATE TRIGGER cds_feedback_delete_only_while_erasing BEFORE DELETE ON cds_feedback
WHEN NOT EXISTS (SELECT 1 FROM cds_cards c JOIN case_erasure_pending p ON p.case_id = c.case_id
                 WHERE c.uuid = OLD.card_uuid)
BEGIN
    SELECT RAISE(ABORT, 'cds_feedback is append-only: DELETE refused outside the erasure of its case');
END;
