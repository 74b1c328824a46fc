package nl.burnoutprofiler.server;

import nl.burnoutprofiler.store.AuditLog;
import nl.burnoutprofiler.store.CaseStore;

/** Who read or wrote which case, and when: the server's words for the audit log. Never intake content. */
final class Audit {

    static final String SIGN_IN = "sign-in";
    static final String SIGN_IN_REFUSED = "sign-in-refused";
    /** Once per lock-out, by the failed sign-in that spent a budget; the refused attempts after it are not logged. */
    static final String SIGN_IN_LOCKED = "sign-in-locked";
    static final String SIGN_OUT = "sign-out";
    static final String STORE_INTAKE = CaseStore.STORE_INTAKE;
    /** A coach tried to store under a case id that is another coach's or was erased. */
    static final String STORE_INTAKE_REFUSED = "store-intake-refused";
    static final String CORRECT_INTAKE = CaseStore.CORRECT_INTAKE;
    static final String READ_CASE = "read-case";
    /** Someone asked for a case that is not theirs to read, or that does not exist. */
    static final String READ_CASE_REFUSED = "read-case-refused";
    static final String LIST_CASES = "list-cases";
    static final String READ_UNIT_SIGNALS = "read-unit-signals";
    static final String CREATE_USER = "create-user";
    static final String RESET_PASSWORD = "reset-password";
    static final String DEACTIVATE_USER = "deactivate-user";
    static final String CREATE_TOKEN = "create-token";
    static final String REVOKE_TOKEN = "revoke-token";
    static final String RELOAD_RULES = "reload-rules";
    static final String RELOAD_RULES_REFUSED = "reload-rules-refused";

    private static final int MAX_ACTOR = 100;

    private final AuditLog log;

    Audit(AuditLog log) {
        this.log = log;
    }

    void record(Principal actor, String action, String caseId, String detail) {
        log.record(actor.name(), action, caseId, detail);
    }

    /** For someone not (yet) known, such as a refused sign-in: the name they gave, cut to what the log holds. */
    void record(String actor, String action, String detail) {
        log.record(actor.length() > MAX_ACTOR ? actor.substring(0, MAX_ACTOR) : actor, action, null, detail);
    }
}
