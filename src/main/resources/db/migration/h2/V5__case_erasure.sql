-- Erasing a case (the right to erasure, AVG/GDPR art. 17): its intakes, outcomes, CDS cards and feedback may be
-- deleted, but only by the erasure itself, which marks the case in case_erasure_pending for the length of its
-- transaction (see the PostgreSQL migration). UPDATE stays refused always; TRUNCATE stays refused by the guard
-- tables of V2 and V4; the audit log stays append-only.

CREATE TABLE case_erasure_pending (
    case_id VARCHAR(100) NOT NULL PRIMARY KEY
);

DROP TRIGGER intakes_append_only;
CREATE TRIGGER intakes_append_only BEFORE UPDATE ON intakes
    CALL 'nl.burnoutprofiler.store.AppendOnlyTrigger';
CREATE TRIGGER intakes_delete_only_while_erasing BEFORE DELETE ON intakes FOR EACH ROW
    CALL 'nl.burnoutprofiler.store.ErasureOnlyDeleteTrigger';

DROP TRIGGER outcomes_append_only;
CREATE TRIGGER outcomes_append_only BEFORE UPDATE ON outcomes
    CALL 'nl.burnoutprofiler.store.AppendOnlyTrigger';
CREATE TRIGGER outcomes_delete_only_while_erasing BEFORE DELETE ON outcomes FOR EACH ROW
    CALL 'nl.burnoutprofiler.store.ErasureOnlyDeleteTrigger';

DROP TRIGGER cds_cards_append_only;
CREATE TRIGGER cds_cards_append_only BEFORE UPDATE ON cds_cards
    CALL 'nl.burnoutprofiler.store.AppendOnlyTrigger';
CREATE TRIGGER cds_cards_delete_only_while_erasing BEFORE DELETE ON cds_cards FOR EACH ROW
    CALL 'nl.burnoutprofiler.store.ErasureOnlyDeleteTrigger';

DROP TRIGGER cds_feedback_append_only;
CREATE TRIGGER cds_feedback_append_only BEFORE UPDATE ON cds_feedback
    CALL 'nl.burnoutprofiler.store.AppendOnlyTrigger';
CREATE TRIGGER cds_feedback_delete_only_while_erasing BEFORE DELETE ON cds_feedback FOR EACH ROW
    CALL 'nl.burnoutprofiler.store.ErasureOnlyDeleteTrigger';
