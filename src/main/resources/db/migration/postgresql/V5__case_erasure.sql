-- Erasing a case (the right to erasure, AVG/GDPR art. 17): its intakes, outcomes, CDS cards and feedback may be
-- deleted, but only by the erasure itself. The erasure marks the case in case_erasure_pending, deletes its rows and
-- removes the mark, all in one transaction; outside it, a DELETE is refused as before. UPDATE and TRUNCATE stay
-- refused always, and the audit log stays append-only: it keeps the pseudonymous case id and who erased it.

CREATE TABLE case_erasure_pending (
    case_id VARCHAR(100) NOT NULL PRIMARY KEY
);

CREATE FUNCTION allow_delete_only_while_erasing() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    the_case VARCHAR(100);
BEGIN
    IF TG_TABLE_NAME IN ('intakes', 'cds_cards') THEN
        the_case := OLD.case_id;
    ELSIF TG_TABLE_NAME = 'outcomes' THEN
        SELECT case_id INTO the_case FROM intakes WHERE intake_id = OLD.intake_id;
    ELSIF TG_TABLE_NAME = 'cds_feedback' THEN
        SELECT case_id INTO the_case FROM cds_cards WHERE uuid = OLD.card_uuid;
    END IF;
    IF the_case IS NOT NULL AND EXISTS (SELECT 1 FROM case_erasure_pending WHERE case_id = the_case) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% is append-only: DELETE refused outside the erasure of its case', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

DROP TRIGGER intakes_append_only ON intakes;
CREATE TRIGGER intakes_append_only BEFORE UPDATE OR TRUNCATE ON intakes
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER intakes_delete_only_while_erasing BEFORE DELETE ON intakes
    FOR EACH ROW EXECUTE FUNCTION allow_delete_only_while_erasing();

DROP TRIGGER outcomes_append_only ON outcomes;
CREATE TRIGGER outcomes_append_only BEFORE UPDATE OR TRUNCATE ON outcomes
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER outcomes_delete_only_while_erasing BEFORE DELETE ON outcomes
    FOR EACH ROW EXECUTE FUNCTION allow_delete_only_while_erasing();

DROP TRIGGER cds_cards_append_only ON cds_cards;
CREATE TRIGGER cds_cards_append_only BEFORE UPDATE OR TRUNCATE ON cds_cards
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER cds_cards_delete_only_while_erasing BEFORE DELETE ON cds_cards
    FOR EACH ROW EXECUTE FUNCTION allow_delete_only_while_erasing();

DROP TRIGGER cds_feedback_append_only ON cds_feedback;
CREATE TRIGGER cds_feedback_append_only BEFORE UPDATE OR TRUNCATE ON cds_feedback
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER cds_feedback_delete_only_while_erasing BEFORE DELETE ON cds_feedback
    FOR EACH ROW EXECUTE FUNCTION allow_delete_only_while_erasing();
