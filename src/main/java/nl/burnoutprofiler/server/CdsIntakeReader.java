package nl.burnoutprofiler.server;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import nl.burnoutprofiler.engine.FieldProblem;
import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.InvalidIntakeException;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.fhir.IntakeQuestionnaire;

/**
 * Finds the intake in a CDS Hooks request (contract section 5): {@code context.intake} (the intake JSON),
 * {@code context.questionnaireResponse} (a FHIR QuestionnaireResponse to the intake questionnaire), or a prefetch
 * entry holding such a QuestionnaireResponse, alone or in a search Bundle. Errors name the field within the request,
 * e.g. {@code context.intake.observations[2].intensity}; for a QuestionnaireResponse the item's linkId follows a
 * {@code #}.
 */
final class CdsIntakeReader {

    static final String CONTEXT_INTAKE = "intake";
    static final String CONTEXT_QUESTIONNAIRE_RESPONSE = "questionnaireResponse";

    private final ProfilerEngine engine;
    private final Clock clock;

    CdsIntakeReader(ProfilerEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * The intake of the request, or empty when the client prefetched and found none (a null entry or an empty
     * Bundle): then there is no guidance to give.
     *
     * @throws InvalidIntakeException naming each field at fault
     * @throws RuntimeException       a 412 {@link ApiProblem} when the request carries no intake and no prefetch
     */
    Optional<Intake> read(JsonNode context, JsonNode prefetch) {
        JsonNode intake = context.get(CONTEXT_INTAKE);
        if (present(intake)) {
            return Optional.of(fromIntakeJson(intake, "context." + CONTEXT_INTAKE));
        }
        JsonNode response = context.get(CONTEXT_QUESTIONNAIRE_RESPONSE);
        if (present(response)) {
            return Optional.of(fromQuestionnaireResponse(response, "context." + CONTEXT_QUESTIONNAIRE_RESPONSE));
        }
        boolean prefetchedNothing = false;
        if (prefetch != null && prefetch.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(prefetch.properties());
            // The service's own key first; a client may have prefetched more than asked.
            entries.sort((a, b) -> Boolean.compare(!a.getKey().equals(CdsHooksRoutes.PREFETCH_KEY),
                    !b.getKey().equals(CdsHooksRoutes.PREFETCH_KEY)));
            for (Map.Entry<String, JsonNode> entry : entries) {
                String field = "prefetch." + entry.getKey();
                JsonNode value = entry.getValue();
                if (isResource(value, "QuestionnaireResponse")) {
                    return Optional.of(fromQuestionnaireResponse(value, field));
                }
                if (isResource(value, "Bundle")) {
                    Optional<Intake> bundled = fromBundle(value, field);
                    if (bundled.isPresent()) {
                        return bundled;
                    }
                    prefetchedNothing = true;
                } else if (value == null || value.isNull()) {
                    prefetchedNothing = true;
                } else if (entry.getKey().equals(CdsHooksRoutes.PREFETCH_KEY)) {
                    throw ApiProblem.badField(field, null,
                            "must be a QuestionnaireResponse, a Bundle of them, or null").raise();
                }
            }
        }
        if (prefetchedNothing) {
            return Optional.empty();
        }
        throw new ApiProblem(412, "Precondition failed", "The request carries no intake: send context."
                + CONTEXT_INTAKE + " (intake JSON), context." + CONTEXT_QUESTIONNAIRE_RESPONSE
                + " (FHIR QuestionnaireResponse) or prefetch." + CdsHooksRoutes.PREFETCH_KEY + ".",
                List.of(new FieldProblem("context." + CONTEXT_INTAKE, null,
                        "is required, or a QuestionnaireResponse in context or prefetch"))).raise();
    }

    /** The first QuestionnaireResponse among the entries of a search Bundle; a Bundle of another shape is a 400. */
    private Optional<Intake> fromBundle(JsonNode bundle, String field) {
        JsonNode entries = bundle.get("entry");
        if (!present(entries)) {
            return Optional.empty();
        }
        if (!entries.isArray()) {
            throw ApiProblem.badField(field + ".entry", null, "must be an array of Bundle entries").raise();
        }
        for (int i = 0; i < entries.size(); i++) {
            String entryField = field + ".entry[" + i + "]";
            JsonNode entry = entries.get(i);
            if (!entry.isObject()) {
                throw ApiProblem.badField(entryField, null, "must be a Bundle entry (an object)").raise();
            }
            JsonNode resource = entry.get("resource");
            if (present(resource) && !resource.isObject()) {
                throw ApiProblem.badField(entryField + ".resource", null, "must be a FHIR resource (an object)")
                        .raise();
            }
            if (isResource(resource, "QuestionnaireResponse")) {
                return Optional.of(fromQuestionnaireResponse(resource, entryField + ".resource"));
            }
        }
        return Optional.empty();
    }

    private Intake fromIntakeJson(JsonNode intake, String field) {
        try {
            return EngineRoutes.readIntake(engine, clock, intake);
        } catch (InvalidIntakeException e) {
            throw within(field, e, ".");
        }
    }

    private Intake fromQuestionnaireResponse(JsonNode response, String field) {
        try {
            return IntakeQuestionnaire.parseIntake(response.toString(), engine.catalogue());
        } catch (InvalidIntakeException e) {
            throw within(field, e, "#");
        }
    }

    /** The same problems, each field named from the root of the request. */
    private static InvalidIntakeException within(String field, InvalidIntakeException e, String separator) {
        return new InvalidIntakeException(e.problems().stream()
                .map(problem -> new FieldProblem("$".equals(problem.field()) ? field
                        : field + separator + problem.field(), problem.value(), problem.reason()))
                .toList());
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static boolean isResource(JsonNode node, String type) {
        return node != null && node.isObject() && type.equals(node.path("resourceType").asText());
    }
}
