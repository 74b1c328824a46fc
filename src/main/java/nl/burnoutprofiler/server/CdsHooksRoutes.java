package nl.burnoutprofiler.server;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;

import nl.burnoutprofiler.engine.FieldProblem;
import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.Observation;
import nl.burnoutprofiler.engine.Outcome;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.fhir.IntakeQuestionnaire;
import nl.burnoutprofiler.json.IntakeJson;
import nl.burnoutprofiler.store.CdsFeedbackStore;
import nl.burnoutprofiler.store.Database;

/**
 * The CDS Hooks 2.0 service (contract section 5): discovery, the service that answers a hook with cards, and the
 * feedback endpoint whose reports a case manager reads with the case.
 *
 * <p>The service listens to {@code patient-view}: every CDS client supports it, and opening a client's record is
 * when a coach wants the advice. The intake comes from the prefetch it asks for (the latest completed
 * QuestionnaireResponse to the intake questionnaire), or, for clients that have the intake at hand, from
 * {@code context.intake} or {@code context.questionnaireResponse} (the context of the draft
 * {@code questionnaire-inprogress} hook); the service reads these whichever hook the request names.
 *
 * <p>Discovery is public, as the spec intends. The service and its feedback are for integrators: an API token, or
 * the signed JWT of a configured CDS client ({@link CdsJwtVerifier}).
 */
