package nl.burnoutprofiler.engine.facts;

import nl.burnoutprofiler.engine.PresentationType;

/**
 * A type still in the running: primary, secondary, or a candidate when none could be named. Recommendations
 * and questions are chosen per contender, so a mixed or undetermined picture still gets fitting advice.
 *
 * @param leading true for the primary type, whose first step comes before the others'
 */
public record Contender(PresentationType type, boolean leading) {

    @Override
    public String toString() {
        return (leading ? "leading " : "contender ") + type;
    }
}
