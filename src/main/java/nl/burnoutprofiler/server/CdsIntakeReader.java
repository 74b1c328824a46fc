package nl.burnoutprofiler.server;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;

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
 *
 * <p>A QuestionnaireResponse is assessed only when it is final ({@code completed}, or {@code amended} after that) and
 * about the hook's patient: its {@code subject} must be {@code Patient/<context.patientId>}. A draft, or a form about
 * someone else, gives no cards and the reason why, never another person's advice. A form filled in on the EHR side
 * has no case id of ours: its case is then a pseudonym of the patient and the client ({@link CasePseudonyms}).
 */
final class CdsIntakeReader {

    static final String CONTEXT_INTAKE = "intake";
    static final String CONTEXT_QUESTIONNAIRE_RESPONSE = "questionnaireResponse";
    static final String CONTEXT_PATIENT = "patientId";

    /** What a request holds: an intake to assess, or why there is none. */
    sealed interface Reading permits Found, NotAssessed {
    }

    record Found(Intake intake) implements Reading {
    }

    /** No intake to assess, said in the terms of the request: the field at issue and why. */
    record NotAssessed(String field, String reason) implements Reading {
    }

    private final ProfilerEngine engine;
    private final Clock clock;
    private final CasePseudonyms pseudonyms;

    CdsIntakeReader(ProfilerEngine engine, Clock clock, CasePseudonyms pseudonyms) {
        this.engine = engine;
        this.clock = clock;
        this.pseudonyms = pseudonyms;
    }

    /**
     * The intake of the request, or why there is none to assess: the client prefetched and found none (a null
     * entry or an empty Bundle), or what it found is a draft or about another patient.
     *
     * @param client who calls (a token's name, a CDS client's issuer): part of the pseudonym of a case without id
     * @throws InvalidIntakeException naming each field at fault
     * @throws RuntimeException       a 412 {@link ApiProblem} when the request carries no intake and no prefetch,
     *                                a 400 when a QuestionnaireResponse comes without {@code context.patientId}
     */
    Reading read(JsonNode context, JsonNode prefetch, String client) {
        JsonNode intake = context.get(CONTEXT_INTAKE);
        if (present(intake)) {
            return new Found(fromIntakeJson(intake, "context." + CONTEXT_INTAKE));
        }
        JsonNode response = context.get(CONTEXT_QUESTIONNAIRE_RESPONSE);
        if (present(response)) {
            return fromQuestionnaireResponse(response, "context." + CONTEXT_QUESTIONNAIRE_RESPONSE, context, client);
        }
        NotAssessed firstReason = null;
        if (prefetch != null && prefetch.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(prefetch.properties());
            // The service's own key first; a client may have prefetched more than asked.
            entries.sort((a, b) -> Boolean.compare(!a.getKey().equals(CdsHooksRoutes.PREFETCH_KEY),
                    !b.getKey().equals(CdsHooksRoutes.PREFETCH_KEY)));
            for (Map.Entry<String, JsonNode> entry : entries) {
                String field = "prefetch." + entry.getKey();
                JsonNode value = entry.getValue();
                Reading reading;
                if (isResource(value, "QuestionnaireResponse")) {
                    reading = fromQuestionnaireResponse(value, field, context, client);
                } else if (isResource(value, "Bundle")) {
                    reading = fromBundle(value, field, context, client);
                } else if (value == null || value.isNull()) {
                    reading = new NotAssessed(field, "is null: the client found no completed intake of the patient");
                } else if (entry.getKey().equals(CdsHooksRoutes.PREFETCH_KEY)) {
                    throw ApiProblem.badField(field, null,
                            "must be a QuestionnaireResponse, a Bundle of them, or null").raise();
                } else {
                    continue;
                }
                if (reading instanceof Found) {
                    return reading;
                }
                firstReason = firstReason != null ? firstReason : (NotAssessed) reading;
            }
        }
        if (firstReason != null) {
            return firstReason;
        }
        throw new ApiProblem(412, "Precondition failed", "The request carries no intake: send context."
                + CONTEXT_INTAKE + " (intake JSON), context." + CONTEXT_QUESTIONNAIRE_RESPONSE
                + " (FHIR QuestionnaireResponse) or prefetch." + CdsHooksRoutes.PREFETCH_KEY + ".",
                List.of(new FieldProblem("context." + CONTEXT_INTAKE, null,
                        "is required, or a QuestionnaireResponse in context or prefetch"))).raise();
    }

    /**
     * The first assessable QuestionnaireResponse among the entries of a search Bundle, else why none is; a Bundle
     * of another shape is a 400.
     */
    private Reading fromBundle(JsonNode bundle, String field, JsonNode context, String client) {
        JsonNode entries = bundle.get("entry");
        if (!present(entries)) {
            return new NotAssessed(field, "is an empty search result: the client found no completed intake");
        }
        if (!entries.isArray()) {
            throw ApiProblem.badField(field + ".entry", null, "must be an array of Bundle entries").raise();
        }
        NotAssessed firstReason = null;
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
                Reading reading = fromQuestionnaireResponse(resource, entryField + ".resource", context, client);
                if (reading instanceof Found) {
                    return reading;
                }
                firstReason = firstReason != null ? firstReason : (NotAssessed) reading;
            }
        }
        return firstReason != null ? firstReason
                : new NotAssessed(field, "holds no QuestionnaireResponse: the client found no completed intake");
    }

    private Intake fromIntakeJson(JsonNode intake, String field) {
        try {
            return EngineRoutes.readIntake(engine, clock, intake);
        } catch (InvalidIntakeException e) {
            throw within(field, e, ".");
        }
    }

    private Reading fromQuestionnaireResponse(JsonNode json, String field, JsonNode context, String client) {
        QuestionnaireResponse response;
        try {
            response = IntakeQuestionnaire.parseResponse(json.toString());
        } catch (InvalidIntakeException e) {
            throw within(field, e, "#");
        }
        QuestionnaireResponseStatus status = response.getStatus();
        if (status != QuestionnaireResponseStatus.COMPLETED && status != QuestionnaireResponseStatus.AMENDED) {
            return new NotAssessed(field + ".status", "is " + (status == null ? "missing" : status.toCode())
                    + ": only a completed intake is assessed");
        }
        JsonNode patient = context.get(CONTEXT_PATIENT);
        if (patient == null || !patient.isTextual() || patient.asText().isBlank()) {
            throw ApiProblem.badField("context." + CONTEXT_PATIENT, patient == null ? null : patient.toString(),
                    "is required with a QuestionnaireResponse, which must be about this patient").raise();
        }
        String patientId = patient.asText();
        IIdType subject = response.getSubject().getReferenceElement();
        if (!"Patient".equals(subject.getResourceType()) || !patientId.equals(subject.getIdPart())) {
            return new NotAssessed(field + ".subject", response.getSubject().hasReference()
                    ? "is another patient than context.patientId: only the hook's patient's intake is assessed"
                    : "is required: Patient/<context.patientId>, the patient the intake is about");
        }
        try {
            return new Found(IntakeQuestionnaire.toIntake(response, engine.catalogue(),
                    pseudonyms.of(client, patientId)));
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
