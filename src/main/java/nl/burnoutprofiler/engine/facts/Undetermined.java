package nl.burnoutprofiler.engine.facts;

/** No type can be named, and why. */
public record Undetermined(Reason reason) {

    public enum Reason {
        /** Too little evidence for any type. */
        THIN,
        /** Two or more types are too close to call. */
        EVEN,
        /** Only a colleague's or manager's reports make the leading type's score: signals to explore first. */
        REPORTED_BY_OTHERS
    }

    @Override
    public String toString() {
        return "undetermined (" + reason + ")";
    }
}
