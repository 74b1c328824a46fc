package nl.burnoutprofiler.engine.catalogue;

import java.util.List;

/** What the coach reads about something to avoid, and why. */
public record AvoidText(String id, String nl, String en, String reasonNl, String reasonEn, List<String> sources) {
}
