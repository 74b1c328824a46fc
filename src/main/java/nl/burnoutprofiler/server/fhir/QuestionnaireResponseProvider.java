package nl.burnoutprofiler.server.fhir;

import java.util.function.BiFunction;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;

import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.InvalidIntakeException;
import nl.burnoutprofiler.engine.Outcome;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.fhir.IntakeQuestionnaire;
import nl.burnoutprofiler.fhir.OutcomeResources;

/**
 * Assessing a completed intake: {@code $assess} answers with a GuidanceResponse, {@code $care-plan} with a CarePlan.
 * The QuestionnaireResponse comes as the body, or as the parameter {@code resource} of a Parameters body (HAPI
 * accepts both for a resource parameter). Nothing is stored; a response that does not fit the form is a 422 whose
 * issues name each item at fault.
 */
public final class QuestionnaireResponseProvider implements IResourceProvider {

    /** The input parameter, as the OperationDefinitions declare it. */
    static final String RESOURCE = "resource";

    private final Supplier<ProfilerEngine> engine;
    /** Told of each intake assessed, for the server's metrics. */
    private final Runnable assessed;

    QuestionnaireResponseProvider(Supplier<ProfilerEngine> engine, Runnable assessed) {
        this.engine = engine;
        this.assessed = assessed;
    }

    @Override
    public Class<QuestionnaireResponse> getResourceType() {
        return QuestionnaireResponse.class;
    }

    @Operation(name = "$assess", returnParameters = @OperationParam(name = "return", type = GuidanceResponse.class,
            min = 1, max = 1))
    @Description(shortDefinition = "Assess a completed intake into a GuidanceResponse")
    public GuidanceResponse assess(@OperationParam(name = RESOURCE, min = 1, max = 1) QuestionnaireResponse response,
                                   HttpServletResponse answer) {
        return assess(response, answer, OutcomeResources::guidanceResponse);
    }

    @Operation(name = "$care-plan", returnParameters = @OperationParam(name = "return", type = CarePlan.class,
            min = 1, max = 1))
    @Description(shortDefinition = "Assess a completed intake into a CarePlan of the recommendations in order")
    public CarePlan carePlan(@OperationParam(name = RESOURCE, min = 1, max = 1) QuestionnaireResponse response,
                             HttpServletResponse answer) {
        return assess(response, answer, OutcomeResources::carePlan);
    }

    private <T extends IBaseResource> T assess(QuestionnaireResponse response, HttpServletResponse answer,
                                               BiFunction<Outcome, String, T> resource) {
        answer.setHeader("Cache-Control", "no-store"); // the answer, even a refusal, describes a person
        if (response == null) {
            throw new InvalidRequestException("Send a QuestionnaireResponse as the body, or Parameters with the "
                    + "QuestionnaireResponse as the parameter \"" + RESOURCE + "\".");
        }
        ProfilerEngine current = engine.get();
        try {
            Intake intake = IntakeQuestionnaire.toIntake(response, current.catalogue());
            T answered = resource.apply(current.assess(intake), intake.caseId());
            assessed.run();
            return answered;
        } catch (InvalidIntakeException e) {
            int count = e.problems().size();
            throw new UnprocessableEntityException("The QuestionnaireResponse was not assessed: " + count
                    + " problem" + (count == 1 ? "" : "s") + ".", IntakeQuestionnaire.operationOutcome(e.problems()));
        }
    }
}
