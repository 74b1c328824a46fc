package nl.burnoutprofiler.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;

import nl.burnoutprofiler.engine.Outcome;
import nl.burnoutprofiler.engine.PresentationType;
import nl.burnoutprofiler.engine.SafetyStatus;
import nl.burnoutprofiler.engine.catalogue.Catalogue;
import nl.burnoutprofiler.engine.catalogue.ObservationCode;
import nl.burnoutprofiler.engine.catalogue.Text;

/**
 * Turns an outcome into CDS Hooks 2.0 cards: the referral first when safety is not CLEAR (critical for URGENT,
 * warning for REFER), then the first coaching steps (info). A summary is one Dutch sentence under 140 characters;
 * the detail is Markdown with the rationale in Dutch and English, the techniques, example questions and what to
 * avoid. Card uuids are derived from the service, the rule set, the intake and the recommendation, so the same
 * intake gives the same cards and feedback finds them again. Nothing is null or empty.
 */
final class CdsCards {

    /** "One-sentence, <140-character summary" (CDS Hooks 2.0, Card). */
    static final int MAX_SUMMARY = 139;
    /** Coaching steps after the referral cards: the type-specific first step, the stage method, one more. */
    static final int MAX_COACHING_CARDS = 3;

    static final String TOPIC_SYSTEM = "urn:burnout-profiler:recommendation";
    static final String OVERRIDE_REASON_SYSTEM = "urn:burnout-profiler:cds-override-reason";
    static final String AT_MOST_ONE = "at-most-one";

    /** The reasons a coach may give for setting a card aside; the client offers them, feedback returns them. */
    static final List<Coding> OVERRIDE_REASONS = List.of(
            new Coding(OVERRIDE_REASON_SYSTEM, "coach-judgement", "Coach beoordeelt het anders / Coach judges differently"),
            new Coding(OVERRIDE_REASON_SYSTEM, "not-now", "Past nu niet / Does not fit now"),
            new Coding(OVERRIDE_REASON_SYSTEM, "already-in-place", "Loopt al / Already in place"),
            new Coding(OVERRIDE_REASON_SYSTEM, "client-declines", "Cliënt wil dit niet / Client declines"));

    /** The referral recommendations of contract section 4. */
    private static final Set<String> REFERRALS = Set.of("URGENT_REFERRAL", "REFER_GP", "REFER_OCCUPATIONAL_PHYSICIAN");

    private static final Map<PresentationType, String> TYPE_NL = new EnumMap<>(Map.of(
            PresentationType.CONTEXTUAL, "contextueel", PresentationType.RELATIONAL, "relationeel",
            PresentationType.PHYSIOLOGICAL, "fysiologisch", PresentationType.IDENTITY, "identiteit",
            PresentationType.UNDETERMINED, "onbepaald"));

    /** The name of the response extension that says why a request got no cards. */
    static final String NOT_ASSESSED_EXTENSION = "nl.burnoutprofiler.not-assessed";

    /**
     * The response of a service call; {@code cards} may be empty (no guidance), nothing else is. An empty list comes
     * with the {@link #NOT_ASSESSED_EXTENSION} extension when the request held an intake that was not assessed.
     */
    record Response(List<Card> cards, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> extension) {

        Response(List<Card> cards) {
            this(cards, Map.of());
        }

