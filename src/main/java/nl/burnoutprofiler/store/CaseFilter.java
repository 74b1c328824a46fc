package nl.burnoutprofiler.store;

import java.util.Set;

/**
 * Which cases to list. Every field is optional: null means no filter. {@code visibleToCoaches} null means every case;
 * otherwise only cases of those coaches (none for an empty set). The outcome fields apply to the latest intake of a
 * case (see {@link CaseSummary#latest()}).
 */
public record CaseFilter(Set<String> visibleToCoaches, String coach, String primaryType, String stage, String safetyStatus) {

    public CaseFilter {
        visibleToCoaches = visibleToCoaches == null ? null : Set.copyOf(visibleToCoaches);
    }

    /** Every case. */
    public static CaseFilter all() {
        return new CaseFilter(null, null, null, null, null);
    }

    /** Only cases of these coaches (what a coach or a case manager may see). */
    public static CaseFilter visibleTo(Set<String> coaches) {
        return new CaseFilter(coaches, null, null, null, null);
    }
}
