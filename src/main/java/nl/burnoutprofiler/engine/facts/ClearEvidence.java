package nl.burnoutprofiler.engine.facts;

import java.util.List;

import nl.burnoutprofiler.engine.PresentationType;

/**
 * The evidence of one type's core mechanism is clear in itself, whatever the scores of the other types. Seed 001
 * makes a type's first step a precondition for what follows ("veiligheid vóór verwerking", "regulatie vóór
 * inzicht"), so such a gate holds even when that type does not lead.
 *
 * @param type  the presentation type whose gate applies
 * @param codes the observation codes that make the evidence clear
 */
public record ClearEvidence(PresentationType type, List<String> codes) {

    public ClearEvidence {
        codes = Codes.sortedOnce(codes);
    }

    @Override
    public String toString() {
        return "clear evidence of " + type + " (" + String.join(", ", codes) + ")";
    }
}
