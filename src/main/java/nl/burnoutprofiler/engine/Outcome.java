package nl.burnoutprofiler.engine;

import java.util.List;
import java.util.Map;

import nl.burnoutprofiler.engine.catalogue.Text;

/**
 * The result of one assessment (contract section 2). Immutable; its lists are in a deterministic order, so the
 * same intake and rule set always give the same outcome.
 *
 * @param caseId          the intake's case id
 * @param ruleSetVersion  version of the rule set that produced it: semantic version plus content hash
 * @param safety          red flags; when not {@link SafetyStatus#CLEAR} the first recommendation is the referral
 * @param presentation    the presentation type with scores and evidence
 * @param stage           the stage of change with evidence and conflicts
 * @param recommendations what to do, most urgent first
 * @param avoid           what not to do now, and why
 * @param nextQuestions   the next questions worth asking, in Dutch
 * @param questions       the same questions with English text, purpose and the rules that chose them
 * @param trace           every rule that fired, in firing order, with the facts it matched
 */
public record Outcome(String caseId, String ruleSetVersion, Summary summary, Safety safety, Presentation presentation,
                      StageAssessment stage, List<Recommendation> recommendations, List<Avoidance> avoid,
                      List<String> nextQuestions, List<Question> questions, List<TraceEntry> trace) {

    /**
     * The plan on top of the outcome, for a coach who reads one thing: the one first step and why it comes first,
     * at most two things to avoid now, at most three questions for the next meeting, and a sentence the coach can
     * say to the client. The full lists follow in the outcome.
     *
     * @param firstStep   the first recommendation, null only when there is none
     * @param avoidNow    the most pressing things to avoid, at most {@value #MAX_AVOID}
     * @param askNext     the first next questions, at most {@value #MAX_ASK}
     * @param sayToClient the first step's first example question, null when it has none
     */
    public record Summary(Step firstStep, List<Item> avoidNow, List<Item> askNext, Text sayToClient) {
        public static final int MAX_AVOID = 2;
        public static final int MAX_ASK = 3;
    }

    /**
     * The first step of the plan.
     *
     * @param reason   why it comes first, in one sentence: the title of the rule that put it there (the rule that
     *                 ordered it before the primary type's own step, when one did)
     * @param reasonEn the same in English
     * @param rule     that rule's id, for the "why" panel
     */
    public record Step(String id, String title, String titleEn, String reason, String reasonEn, String rule) {
    }

    /** One line of the plan: an id and its text in Dutch and English. */
    public record Item(String id, String text, String textEn) {
    }

    /** Red flags and the overall status. */
    public record Safety(SafetyStatus status, List<Flag> flags) {
    }

    /** One red flag: the code that raised it, how urgent, and which referral it asks for. */
    public record Flag(String code, SafetyStatus status, String referral, List<String> rules) {
    }

    /**
     * The presentation: primary type, secondary types (or the candidates when undetermined), scores per type,
     * confidence, the codes that weighed for and against each type, and which of those codes a colleague or
     * manager reported (signals to explore with the client; they never alone name a presentation).
     */
    public record Presentation(PresentationType primary, List<PresentationType> secondary,
                               Map<PresentationType, Double> scores, Confidence confidence,
                               Map<PresentationType, List<String>> evidence,
                               Map<PresentationType, List<String>> counterEvidence,
                               Map<String, Observer> reportedBy) {
    }

    /** The stage of change, the markers it rests on, the score per stage, and conflicting markers. */
    public record StageAssessment(Stage stage, List<String> evidence, Map<Stage, Double> scores,
                                  List<Conflict> conflicts) {
    }

    /** Markers that do not fit one stage. */
    public record Conflict(String description, String descriptionEn, List<String> codes, List<String> rules) {
    }

    /**
     * One recommendation.
     *
     * @param priority         rank in the list, 1 first
     * @param forType          the type it serves, null when it serves the stage or a basic need
     * @param waitsForReferral true when a red flag means the referral must come first
     */
    public record Recommendation(String id, int priority, PresentationType forType, String title, String titleEn,
                                 String rationale, String rationaleEn, List<Text> techniques,
                                 List<Text> exampleQuestions, List<String> sources, List<String> rules,
                                 boolean waitsForReferral) {
    }

    /** Something to avoid now, with the reason. */
    public record Avoidance(String id, String title, String titleEn, String reason, String reasonEn,
                            List<String> sources, List<String> rules) {
    }

    /** A next question with its purpose, and the observation codes in which its answer is recorded. */
    public record Question(String id, String question, String questionEn, String purpose, String purposeEn,
                           List<String> sources, List<String> rules, List<String> observations) {
    }

    /** A fired rule (its id, and its title in Dutch and English) and the facts it matched. */
    public record TraceEntry(String rule, String title, String titleEn, List<String> facts) {
    }
}
