package nl.burnoutprofiler.engine.catalogue;

/** A text a coach reads: Dutch first, English beside it. */
public record Text(String nl, String en) {
}