        static Response notAssessed(CdsIntakeReader.NotAssessed why) {
            return new Response(List.of(), Map.of(NOT_ASSESSED_EXTENSION, why));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Card(String uuid, String summary, String detail, String indicator, Source source,
                List<Suggestion> suggestions, String selectionBehavior, List<Coding> overrideReasons,
                List<Link> links) {

        /** The recommendation the card carries (its topic code). */
        String recommendationId() {
            return source.topic().code();
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Source(String label, String url, Coding topic) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Coding(String system, String code, String display) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Suggestion(String label, String uuid, Boolean isRecommended) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Link(String label, String url, String type) {
    }

    /**
     * What the cards are made from.
     *
     * @param serviceId  the CDS service that answers
     * @param intakeKey  the intake in a canonical text form, from which the card uuids are derived
     * @param publicUrl  the server's public URL, for the links
     * @param caseStored whether the case exists in the store: the link opens it, else starts it
     */
    record Context(String serviceId, String intakeKey, String publicUrl, boolean caseStored) {
    }

    private CdsCards() {
    }

    static List<Card> cards(Outcome outcome, Catalogue catalogue, Context context) {
        List<Card> cards = new ArrayList<>();
        int coaching = 0;
        for (Outcome.Recommendation recommendation : outcome.recommendations()) {
            boolean referral = REFERRALS.contains(recommendation.id()) || referralOfAFlag(outcome, recommendation);
            if (referral) {
                cards.add(card(outcome, recommendation, true,
                        indicatorOfReferral(outcome, recommendation, cards.isEmpty()),
                        referralSummary(outcome, recommendation, catalogue), catalogue, context));
            } else if (coaching < MAX_COACHING_CARDS) {
                coaching++;
                cards.add(card(outcome, recommendation, false, "info", coachingSummary(recommendation), catalogue,
                        context));
            }
        }
        return cards;
    }

    /** The uuid of the card for one recommendation of one intake: a name-based UUID, the same every time. */
    static String cardUuid(String serviceId, String ruleSetVersion, String intakeKey, String recommendationId) {
        String name = String.join("\n", "burnout-profiler card", serviceId, ruleSetVersion, intakeKey,
                recommendationId);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The uuid of a card's one suggestion ("take this step"), derived from the card's. */
    static String suggestionUuid(String cardUuid) {
        return UUID.nameUUIDFromBytes(("burnout-profiler suggestion\n" + cardUuid).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static Card card(Outcome outcome, Outcome.Recommendation recommendation, boolean referral,
                             String indicator, String summary, Catalogue catalogue, Context context) {
        String uuid = cardUuid(context.serviceId(), outcome.ruleSetVersion(), context.intakeKey(),
                recommendation.id());
        Source source = new Source("burnout-profiler " + outcome.ruleSetVersion(), context.publicUrl() + "/",
                new Coding(TOPIC_SYSTEM, recommendation.id(), recommendation.title()));
        Suggestion take = new Suggestion(referral ? "Verwijzing in gang zetten / Start the referral"
                : "Deze stap volgen / Follow this step", suggestionUuid(uuid), Boolean.TRUE);
        return new Card(uuid, summary, detail(outcome, recommendation, referral, catalogue), indicator, source,
                List.of(take), AT_MOST_ONE, OVERRIDE_REASONS, List.of(caseLink(outcome.caseId(), context)));
    }

    private static Link caseLink(String caseId, Context context) {
        String id = URLEncoder.encode(caseId, StandardCharsets.UTF_8);
        return context.caseStored()
                ? new Link("Casus " + caseId + " openen in burnout-profiler / Open the case",
                        context.publicUrl() + "/case.html?id=" + id, "absolute")
                : new Link("Casus " + caseId + " vastleggen in burnout-profiler / Record the case",
                        context.publicUrl() + "/intake.html?case=" + id, "absolute");
    }

    // ---- indicator and summary

    private static boolean referralOfAFlag(Outcome outcome, Outcome.Recommendation recommendation) {
        return outcome.safety().flags().stream().anyMatch(flag -> recommendation.id().equals(flag.referral()));
    }

    /** The first card carries the safety status; a further referral the most urgent of the flags asking for it. */
    private static String indicatorOfReferral(Outcome outcome, Outcome.Recommendation recommendation, boolean first) {
        SafetyStatus status = first ? outcome.safety().status()
                : outcome.safety().flags().stream().filter(flag -> recommendation.id().equals(flag.referral()))
                        .map(Outcome.Flag::status).reduce(SafetyStatus.REFER, SafetyStatus::mostUrgent);
        return switch (status) {
            case URGENT -> "critical";
            case REFER -> "warning";
            case CLEAR -> "info";
        };
    }

    private static String referralSummary(Outcome outcome, Outcome.Recommendation recommendation,
                                          Catalogue catalogue) {
        List<String> signs = outcome.safety().flags().stream()
                .filter(flag -> recommendation.id().equals(flag.referral()))
                .map(flag -> catalogue.code(flag.code()).map(ObservationCode::nl).orElse(flag.code()))
                .distinct().toList();
        return shortened(signs.isEmpty() ? recommendation.title()
                : recommendation.title() + ": " + lowerFirst(String.join(", ", signs)));
    }

    private static String coachingSummary(Outcome.Recommendation recommendation) {
        StringBuilder summary = new StringBuilder();
        if (recommendation.waitsForReferral()) {
            summary.append("Na de verwijzing: ").append(lowerFirst(recommendation.title()));
        } else {
            summary.append(recommendation.title());
        }
        if (recommendation.forType() != null) {
            summary.append(" (beeld ").append(TYPE_NL.get(recommendation.forType())).append(')');
        }
        return shortened(summary.toString());
    }

    /** At most {@link #MAX_SUMMARY} characters, cut at a word with an ellipsis when longer. */
    static String shortened(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        if (oneLine.length() <= MAX_SUMMARY) {
            return oneLine;
        }
        String cut = oneLine.substring(0, MAX_SUMMARY - 1);
        int space = cut.lastIndexOf(' ');
        return (space > MAX_SUMMARY / 2 ? cut.substring(0, space) : cut).strip() + "…";
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    // ---- detail (GitHub-flavoured Markdown)

    /**
     * Rationale, techniques and example questions; on the plan's first step also why it comes first; for a coaching
     * step also what to avoid now.
     */
    private static String detail(Outcome outcome, Outcome.Recommendation recommendation, boolean referral,
                                 Catalogue catalogue) {
        StringBuilder md = new StringBuilder();
        md.append("**").append(escape(recommendation.title())).append("** / *")
                .append(escape(recommendation.titleEn())).append("*\n\n");
        if (recommendation.waitsForReferral()) {
            md.append("> Wacht op de verwijzing: begin met de eerste kaart. / *Waits for the referral: start with "
                    + "the first card.*\n\n");
        }
        List<Outcome.Flag> flags = outcome.safety().flags().stream()
                .filter(flag -> recommendation.id().equals(flag.referral())).toList();
        if (!flags.isEmpty()) {
            md.append("**Signalen / Signs**\n\n");
            for (Outcome.Flag flag : flags) {
                ObservationCode code = catalogue.code(flag.code()).orElse(null);
                md.append("- ").append(code == null ? escape(flag.code())
                        : escape(code.nl()) + " / *" + escape(code.en()) + "*").append('\n');
            }
            md.append('\n');
        }
        Outcome.Summary summary = outcome.summary();
        Outcome.Step plan = summary.firstStep();
        if (plan != null && plan.id().equals(recommendation.id())) {
            // The plan on top of the outcome travels with its first step: why first, and what goes with it.
            if (plan.reason() != null) {
                md.append("**Waarom eerst** — ").append(escape(plan.reason())).append("\n\n");
                md.append("*Why first* — ").append(escape(plan.reasonEn())).append("\n\n");
            }
            if (summary.sayToClient() != null) {
                md.append("**Zeg tegen de cliënt / Say to the client** — ").append(escape(summary.sayToClient().nl()))
                        .append(" / *").append(escape(summary.sayToClient().en())).append("*\n\n");
            }
            planList(md, "Vraag bij het volgende gesprek / Ask at the next meeting", summary.askNext());
        }
        md.append("**Waarom** — ").append(escape(recommendation.rationale())).append("\n\n");
        md.append("*Why* — ").append(escape(recommendation.rationaleEn())).append("\n\n");
        bilingualList(md, "Werkwijze / Techniques", recommendation.techniques());
        bilingualList(md, "Voorbeeldvragen / Example questions", recommendation.exampleQuestions());
        if (!referral && !outcome.avoid().isEmpty()) {
            md.append("**Vermijd nu / Avoid now**\n\n");
            for (Outcome.Avoidance avoid : outcome.avoid()) {
                md.append("- **").append(escape(avoid.title())).append("** — ").append(escape(avoid.reason()))
                        .append(" / *").append(escape(avoid.titleEn())).append(": ").append(escape(avoid.reasonEn()))
                        .append("*\n");
            }
            md.append('\n');
        }
        md.append("Beeld / Presentation: ").append(outcome.presentation().primary().name())
                .append(" · Fase / Stage: ").append(outcome.stage().stage().name())
                .append(" · Veiligheid / Safety: ").append(outcome.safety().status().name()).append("\n\n");
        md.append("Bronnen / Sources: ").append(escape(String.join("; ", recommendation.sources())))
                .append(" · Regels / Rules: ").append(escape(String.join(", ", recommendation.rules())));
        return md.toString();
    }

    private static void planList(StringBuilder md, String heading, List<Outcome.Item> items) {
        if (items.isEmpty()) {
            return;
        }
        md.append("**").append(heading).append("**\n\n");
        for (Outcome.Item item : items) {
            md.append("- ").append(escape(item.text())).append(" / *").append(escape(item.textEn())).append("*\n");
        }
        md.append('\n');
    }

    private static void bilingualList(StringBuilder md, String heading, List<Text> texts) {
        if (texts.isEmpty()) {
            return;
        }
        md.append("**").append(heading).append("**\n\n");
        for (Text text : texts) {
            md.append("- ").append(escape(text.nl())).append(" / *").append(escape(text.en())).append("*\n");
        }
        md.append('\n');
    }

    /** Catalogue text as literal Markdown: no emphasis, links or HTML of its own. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll("\\s+", " ").strip().chars().mapToObj(c -> "\\`*_[]<>#|".indexOf(c) >= 0
                ? "\\" + (char) c : String.valueOf((char) c)).collect(Collectors.joining());
    }
}
