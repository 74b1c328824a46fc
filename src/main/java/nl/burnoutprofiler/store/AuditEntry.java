package nl.burnoutprofiler.store;

import java.time.Instant;

/** One line of the audit log: who did what to which case (null when none), and when. */
public record AuditEntry(long id, Instant at, String actor, String action, String caseId, String detail) {
}
