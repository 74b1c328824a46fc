package nl.burnoutprofiler.engine.catalogue;

/** A group of observation codes as the intake form shows them (context, body and energy, ...). */
public record CodeGroup(String id, String nl, String en) {
}
