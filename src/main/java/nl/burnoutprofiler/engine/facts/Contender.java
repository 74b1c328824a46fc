package nl.burnoutprofiler.engine.facts;

import nl.burnoutprofiler.engine.PresentationType;

/**
 * A type still in the running. Questions are chosen for every contender; a type's first step is recommended
 * only when the evidence supports it, not for a type that is merely still open.
 */
public record Contender(PresentationType type, Role role) {

    public enum Role {
        /** The primary type: its first step comes before the others'. */
        LEADING,
        /** A secondary type of a mixed picture. */
        SECONDARY,
        /** One of the types too close to call. */
        CLOSE,
        /** Evidence too thin: the type is open, to be separated by the next questions. */
        OPEN
    }

    public boolean leading() {
        return role == Role.LEADING;
    }

    @Override
    public String toString() {
        return role.name().toLowerCase(java.util.Locale.ROOT) + " " + type;
    }
}
