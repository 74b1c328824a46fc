package nl.burnoutprofiler.engine.catalogue;

import java.util.List;

/** What the coach reads about one recommendation: title, rationale, techniques and example questions. */
public record RecommendationText(String id, String nl, String en, String rationaleNl, String rationaleEn,
                                 List<Text> techniques, List<Text> exampleQuestions, List<String> sources) {
}
