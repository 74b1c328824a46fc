package nl.burnoutprofiler.engine.facts;

import nl.burnoutprofiler.engine.PresentationType;

/** A type with enough weight of its own beside the primary one: a mixed picture. */
public record SecondaryType(PresentationType type) {

    @Override
    public String toString() {
        return "secondary " + type;
    }
}
