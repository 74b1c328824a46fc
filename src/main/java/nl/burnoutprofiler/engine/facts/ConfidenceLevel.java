package nl.burnoutprofiler.engine.facts;

import nl.burnoutprofiler.engine.Confidence;

/** A rule's judgement of how firm the classification is; the weakest judgement wins. */
public record ConfidenceLevel(Confidence level) {

    @Override
    public String toString() {
        return "confidence " + level;
    }
}
