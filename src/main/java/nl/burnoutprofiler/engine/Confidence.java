package nl.burnoutprofiler.engine;

/** How firmly the evidence supports the named presentation. Declared from weakest to strongest. */
public enum Confidence {
    LOW, MEDIUM, HIGH
}
