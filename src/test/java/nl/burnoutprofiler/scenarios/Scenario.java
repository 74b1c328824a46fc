package nl.burnoutprofiler.scenarios;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A scenario a domain expert can read: an intake and what the outcome must show. Every expectation is
 * optional; an absent one is not checked. {@code evidenceInclude} and {@code evidenceExclude} map a type to codes
 * that must (not) weigh towards it; {@code reportedBy} maps evidence codes to the colleague or manager who
 * reported them, and an empty map says everything was seen at first hand; {@code planReasonRule} is the rule whose
 * title the plan on top gives as the reason for the first step.
 */
record Scenario(String title, String description, JsonNode intake, Expect expect) {

    record Expect(String primary, List<String> secondary, String confidence, String stage, String safety,
                  List<String> flags, String firstRecommendation, List<String> mustRecommend,
                  List<String> mustNotRecommend, List<String> mustAvoid, List<String> mustNotAvoid,
                  List<List<String>> order, Boolean conflicts, List<String> conflictCodes,
                  List<String> nextQuestionsInclude,
                  List<String> nextQuestionsExclude, Map<String, List<String>> evidenceInclude,
                  Map<String, List<String>> evidenceExclude, Map<String, String> reportedBy,
                  String planReasonRule) {
    }
}
