package nl.burnoutprofiler.engine.facts;

import nl.burnoutprofiler.engine.PresentationType;

/** The presentation type that clearly leads. */
public record PrimaryType(PresentationType type) {

    @Override
    public String toString() {
        return "primary " + type;
    }
}
