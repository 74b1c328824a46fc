package nl.burnoutprofiler.engine;

import java.util.List;

/**
 * The four ways burnout shows itself (seed 001): each asks for a different first step.
 * {@code UNDETERMINED} is not a type but the honest answer when evidence is thin or too even.
 */
public enum PresentationType {
    CONTEXTUAL, RELATIONAL, PHYSIOLOGICAL, IDENTITY, UNDETERMINED;

    /** The four real types, in their fixed reporting order. Rules iterate over this list. */
    public static final List<PresentationType> TYPES = List.of(CONTEXTUAL, RELATIONAL, PHYSIOLOGICAL, IDENTITY);
}
