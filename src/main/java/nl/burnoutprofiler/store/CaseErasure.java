package nl.burnoutprofiler.store;

import java.time.Instant;

/**
 * What erasing a case removed.
 *
 * @param intakes     intake rows (every version of every meeting), each with its outcome
 * @param cdsCards    CDS Hooks cards issued for the case
 * @param cdsFeedback feedback on those cards
 */
public record CaseErasure(String caseId, int intakes, int cdsCards, int cdsFeedback, Instant erasedAt) {
}
