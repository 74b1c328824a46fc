package nl.burnoutprofiler.engine.catalogue;

import java.util.List;

/** A question the coach can ask next, and what its answer tells. */
public record QuestionText(String id, String nl, String en, String purposeNl, String purposeEn,
                           List<String> sources) {
}
