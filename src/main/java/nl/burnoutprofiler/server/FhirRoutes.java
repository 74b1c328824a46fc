package nl.burnoutprofiler.server;

import java.time.Clock;
import java.util.Date;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import org.hl7.fhir.instance.model.api.IBaseResource;

import io.javalin.http.Context;

import nl.burnoutprofiler.engine.Intake;
import nl.burnoutprofiler.engine.Outcome;
import nl.burnoutprofiler.engine.ProfilerEngine;
import nl.burnoutprofiler.fhir.Fhir;
import nl.burnoutprofiler.fhir.IntakeQuestionnaire;
import nl.burnoutprofiler.fhir.OutcomeResources;
import nl.burnoutprofiler.fhir.ServerCapabilities;

/**
 * FHIR R4 for integrators: what the endpoint offers ({@code /fhir/metadata}), the intake form as a Questionnaire
 * with the code systems it uses, and assessing a QuestionnaireResponse to it into a GuidanceResponse or a CarePlan. A bad response is a 400 problem naming the
 * item (its linkId), like every other route.
 */
final class FhirRoutes {

    static final String FHIR_JSON = "application/fhir+json";
    /** Said explicitly: without it the servlet container writes the text as ISO-8859-1. */
    private static final String FHIR_JSON_UTF8 = FHIR_JSON + "; charset=utf-8";
    /** The program's version from the jar's manifest; null in a development build. */
    private static final String SOFTWARE_VERSION = FhirRoutes.class.getPackage().getImplementationVersion();

    private final LiveEngine engine;
    private final Monitoring monitoring;
    private final Supplier<String> publicUrl;
    private final Date started;

    FhirRoutes(LiveEngine engine, Supplier<String> publicUrl, Clock clock, Monitoring monitoring) {
        this.monitoring = monitoring;
        this.engine = engine;
        this.publicUrl = publicUrl;
        this.started = Date.from(clock.instant());
    }

    void register(RouteTable routes) {
        // Public: FHIR clients read it before they sign in, and it tells nothing about anyone.
        routes.get("/fhir/metadata", ctx -> definition(ctx, e -> ServerCapabilities.capabilityStatement(
                e.ruleSetVersion(), publicUrl.get() + "/fhir", SOFTWARE_VERSION, started)));
        for (ServerCapabilities.Operation operation : ServerCapabilities.Operation.values()) {
            routes.get("/fhir/OperationDefinition/" + operation.definitionId(), ctx -> definition(ctx,
                    e -> ServerCapabilities.operationDefinition(operation, e.ruleSetVersion())), Access.ANYONE);
        }
        routes.get("/fhir/Questionnaire/intake", ctx -> definition(ctx,
                e -> IntakeQuestionnaire.questionnaire(e.catalogue(), e.ruleSetVersion())), Access.ANYONE);
        routes.get("/fhir/CodeSystem/observation-codes", ctx -> definition(ctx,
                e -> IntakeQuestionnaire.codeSystem(e.catalogue(), e.ruleSetVersion())), Access.ANYONE);
        routes.get("/fhir/CodeSystem/intake-answers", ctx -> definition(ctx,
                e -> IntakeQuestionnaire.answerCodeSystem(e.ruleSetVersion())), Access.ANYONE);
        routes.get("/fhir/CodeSystem/advice", ctx -> definition(ctx,
                e -> OutcomeResources.adviceCodeSystem(e.catalogue(), e.ruleSetVersion())), Access.ANYONE);
        routes.post("/fhir/QuestionnaireResponse/$assess", ctx -> assess(ctx, OutcomeResources::guidanceResponse),
                Access.ANYONE);
        routes.post("/fhir/QuestionnaireResponse/$care-plan", ctx -> assess(ctx, OutcomeResources::carePlan),
                Access.ANYONE);
    }

    /** A definition resource of the running rule set, built from its catalogue. */
    private void definition(Context ctx, Function<ProfilerEngine, IBaseResource> build) {
        ctx.contentType(FHIR_JSON_UTF8).result(Fhir.toJson(build.apply(engine.current())));
    }

    private void assess(Context ctx, BiFunction<Outcome, String, IBaseResource> resource) {
        ProfilerEngine current = engine.current();
        // Read as UTF-8 (RFC 8259) and within our limits before HAPI's parser sees it
        String body = RequestBodies.intake(ctx).toString();
        Intake intake = IntakeQuestionnaire.parseIntake(body, current.catalogue());
        IBaseResource answer = resource.apply(current.assess(intake), intake.caseId());
        monitoring.assessed(Monitoring.Via.FHIR);
        ctx.header("Cache-Control", "no-store"); // it describes a person
        ctx.contentType(FHIR_JSON_UTF8).result(Fhir.toJson(answer));
    }
}
