package nl.burnoutprofiler.engine.facts;

/** No type can be named, and why. */
public record Undetermined(Reason reason) {

    public enum Reason {
        /** Too little evidence for any type. */
        THIN,
        /** Two or more types are too close to call. */
        EVEN
    }

    @Override
    public String toString() {
        return "undetermined (" + reason + ")";
    }
}
