package nl.burnoutprofiler.engine;

/** How urgently a professional other than the coach must look first. Declared from least to most urgent. */
public enum SafetyStatus {
    /** No red flag recorded. */
    CLEAR,
    /** A physician (GP or occupational physician) must look before coaching advice is followed. */
    REFER,
    /** Same day: crisis line or physician. */
    URGENT;

    public SafetyStatus mostUrgent(SafetyStatus other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}
