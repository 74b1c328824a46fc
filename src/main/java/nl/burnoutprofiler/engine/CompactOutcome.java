package nl.burnoutprofiler.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An outcome for machines: every decision of the full {@link Outcome} by its identifiers, without the bilingual
 * texts, the evidence lists and the trace's facts. The texts are one catalogue call away
 * ({@code GET /api/v1/catalogue}, {@link ProfilerEngine#catalogue()}); people read the full outcome.
 *
 * @param caseId          the intake's case id
 * @param ruleSetVersion  the rule set that decided
 * @param safety          the overall status and each red flag with its referral and rules
 * @param presentation    primary type, secondary types (or candidates), scores and confidence
 * @param stage           the stage of change and the score per stage
 * @param plan            the plan's first step, what to avoid now and what to ask next, by id
 * @param recommendations the recommendations in order
 * @param avoid           what to avoid, most pressing first
 * @param questions       the next questions' ids, in order
 * @param rules           the ids of the rules that fired, in firing order
 */
public record CompactOutcome(String caseId, String ruleSetVersion, Safety safety, Presentation presentation,
                             StageOfChange stage, Plan plan, List<Recommendation> recommendations, List<String> avoid,
                             List<String> questions, List<String> rules) {

    /** The status and its flags. */
    public record Safety(SafetyStatus status, List<Outcome.Flag> flags) {
    }

    /** The presentation without its evidence lists. */
    public record Presentation(PresentationType primary, List<PresentationType> secondary,
                               Map<PresentationType, Double> scores, Confidence confidence) {
    }

    /** The stage without its evidence and conflicts. */
    public record StageOfChange(Stage stage, Map<Stage, Double> scores) {
    }

    /**
     * The plan on top by id: the first step and the rule that put it first, what to avoid now, what to ask next.
     */
    public record Plan(String firstStep, String firstStepRule, List<String> avoidNow, List<String> askNext) {
    }

    /** One recommendation: its id, the type it serves, whether it waits for a referral, and the rules behind it. */
    public record Recommendation(String id, PresentationType forType, boolean waitsForReferral, List<String> rules) {
    }

    /** The compact form of a full outcome, with the ids of the rules that fired. */
    public static CompactOutcome of(Outcome outcome, List<String> firedRules) {
        Outcome.Summary summary = outcome.summary();
        Outcome.Step first = summary.firstStep();
        Plan plan = new Plan(first == null ? null : first.id(), first == null ? null : first.rule(),
                ids(summary.avoidNow()), ids(summary.askNext()));
        List<Recommendation> recommendations = new ArrayList<>(outcome.recommendations().size());
        for (Outcome.Recommendation r : outcome.recommendations()) {
            recommendations.add(new Recommendation(r.id(), r.forType(), r.waitsForReferral(), r.rules()));
        }
        List<String> avoid = new ArrayList<>(outcome.avoid().size());
        outcome.avoid().forEach(a -> avoid.add(a.id()));
        List<String> questions = new ArrayList<>(outcome.questions().size());
        outcome.questions().forEach(q -> questions.add(q.id()));
        Outcome.Presentation p = outcome.presentation();
        return new CompactOutcome(outcome.caseId(), outcome.ruleSetVersion(),
                new Safety(outcome.safety().status(), outcome.safety().flags()),
                new Presentation(p.primary(), p.secondary(), p.scores(), p.confidence()),
                new StageOfChange(outcome.stage().stage(), outcome.stage().scores()), plan, List.copyOf(recommendations),
                List.copyOf(avoid), List.copyOf(questions), List.copyOf(firedRules));
    }

    private static List<String> ids(List<Outcome.Item> items) {
        List<String> ids = new ArrayList<>(items.size());
        items.forEach(item -> ids.add(item.id()));
        return List.copyOf(ids);
    }
}