final class CdsHooksRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(CdsHooksRoutes.class);

    static final String SERVICE_ID = "burnout-profiler-intake";
    static final String HOOK = "patient-view";
    static final String DISCOVERY = "/cds-services";
    static final String SERVICE = DISCOVERY + "/" + SERVICE_ID;
    static final String FEEDBACK = SERVICE + "/feedback";
    static final String PREFETCH_KEY = "intake";

    static final String AUDIT_CARDS = "cds-cards";
    static final String AUDIT_FEEDBACK = "cds-feedback";

    /** The discovery document. */
    record Discovery(List<Service> services) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Service(String hook, String id, String title, String description, Map<String, String> prefetch,
                   String usageRequirements) {
    }

    static final Service THE_SERVICE = new Service(HOOK, SERVICE_ID,
            "Burnout-profiler: coachingadvies bij de intake / coaching advice on the intake",
            "Beoordeelt de burnout-intake van een cliënt: veiligheid (verwijzing eerst), het beeld (contextueel, "
                    + "relationeel, fysiologisch, identiteit), de veranderfase, en de eerste coachingstappen met wat "
                    + "nu te vermijden. / Assesses a client's burnout intake: safety (referral first), the "
                    + "presentation, the stage of change, and the first coaching steps with what to avoid now.",
            Map.of(PREFETCH_KEY, "QuestionnaireResponse?subject=Patient/{{context.patientId}}&questionnaire="
                    + IntakeQuestionnaire.QUESTIONNAIRE_URL + "&status=completed&_sort=-authored&_count=1"),
            "Needs a completed intake: the prefetched QuestionnaireResponse to " + IntakeQuestionnaire.QUESTIONNAIRE_URL
                    + ", or context.intake (burnout-profiler intake JSON) or context.questionnaireResponse. Supports "
                    + "a coach; it never diagnoses. Red-flag cards ask for a physician first.");

    private final LiveEngine engine;
    private final Monitoring monitoring;
    private final Database database;
    private final Audit audit;
    private final Clock clock;
    private final Supplier<String> publicUrl;
    /** Made by the first call, so that a server without CDS clients never writes the key. */
    private volatile CasePseudonyms pseudonyms;

    CdsHooksRoutes(LiveEngine engine, Database database, Audit audit, Clock clock, Supplier<String> publicUrl,
                   Monitoring monitoring) {
        this.monitoring = monitoring;
        this.engine = engine;
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    void register(RouteTable routes) {
        routes.get(DISCOVERY, this::discovery);
        routes.post(SERVICE, this::call, Access.INTEGRATOR);
        routes.post(FEEDBACK, this::feedback, Access.INTEGRATOR);
    }

    private void discovery(Context ctx) {
        ctx.json(new Discovery(List.of(THE_SERVICE)));
    }

    // ---- the service

    private void call(Context ctx) {
        Principal client = ProfilerServer.principal(ctx);
        JsonNode request = RequestBodies.object(ctx);
        RequestBodies.requiredText(request, "hook");
        RequestBodies.requiredText(request, "hookInstance");
        JsonNode context = request.get("context");
        if (context == null || !context.isObject()) {
            throw ApiProblem.badField("context", context == null ? null : context.toString(),
                    "is required: an object").raise();
        }
        if (request.hasNonNull("fhirAuthorization")) {
            RequestBodies.requiredText(request, "fhirServer");
        }
        JsonNode prefetch = request.get("prefetch");
        if (prefetch != null && !prefetch.isNull() && !prefetch.isObject()) {
            throw ApiProblem.badField("prefetch", prefetch.toString(), "must be an object").raise();
        }
        ProfilerEngine current = engine.current();
        CdsIntakeReader.Reading reading = new CdsIntakeReader(current, clock, pseudonyms())
                .read(context, prefetch, client.name());
        if (reading instanceof CdsIntakeReader.NotAssessed why) {
            LOG.info("CDS call of {} not assessed: {} {}", client.name(), why.field(), why.reason());
            ctx.json(CdsCards.Response.notAssessed(why));
            return;
        }
        Intake intake = ((CdsIntakeReader.Found) reading).intake();
        Outcome outcome = current.assess(intake);
        monitoring.assessed(Monitoring.Via.CDS_HOOKS);
        String caseId = outcome.caseId();
        boolean stored = database.cases().ownerOf(caseId).isPresent();
        List<CdsCards.Card> cards = CdsCards.cards(outcome, current.catalogue(),
                new CdsCards.Context(SERVICE_ID, canonical(intake), publicUrl.get(), stored));
        database.cdsFeedback().recordIssued(cards.stream().map(card -> new CdsFeedbackStore.NewCard(card.uuid(),
                SERVICE_ID, caseId, card.recommendationId(), outcome.ruleSetVersion())).toList(), client.name());
        audit.record(client, AUDIT_CARDS, caseId, cards.size() + " cards");
        ctx.json(new CdsCards.Response(cards));
    }

    private CasePseudonyms pseudonyms() {
        CasePseudonyms made = pseudonyms;
        if (made == null) {
            // Two first calls at once both read the one key the database keeps.
            made = new CasePseudonyms(database.secrets().key(CasePseudonyms.KEY_NAME));
            pseudonyms = made;
        }
        return made;
    }

    /**
     * The intake as card uuids are derived from it: observations in code order, so the same intake gives the same
     * cards whether it came as intake JSON or as a QuestionnaireResponse (which lists them in form order).
     */
    static String canonical(Intake intake) {
        return IntakeJson.write(new Intake(intake.caseId(), intake.date(), intake.observer(),
                intake.observations().stream().sorted(Comparator.comparing(Observation::code)).toList(),
                intake.rulers(), intake.notes()));
    }

    // ---- feedback

    private void feedback(Context ctx) {
        Principal client = ProfilerServer.principal(ctx);
        JsonNode items = RequestBodies.object(ctx).get("feedback");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw ApiProblem.badField("feedback", items == null ? null : items.toString(),
                    "is required: an array of feedback items").raise();
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<CdsFeedbackStore.NewFeedback> feedback = new ArrayList<>();
        List<CdsFeedbackStore.IssuedCard> cards = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String field = "feedback[" + i + "]";
            int before = problems.size();
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                problems.add(new FieldProblem(field, item.toString(), "must be an object"));
                continue;
            }
            CdsFeedbackStore.IssuedCard card = card(item, field, problems);
            CdsFeedbackStore.NewFeedback parsed = feedbackItem(item, field, card, problems);
            if (problems.size() == before) {
                feedback.add(parsed);
                cards.add(card);
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.badRequest("The feedback was not stored: " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + ".", problems).raise();
        }
        for (int i = 0; i < feedback.size(); i++) {
            if (database.cdsFeedback().store(feedback.get(i), client.name())) {
                audit.record(client, AUDIT_FEEDBACK, cards.get(i).caseId(), "card " + cards.get(i).uuid() + " "
                        + feedback.get(i).outcome());
            }
        }
        ctx.status(200);
    }

    private CdsFeedbackStore.IssuedCard card(JsonNode item, String field, List<FieldProblem> problems) {
        String uuid = text(item, "card", field, true, 36, problems);
        if (uuid == null) {
            return null;
        }
        Optional<CdsFeedbackStore.IssuedCard> card = database.cdsFeedback().card(uuid)
                .filter(issued -> issued.serviceId().equals(SERVICE_ID));
        if (card.isEmpty()) {
            problems.add(new FieldProblem(field + ".card", uuid, "is not a card this service issued"));
        }
        return card.orElse(null);
    }

    /** One feedback item, its problems added to {@code problems}; null when it has any. */
    private static CdsFeedbackStore.NewFeedback feedbackItem(JsonNode item, String field,
                                                             CdsFeedbackStore.IssuedCard card,
                                                             List<FieldProblem> problems) {
        String outcome = text(item, "outcome", field, true, 20, problems);
        if (outcome != null && !outcome.equals(CdsFeedbackStore.ACCEPTED)
                && !outcome.equals(CdsFeedbackStore.OVERRIDDEN)) {
            problems.add(new FieldProblem(field + ".outcome", outcome, "must be accepted or overridden"));
        }
        List<String> accepted = acceptedSuggestions(item, field, card, CdsFeedbackStore.ACCEPTED.equals(outcome),
                problems);
        String reasonSystem = null;
        String reasonCode = null;
        String reasonDisplay = null;
        String comment = null;
        JsonNode overrideReason = item.get("overrideReason");
        if (overrideReason != null && !overrideReason.isNull()) {
            String reasonField = field + ".overrideReason";
            if (!overrideReason.isObject()) {
                problems.add(new FieldProblem(reasonField, overrideReason.toString(), "must be an object"));
            } else {
                JsonNode reason = overrideReason.get("reason");
                if (reason != null && !reason.isNull()) {
                    if (!reason.isObject()) {
                        problems.add(new FieldProblem(reasonField + ".reason", reason.toString(),
                                "must be a Coding (system, code, display)"));
                    } else {
                        reasonSystem = text(reason, "system", reasonField + ".reason", true, 500, problems);
                        reasonCode = text(reason, "code", reasonField + ".reason", true, 200, problems);
                        reasonDisplay = text(reason, "display", reasonField + ".reason", false, 500, problems);
                        if (reasonDisplay == null) {
                            reasonDisplay = displayOfOurReason(reasonSystem, reasonCode);
                        }
                    }
                }
                comment = text(overrideReason, "userComment", reasonField, false, CdsFeedbackStore.MAX_COMMENT,
                        problems);
            }
        }
        Instant outcomeTimestamp = timestamp(item, field, problems);
        if (card == null || outcome == null || outcomeTimestamp == null) {
            return null;
        }
        return new CdsFeedbackStore.NewFeedback(card.uuid(), outcome, accepted, reasonSystem, reasonCode,
                reasonDisplay, comment, outcomeTimestamp);
    }

    /** Required for accepted: each {@code id} must be the suggestion of the card. */
    private static List<String> acceptedSuggestions(JsonNode item, String field, CdsFeedbackStore.IssuedCard card,
                                                    boolean required, List<FieldProblem> problems) {
        String listField = field + ".acceptedSuggestions";
        JsonNode list = item.get("acceptedSuggestions");
        if (list == null || list.isNull()) {
            if (required) {
                problems.add(new FieldProblem(listField, null, "is required for outcome accepted"));
            }
            return List.of();
        }
        if (!list.isArray() || list.isEmpty()) {
            problems.add(new FieldProblem(listField, list.toString(), "must be a non-empty array of {\"id\": ...}"));
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String id = text(list.get(i), "id", listField + "[" + i + "]", true, 36, problems);
            if (id != null && card != null && !id.equals(CdsCards.suggestionUuid(card.uuid()))) {
                problems.add(new FieldProblem(listField + "[" + i + "].id", id, "is not a suggestion of this card"));
            } else if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static Instant timestamp(JsonNode item, String field, List<FieldProblem> problems) {
        String value = text(item, "outcomeTimestamp", field, true, 64, problems);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field + ".outcomeTimestamp", value,
                    "must be an ISO 8601 date and time in UTC, e.g. 2026-11-20T10:15:30Z"));
            return null;
        }
    }

    private static String displayOfOurReason(String system, String code) {
        return CdsCards.OVERRIDE_REASONS.stream()
                .filter(reason -> reason.system().equals(system) && reason.code().equals(code))
                .map(CdsCards.Coding::display).findFirst().orElse(null);
    }

    /** A text field of {@code node}: null (with a problem when required) when absent, blank, too long or no text. */
    private static String text(JsonNode node, String name, String parent, boolean required, int maxLength,
                               List<FieldProblem> problems) {
        String field = parent + "." + name;
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(new FieldProblem(field, null, "is required"));
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(new FieldProblem(field, value.toString(), "must be non-empty text"));
            return null;
        }
        if (value.asText().length() > maxLength) {
            problems.add(new FieldProblem(field, null, "must be at most " + maxLength + " characters"));
            return null;
        }
        return value.asText();
    }
}
